# job.sh S2 S3 - the job of scripts/test.sh's interactive busybox test (3h),
# run in a pipeline: asks for the bytes S2 (Ctrl-Z, jobs, bg, jobs, fg),
# and once it has been continued (a SIGCONT came: bg's and fg's may arrive
# as one, as signals do not queue) and is the terminal's foreground group
# again (/proc/self/stat: pgrp, field 5, equals tpgid, field 8), asks for
# S3 (Ctrl-C, ...), which must end it. Sleeps meanwhile; after 60 s it
# says `job: ended alone` and ends, so the test fails soon instead of
# hanging until the time-out.
S3=$2 n=0 asked=
trap 'n=$((n + 1))' CONT
echo "#" feed $1
i=0
while [ $i -lt 60 ]; do
	sleep 1
	i=$((i + 1))
	[ -z "$asked" ] && [ $n -ge 1 ] || continue
	read -r stat </proc/$$/stat
	set -- $stat
	[ "$5" = "$8" ] && asked=yes && echo "#" feed $S3
done
echo "job: ended alone"
