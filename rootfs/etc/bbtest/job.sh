# job.sh S2 S3 - the job of scripts/test.sh's interactive busybox test (3h),
# run in a pipeline: asks for the bytes S2 (Ctrl-Z, jobs, bg, jobs, fg),
# counts the SIGCONTs that bg and fg send, and after the second (it is in
# the foreground again) asks for S3 (Ctrl-C, ...). Sleeps meanwhile; after
# 60 s without them (no job control) it asks for S3 anyway and ends, so
# the test fails soon instead of hanging until the time-out.
n=0
trap 'n=$((n + 1)); [ $n = 2 ] && echo "#" feed $2' CONT
echo "#" feed $1
i=0
while [ $i -lt 60 ]; do sleep 1; i=$((i + 1)); done
[ $n -ge 2 ] || echo "#" feed $2
