# cases.sh - the differential busybox test's commands (docs/busybox.md).
# Run by run.sh under busybox ash, in an empty work directory, once on the
# host and once in the guest; the two transcripts must agree. `t NAME`
# starts a case: scripts/test.sh compares the transcripts case by case.
# A line `~TAG value` is a value that differs by nature (a time, a pid, the
# kernel's name): it is shown but only its tag is compared. Nothing else
# may print absolute paths, times, pids, sizes in blocks or owner names.
t() { echo "## $1"; }
v() { echo "~$1 $2"; }

t ash-for
for i in 1 2 3; do echo "i=$i"; done
for w in $(echo a b c); do printf '%s.' "$w"; done; echo
t ash-while
n=0; while [ $n -lt 4 ]; do n=$((n + 1)); done; echo "n=$n"
until [ $n -eq 0 ]; do n=$((n - 2)); echo "until $n"; done
t ash-case
for x in apple b42 '' zz; do case $x in a*) echo "a: $x" ;; *[0-9]*) echo "digit: $x" ;; '') echo empty ;; *) echo "other: $x" ;; esac; done
t ash-functions
add() { echo $(($1 + $2)); }
add 2 40
fact() { if [ "$1" -le 1 ]; then echo 1; else echo $(($1 * $(fact $(($1 - 1))))); fi; }
fact 10
f() { local x=inner; echo "$x $#"; return 3; }; x=outer; f a b; echo "status $? x=$x"
t ash-arith
echo $((7 * 6)) $((17 / 5)) $((17 % 5)) $((1 << 10)) $((0x1f)) $((-7 / 2)) $((3 > 2 && 1))
i=5; : $((i += 3)); echo $((i++)) $i $((i ? 100 : 200))
t ash-params
set -- one "two words" three; echo "$#" "$2"
for a in "$@"; do echo "[$a]"; done
s=hello.tar.gz; echo "${s%.gz}" "${s%%.*}" "${s#*.}" "${#s}" "${u:-default}" "${s:+set}"
t ash-heredoc
cat <<END
one $((1 + 1))
  indented
END
cat <<'END'
no $expansion here
END
cat <<-END
	tabs stripped
	END
t ash-read
printf 'alpha beta gamma\nsecond line\n' > r.txt
while read -r a b; do echo "a=$a b=$b"; done < r.txt
IFS=: read -r x y z <<EOF2
1:2:3
EOF2
echo "$z$y$x"
t ash-trap
(trap 'echo exit trap' EXIT; echo body)
sh -c 'trap "echo caught USR1" USR1; kill -USR1 $$; echo after'
sh -c 'trap "echo got TERM; exit 5" TERM; kill -TERM $$; echo not here'; echo "status $?"
t ash-set-e
(set -e; true; false; echo not reached); echo "status $?"
(set -e; false || echo handled; echo reached)
t ash-subshell
x=1; (x=2; echo "in $x"); echo "out $x"
echo "$(echo nested $(echo deeper))"
{ echo group1; echo group2; } | wc -l
t ash-exec-redir
(exec 3>fd3.txt; echo to three >&3; exec 3>&-; cat fd3.txt)
(exec 4<r.txt; read -r l <&4; echo "first: $l")
(exec >out.txt; echo into file); cat out.txt
echo err 2>&1 >/dev/null | wc -c
ls nosuch 2>/dev/null; echo "status $?"
t ash-pipes-status
false | true; echo $?
true && echo and; false || echo or; ! false && echo not
test 3 -gt 2 && [ -n x ] && [[ abc == a* ]] && echo tests
t text-sed
printf 'one\ntwo\nthree\nfour\n' > lines
sed -n '2,3p' lines
sed 's/o/0/g' lines | tr '\n' ' '; echo
sed -E 's/(t)(.)/\2\1/' lines
sed '/two/d; s/^/> /' lines
sed -n '$=' lines
t text-awk
awk '{ n += length($0) } END { print NR, n }' lines
awk -F: '{ print $3 "-" $1 }' <<EOF2
a:b:c
d:e:f
EOF2
awk 'BEGIN { for (i = 1; i <= 3; i++) s = s i * i " "; print s; printf "%5.2f|%-4s|%x\n", 3.14159, "ab", 255 }'
echo "x y z" | awk '{ $2 = "Y"; print; print NF }'
awk 'BEGIN { split("c,a,b", p, ","); print p[1] p[3]; print toupper("up"), substr("hello", 2, 3), index("hello", "l") }'
t text-sort-uniq
printf '10\n9\n2\n10\n33\n2\n' > nums
sort nums | tr '\n' ' '; echo
sort -n nums | tr '\n' ' '; echo
sort -rn -u nums | tr '\n' ' '; echo
sort nums | uniq -c
sort -n nums | uniq -d
printf 'b 2\na 3\nc 1\n' | sort -k2,2n
t text-cut-tr
echo 'root:x:0:0:root:/root:/bin/sh' | cut -d: -f1,6
echo abcdefgh | cut -c2-4
echo 'Hello World' | tr a-z A-Z
echo 'a  b   c' | tr -s ' '
echo hello | tr -d l
t text-head-tail
seq 1 20 > twenty
head -n 3 twenty | tr '\n' ' '; echo
tail -n 2 twenty | tr '\n' ' '; echo
tail -n +18 twenty | tr '\n' ' '; echo
head -c 5 twenty | od -c
t text-grep
grep -E '^(1|2)[0-5]?$' twenty | tr '\n' ' '; echo
grep -c 1 twenty
grep -v -E '[02-9]' twenty | tr '\n' ' '; echo
grep -n three lines
grep -q nothing lines; echo "status $?"
grep -i -o 'T[a-z]o' lines
t text-wc
wc -l < twenty
wc -w lines
wc -c < lines
printf 'a b\nc' | wc
t text-od-xxd
printf 'AB\001\n' | od -An -tx1
printf 'hello\n' | od -c
printf 'trapdoor busybox\n' | xxd
printf 'hi' | xxd -p
echo 6869 | xxd -r -p; echo
t text-sums
printf 'abc' | md5sum
printf 'abc' | sha256sum
printf 'abc' | sha1sum
md5sum lines nums
t text-misc
printf '%s|%5d|%-3s|%03d\n' str 42 ab 7
seq 3 | paste -s -d+ -
echo 3+4 | bc 2>/dev/null || expr 3 + 4
expr length hello
echo 'c b a' | tr ' ' '\n' | tac | tr '\n' ' '; echo
echo hello | rev
basename /a/b/c.txt .txt; dirname /a/b/c.txt
t files-mkdir-ls
mkdir -p d/sub/deep e
echo alpha > d/a.txt; echo beta > d/sub/b.txt; echo gamma > d/sub/deep/c.dat
ls d
ls -R d
ls -a d/sub
ls -1 d/sub/deep
t files-find
find d | sort
find d -type d | sort
find d -name '*.txt' | sort
find d -type f -exec wc -c {} \; | sort
find d -name '*.txt' -exec cat {} +
t files-xargs
find d -type f | sort | xargs cat
printf 'x\ny\nz\n' | xargs echo args:
printf 'p q r' | xargs -n 1 echo one
t files-cp-mv-rm
cp d/a.txt copy.txt; cat copy.txt
cp -a d dcopy; find dcopy | sort
cp -r d dr; diff -r d dr && echo same
mv copy.txt moved.txt; ls moved.txt copy.txt 2>&1
rm -r dr; ls dr 2>&1
rmdir e; echo "rmdir $?"
t files-ln-readlink
ln -s d/a.txt sl
cat sl
readlink sl
r=$(readlink -f sl); echo "${r#$PWD/}"
ln d/a.txt hl; cat hl
[ -L sl ] && echo is-link; [ -L hl ] || echo not-link
t files-stat-touch
touch -d '2001-02-03 04:05:06' old
stat -c '%s %a %F' lines
stat -c '%y' old
date -u -r old '+%Y-%m-%d %H:%M:%S'
chmod 640 lines; stat -c %a lines
touch new; [ new -nt old ] && echo newer
t files-tar-gzip
tar cf a.tar d
tar tf a.tar | sort
mkdir x; tar xf a.tar -C x; find x | sort
printf 'compress me, compress me, compress me\n' > z.txt
gzip -c z.txt > z.gz; gunzip -c z.gz
gzip z.txt; ls z.txt z.txt.gz 2>&1; gunzip z.txt.gz; cat z.txt
tar czf a.tgz d; tar tzf a.tgz | sort | head -2
zcat z.gz | wc -c
t files-du-df
du -s d >/dev/null && echo du-ok
du -a d | wc -l
df . | head -1
df -k . | tail -n +2 | awk '{ print NF }'
t files-dd
dd if=/dev/zero bs=512 count=4 2>/dev/null | wc -c
dd if=lines bs=1 skip=4 count=3 2>/dev/null; echo
dd if=/dev/zero of=zero.bin bs=1k count=3 2>&1 | head -2
stat -c %s zero.bin
t files-mkfifo
mkfifo ff
[ -p ff ] && echo fifo
(echo through the fifo > ff &); cat ff
rm ff
t files-misc
cmp lines lines && echo cmp-same
cmp lines nums >/dev/null; echo "cmp $?"
printf 'a\nb\n' > p1; printf 'a\nc\n' > p2; diff p1 p2
truncate -s 10 tr.bin; stat -c %s tr.bin
mktemp -d ./tmpd.XXXXXX >/dev/null && echo mktemp-ok
realpath -e nosuchfile 2>/dev/null; echo "realpath $?"
t proc-jobs
sleep 0.2 & p=$!; wait $p; echo "wait $?"
sleep 10 & p=$!; { kill $p; wait $p; } 2>/dev/null; echo "killed $?"
sleep 10 & p=$!; { kill -9 $p; wait $p; } 2>/dev/null; echo "killed9 $?"
(sleep 0.1; exit 7) & wait $!; echo "sub $?"
sleep 0.1 & sleep 0.1 & wait; echo all-done
t proc-kill
kill -0 $$ && echo self-alive
kill -l 15
kill -s TERM 99999 2>/dev/null; echo "nosuch $?"
t proc-timeout
timeout 1 sleep 5; echo "timeout $?"
timeout 5 true; echo "fast $?"
timeout -s KILL 1 sleep 5; echo "timeout-kill $?"
t proc-nohup
(trap '' HUP; sh -c 'kill -HUP $$; echo ignored HUP survives')
sh -c 'kill -HUP $$; echo not here'; echo "hup $?"
t proc-ps
ps | head -1
sleep 3 & p=$!
ps -o pid,comm | awk -v p=$p '$1 == p' | wc -l
# ash says "Terminated" (stderr) only when it reaps the job inside this
# wait, a race on any kernel: the message is not compared, the status is.
{ kill $p; wait $p; } 2>/dev/null; echo "wait $?"
pidof nosuchprogram; echo "pidof $?"
t proc-ids
v pid $$
[ $$ -gt 0 ] && echo pid-positive
[ "$PPID" -gt 0 ] && echo ppid-positive
sh -c 'echo $(( $$ != PPID ))'
t proc-env
env -i A=1 B=two env | sort
X=exported; export X; sh -c 'echo $X'
env -u HOME sh -c 'echo "home=${HOME:-unset}"'
t proc-sys
v uname-s "$(uname -s)"
v uname-r "$(uname -r)"
uname -m
v date "$(date)"
date -u -d @86400 '+%Y-%m-%d %H:%M:%S'
date -u -d '2001-02-03 04:05:06' +%s
[ "$(date +%Y)" -ge 2024 ] && echo year-ok
v uptime "$(uptime)"
uptime | grep -c 'load average'
free | head -1
nproc | grep -cE '^[0-9]+$'
t proc-procfs
wc -w < /proc/self/stat | awk '{ print ($1 >= 44) }'
awk '{ print $2, $3 }' /proc/self/stat
grep -c '^Pid:' /proc/self/status
head -1 /proc/self/status | cut -f1
cat /proc/self/cmdline | tr '\000' ' '; echo
awk '{ print NF }' /proc/uptime /proc/loadavg
grep -c '^MemTotal:' /proc/meminfo
grep -q '^processor' /proc/cpuinfo && echo cpuinfo-ok
[ -d /proc/1 ] && echo proc-1
grep -q ' / ' /proc/mounts && echo root-mounted
ls /proc/self/fd >/dev/null && echo fd-dir
t end
echo "the end"
