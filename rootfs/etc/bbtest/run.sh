# run.sh BUSYBOX DIR - the differential busybox test's runner (docs/busybox.md).
# Run under busybox ash with a fixed environment (env -i: PATH, HOME, TERM,
# TZ, LC_ALL), on the host by scripts/test.sh and in the guest as
#   init=/bin/init -- /bin/busybox env -i PATH=/usr/bin HOME=/ TERM=vt100 TZ=UTC0 LC_ALL=C
#        /bin/busybox sh /etc/bbtest/run.sh /bin/busybox /tmp/bbtest
# It copies cases.sh into DIR, runs it there (in DIR/work, empty) with
# stdout and stderr into one transcript, and prints the transcript between
# `# bbtest: begin` and `# bbtest: end STATUS` lines.
bb=$1 dir=$2
"$bb" mkdir -p "$dir/work" || exit 1
"$bb" cp "${0%/*}/cases.sh" "$dir/cases.sh" || exit 1
cd "$dir/work" || exit 1
"$bb" sh ../cases.sh > ../transcript.txt 2>&1
status=$?
echo "# bbtest: begin"
"$bb" cat ../transcript.txt
echo "# bbtest: end $status"
