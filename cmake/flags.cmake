# Compiler and linker flags, carried by INTERFACE libraries so every target
# states what it is (kernel code, EFI code, host test) by linking one of them.

# Clang's own freestanding headers (stdint.h, stdarg.h, ...): with -nostdinc
# nothing from the host's /usr/include can leak into the kernel or the loader.
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-resource-dir
                OUTPUT_VARIABLE CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)

set(WARNINGS -Wall -Wextra -Wno-unused-parameter)

# --- the kernel: higher half, no SSE, no red zone --------------------------
add_library(kernel_flags INTERFACE)
target_compile_options(kernel_flags INTERFACE
  --target=x86_64-unknown-none-elf
  # required for kernel code (do not change):
  -ffreestanding -nostdinc -isystem ${CLANG_RESOURCE_DIR}/include
  -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone
  -mno-sse -mno-sse2 -mno-mmx -mno-avx -msoft-float
  -fno-stack-protector -fno-omit-frame-pointer -momit-leaf-frame-pointer -fno-common
  # style:
  -std=gnu11 ${WARNINGS})
target_link_options(kernel_flags INTERFACE
  --target=x86_64-unknown-none-elf -fuse-ld=lld -nostdlib -static
  -Wl,-z,max-page-size=4096 -Wl,--build-id=none)
target_include_directories(kernel_flags INTERFACE
  ${PROJECT_SOURCE_DIR}/kernel/include ${PROJECT_SOURCE_DIR}/kernel ${GEN_DIR})

# --- the UEFI loader: an ELF shared object turned into PE32+ by objcopy ----
set(GNUEFI_INC /usr/include/efi CACHE PATH "gnu-efi headers")
set(GNUEFI_LIB /usr/lib CACHE PATH "gnu-efi crt0, linker script and libraries")
# gnu-efi's linker script names GNU ld's dynamic-relocation sections; lld puts
# them all in .rela.dyn, which the script would leave as an orphan in front
# of .text (inside the PE headers). Use the script with that one name added.
file(READ ${GNUEFI_LIB}/elf_x86_64_efi.lds GNUEFI_LDS)
string(REPLACE "*(.rela.data*)" "*(.rela.dyn) *(.rela.data*)" GNUEFI_LDS "${GNUEFI_LDS}")
set(EFI_LDS ${CMAKE_BINARY_DIR}/elf_x86_64_efi_lld.lds)
file(WRITE ${EFI_LDS} "/* generated from ${GNUEFI_LIB}/elf_x86_64_efi.lds by cmake/flags.cmake */\n${GNUEFI_LDS}")
add_library(efi_flags INTERFACE)
target_compile_options(efi_flags INTERFACE
  --target=x86_64-unknown-linux-gnu
  -ffreestanding -nostdinc -isystem ${CLANG_RESOURCE_DIR}/include
  -fpic -fshort-wchar -mno-red-zone -fno-stack-protector -fno-strict-aliasing
  -mno-sse -mno-mmx -msoft-float
  -DGNU_EFI_USE_MS_ABI -DEFI_FUNCTION_WRAPPER
  -std=gnu11 ${WARNINGS})
target_include_directories(efi_flags INTERFACE
  ${GNUEFI_INC} ${GNUEFI_INC}/x86_64 ${PROJECT_SOURCE_DIR}/kernel/include ${PROJECT_SOURCE_DIR}/kernel)
target_link_options(efi_flags INTERFACE
  --target=x86_64-unknown-linux-gnu -fuse-ld=lld -nostdlib -shared
  -Wl,-Bsymbolic -Wl,-znocombreloc -Wl,-z,norelro -Wl,--no-undefined
  -Wl,-T,${EFI_LDS} ${GNUEFI_LIB}/crt0-efi-x86_64.o)

# --- user programs and libc: ring 3, static, the normal x86-64 ABI (SSE2
# for floating point; the kernel keeps each process's x87/SSE/AVX state),
# headers from libc/include and kernel/api only ---------------------------
add_library(user_flags INTERFACE)
target_compile_options(user_flags INTERFACE
  --target=x86_64-unknown-none-elf
  -ffreestanding -nostdinc -isystem ${CLANG_RESOURCE_DIR}/include
  -fno-pic -fno-pie
  -fno-stack-protector -fomit-frame-pointer
  -std=gnu11 ${WARNINGS})
# (SYSTEM include directories: repeated -isystem options would be merged by CMake)
target_include_directories(user_flags SYSTEM INTERFACE
  ${PROJECT_SOURCE_DIR}/libc/include ${GEN_DIR} ${PROJECT_SOURCE_DIR}/kernel)
target_link_options(user_flags INTERFACE
  --target=x86_64-unknown-none-elf -fuse-ld=lld -nostdlib -static
  -Wl,-z,max-page-size=4096 -Wl,--build-id=none)

# --- 32-bit user programs and libc32 (-m32): the same, for i386 (SSE2
# for floating point too, as Linux's i386 programs may assume on x86-64
# CPUs); i386's <sys/syscall.h> (gen/i386) comes ahead of x86-64's --------
add_library(user32_flags INTERFACE)
target_compile_options(user32_flags INTERFACE
  --target=i386-unknown-none-elf -msse2 -mfpmath=sse
  -DLIBC_TIME32                  # api/abi.h: i386's 32-bit timespec and timeval
  -ffreestanding -nostdinc -isystem ${CLANG_RESOURCE_DIR}/include
  -fno-pic -fno-pie
  -fno-stack-protector -fomit-frame-pointer
  -std=gnu11 ${WARNINGS})
target_include_directories(user32_flags SYSTEM INTERFACE
  ${PROJECT_SOURCE_DIR}/libc/include ${GEN_DIR}/i386 ${GEN_DIR} ${PROJECT_SOURCE_DIR}/kernel)
target_link_options(user32_flags INTERFACE
  --target=i386-unknown-none-elf -fuse-ld=lld -nostdlib -static
  -Wl,-z,max-page-size=4096 -Wl,--build-id=none)
# 64-bit division on i386 is a library call (__udivdi3 & co): clang's own
# builtins (libclang-common's compiler-rt), linked after libc32.
set(CLANG_RT_I386 ${CLANG_RESOURCE_DIR}/lib/linux/libclang_rt.builtins-i386.a)

# --- host unit tests: the pure parts, under ASan and UBSan -----------------
option(HOST_SANITIZE "Build host unit tests with ASan+UBSan" ON)
add_library(host_flags INTERFACE)
target_compile_options(host_flags INTERFACE -std=gnu11 -g ${WARNINGS} -DHOST_TEST)
target_include_directories(host_flags INTERFACE
  ${PROJECT_SOURCE_DIR}/kernel/include ${PROJECT_SOURCE_DIR}/kernel ${PROJECT_SOURCE_DIR}/kernel/tests)
if(HOST_SANITIZE)
  target_compile_options(host_flags INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all)
  target_link_options(host_flags INTERFACE -fsanitize=address,undefined)
endif()

# host_test(NAME SOURCES...): a host unit test run by ctest.
function(host_test name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE host_flags)
  add_test(NAME ${name} COMMAND ${name})
endfunction()
