/* vdso32_image.S - the built 32-bit vDSO (VDSO32_FILE), embedded in the kernel's rodata. */
	.section .rodata
	.balign 4096
	.global vdso32_image_start, vdso32_image_end
vdso32_image_start:
	.incbin VDSO32_FILE
vdso32_image_end:
