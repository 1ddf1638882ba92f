# login.sh - busybox ash as the login shell (docs/busybox.md):
#   scripts/run.sh shell --busybox
# boots with init=/bin/init -- /bin/busybox sh /etc/busybox/login.sh.
# The applets are /usr/bin's links to /bin/busybox, ahead of the project's
# own /bin in PATH. A kernel without symbolic links drops the initrd's
# links, so until it has them this makes hard links instead.
if [ ! -e /usr/bin/sed ]; then
	echo "busybox: no applet links in /usr/bin (no symlinks from the initrd): making hard links"
	for a in $(/bin/busybox --list); do
		[ "$a" = busybox ] || /bin/busybox ln -f /bin/busybox "/usr/bin/$a"
	done
fi
cd / || exit 1
# argv[0] "-sh" makes ash a login shell (it reads /etc/profile), as login(1) does.
exec /bin/busybox env -i PATH=/usr/bin:/bin HOME=/ TERM=vt100 TZ=UTC0 SHELL=/bin/busybox \
	/bin/busybox sh -c 'exec -a -sh /bin/busybox'
