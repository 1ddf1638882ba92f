# guest.sh - the differential busybox test in the guest (scripts/test.sh,
# section 3g): init=/bin/init -- /bin/busybox sh /etc/bbtest/guest.sh
# The applets are reached through /usr/bin's symbolic links to
# /bin/busybox (or /proc/self/exe), which the initrd holds; when they are
# missing this says so and stops (test.sh's `links` check fails). Then
# run.sh with a fixed environment, as on the host.
if [ ! -L /usr/bin/sed ]; then
	echo "# bbtest: no applet links in /usr/bin (the initrd's symbolic links are missing)"
	exit 1
fi
exec /bin/busybox env -i PATH=/usr/bin HOME=/ TERM=vt100 TZ=UTC0 LC_ALL=C \
	/bin/busybox sh /etc/bbtest/run.sh /bin/busybox /tmp/bbtest
