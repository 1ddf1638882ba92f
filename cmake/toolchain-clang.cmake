# Clang + LLD for everything. Clang is a cross compiler by nature: the kernel,
# the bootloader and (later) user programs pick their target with --target in
# the INTERFACE libraries of cmake/flags.cmake; host unit tests use the default.
set(CMAKE_C_COMPILER clang)
set(CMAKE_ASM_COMPILER clang)
set(CMAKE_LINKER ld.lld)
