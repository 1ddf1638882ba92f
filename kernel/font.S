/* font.S - the console font (Lat15-VGA16 from Debian's console-setup-linux, unpacked at build time). */
	.section .rodata
	.balign 8
	.global font_psf, font_psf_end
font_psf:
	.incbin FONT_FILE
font_psf_end:
