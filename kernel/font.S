/* font.S - the console font (Debian kbd's Lat15-VGA16, unpacked at build time). */
	.section .rodata
	.balign 8
	.global font_psf, font_psf_end
font_psf:
	.incbin FONT_FILE
font_psf_end:
