/* vdso_image.S - the built vDSO (VDSO_FILE), embedded in the kernel's rodata. */
	.section .rodata
	.balign 4096
	.global vdso_image_start, vdso_image_end
vdso_image_start:
	.incbin VDSO_FILE
vdso_image_end:
