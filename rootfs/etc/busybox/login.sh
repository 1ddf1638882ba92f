# login.sh - busybox ash as the login shell (docs/busybox.md):
#   scripts/run.sh shell --busybox
# boots with init=/bin/init -- /bin/busybox sh /etc/busybox/login.sh.
# The applets are /usr/bin's links to /bin/busybox, ahead of the project's
# own /bin in PATH (the initrd holds them as symbolic links).
cd / || exit 1
# argv[0] "-sh" makes ash a login shell (it reads /etc/profile), as login(1) does.
exec /bin/busybox env -i PATH=/usr/bin:/bin HOME=/ TERM=vt100 TZ=UTC0 SHELL=/bin/busybox \
	/bin/busybox sh -c 'exec -a -sh /bin/busybox'
