# checks.sh - the shell and the utilities, checked by a script: one
# `ok N - name` line per check. run.sh runs it through each system-call
# entry; the two transcripts must be the same, so nothing printed here may
# depend on process ids or timing.
rm -r -f /tmp/shtest
mkdir -p /tmp/shtest/sub && cd /tmp/shtest && echo "ok 1 - mkdir -p, cd" || echo "not ok 1 - mkdir -p, cd"

echo hello world > want.txt
echo hello world | cat | cat > got.txt
cmp want.txt got.txt && echo "ok 2 - pipeline echo | cat | cat" || echo "not ok 2 - pipeline echo | cat | cat"
cat < want.txt > got.txt && cmp want.txt got.txt && echo "ok 3 - < and >" || echo "not ok 3 - < and >"
echo one > a.txt; echo two >> a.txt
echo one > want.txt; echo two >> want.txt
cmp a.txt want.txt && echo "ok 4 - >> appends" || echo "not ok 4 - >> appends"
echo 2 > want.txt; wc -l < a.txt > got.txt
cmp want.txt got.txt && echo "ok 5 - wc -l <" || echo "not ok 5 - wc -l <"

false; test $? -eq 1 && echo "ok 6 - \$? after false is 1" || echo "not ok 6 - \$? after false is 1"
true; test $? -eq 0 && echo "ok 7 - \$? after true is 0" || echo "not ok 7 - \$? after true is 0"
nosuchcommand 2> err.txt; test $? -eq 127 && echo "ok 8 - a missing command is 127" || echo "not ok 8 - a missing command is 127"
grep -q 'sh: nosuchcommand: not found' err.txt && echo "ok 9 - sh: NAME: not found" || echo "not ok 9 - sh: NAME: not found"
/etc/shtest/checks.sh 2> /dev/null; test $? -eq 126 && echo "ok 10 - a file without x bit is 126" || echo "not ok 10 - a file without x bit is 126"
false | true && echo "ok 11 - a pipeline's status is its last command's" || echo "not ok 11 - a pipeline's status is its last command's"
false && echo x > and.txt; true || echo x > or.txt
test ! -e and.txt && test ! -e or.txt && echo "ok 12 - && and || skip" || echo "not ok 12 - && and || skip"

echo 'a  $HOME' "b  $HOME" c\ d > got.txt
echo 'a  $HOME b  / c d' > want.txt
cmp want.txt got.txt && echo "ok 13 - quotes and \$HOME" || echo "not ok 13 - quotes and \$HOME"
X=42; Y="${X}x"; test "$X$Y" = 4242x && test ~ = / && echo "ok 14 - variables, \${}, ~" || echo "not ok 14 - variables, \${}, ~"
X=1 sh -c 'test $X = 1' && test $X = 42 && echo "ok 15 - NAME=value for one command" || echo "not ok 15 - NAME=value for one command"
sh -c 'echo $0 $1 $2 $#' zero a b > got.txt; echo zero a b 2 > want.txt
cmp want.txt got.txt && echo "ok 16 - sh -c with arguments" || echo "not ok 16 - sh -c with arguments"
echo a > cm.txt # echo b > cm2.txt
test -f cm.txt && test ! -e cm2.txt && echo "ok 17 - # comments" || echo "not ok 17 - # comments"
ls /nonexistent > got.txt 2>&1; grep -q 'ls: /nonexistent: No such file or directory' got.txt && echo "ok 18 - 2>&1" || echo "not ok 18 - 2>&1"

cd sub && pwd > ../got.txt && cd .. && echo /tmp/shtest/sub > want.txt && cmp want.txt got.txt && echo "ok 19 - cd, pwd" || echo "not ok 19 - cd, pwd"
cd /nonexistent 2> /dev/null; test $? -eq 1 && pwd > got.txt && echo /tmp/shtest > want.txt && cmp want.txt got.txt && echo "ok 20 - cd to a missing directory fails" || echo "not ok 20 - cd to a missing directory fails"
echo x > sub/f1; echo y > sub/f2; mkdir sub/d
ls sub > got.txt; echo d > want.txt; echo f1 >> want.txt; echo f2 >> want.txt
cmp want.txt got.txt && echo "ok 21 - ls, sorted" || echo "not ok 21 - ls, sorted"
ls -a sub | grep -c '^.' > got.txt; echo 2 > want.txt
cmp want.txt got.txt && echo "ok 22 - ls -a" || echo "not ok 22 - ls -a"
ls -l sub | grep -q '   1        2 f1$' && ls -l sub | grep -q '^d' && echo "ok 23 - ls -l" || echo "not ok 23 - ls -l"
mkdir sub/e && rmdir sub/e && test ! -e sub/e && echo "ok 24 - mkdir, rmdir" || echo "not ok 24 - mkdir, rmdir"
rmdir sub 2> /dev/null; test $? -eq 1 && test -d sub && echo "ok 25 - rmdir of a full directory fails" || echo "not ok 25 - rmdir of a full directory fails"
mv sub/f2 moved.txt && test ! -e sub/f2 && echo y > want.txt && cmp want.txt moved.txt && echo "ok 26 - mv" || echo "not ok 26 - mv"
mv moved.txt sub && test -f sub/moved.txt && test ! -e moved.txt && echo "ok 27 - mv into a directory" || echo "not ok 27 - mv into a directory"
cp sub/moved.txt copy.txt && cmp sub/moved.txt copy.txt && cp copy.txt sub/d && cmp copy.txt sub/d/copy.txt && echo "ok 28 - cp" || echo "not ok 28 - cp"
ln sub/f1 hard.txt && echo more >> hard.txt && cmp hard.txt sub/f1 && ls -l hard.txt | grep -q '   2        7 hard.txt$' && echo "ok 29 - ln" || echo "not ok 29 - ln"
rm hard.txt && test ! -e hard.txt && test -f sub/f1 && echo "ok 30 - rm" || echo "not ok 30 - rm"
rm sub 2> /dev/null; test $? -eq 1 && rm -r sub && test ! -e sub && echo "ok 31 - rm -r" || echo "not ok 31 - rm -r"

cat /bin/sh /bin/ls /bin/cat > big
cat big | cat | cat | cat > big2 && cmp big big2 && echo "ok 32 - a big file through four cats" || echo "not ok 32 - a big file through four cats"
wc -c < big > want.txt; cat big | cat | wc -c > got.txt
cmp want.txt got.txt && echo "ok 33 - wc -c of a pipe" || echo "not ok 33 - wc -c of a pipe"
cat big | cat | false; test $? -eq 1 && echo "ok 34 - writers into a closed pipe end quietly" || echo "not ok 34 - writers into a closed pipe end quietly"
echo one two three | wc -w > got.txt; echo 3 > want.txt
cmp want.txt got.txt && echo "ok 35 - wc -w" || echo "not ok 35 - wc -w"

ps > ps.txt && grep -q '  PID  PPID STATE NAME' ps.txt && grep -q ' R     ps$' ps.txt && grep -q ' init$' ps.txt && echo "ok 36 - ps" || echo "not ok 36 - ps"
uname -s > got.txt; echo trapdoor > want.txt; cmp want.txt got.txt && uname -a | grep -q ' x86_64$' && echo "ok 37 - uname" || echo "not ok 37 - uname"
sleep 0.1 && sleep 0 && echo "ok 38 - sleep 0.1" || echo "not ok 38 - sleep 0.1"
sleep x 2> /dev/null; test $? -eq 1 && echo "ok 39 - sleep refuses a bad interval" || echo "not ok 39 - sleep refuses a bad interval"

sh -c 'exit 7'; test $? -eq 7 && echo "ok 40 - exit N" || echo "not ok 40 - exit N"
sh -c 'kill $$'; test $? -eq 143 && echo "ok 41 - a command killed by SIGTERM is 143" || echo "not ok 41 - a command killed by SIGTERM is 143"
sleep 0.1 & test -n "$!" && wait $! && echo "ok 42 - & and wait" || echo "not ok 42 - & and wait"
sleep 20 & kill $!; wait $!; test $? -eq 143 && echo "ok 43 - kill of a background command" || echo "not ok 43 - kill of a background command"
kill -s KILL 99999 2> /dev/null; test $? -eq 1 && echo "ok 44 - kill of no such process fails" || echo "not ok 44 - kill of no such process fails"

cd / && rm -r /tmp/shtest && test ! -e /tmp/shtest && echo "ok 45 - clean up" || echo "not ok 45 - clean up"
