# run.sh - the shell test (scripts/test.sh boots with
# `init=/bin/init -- /bin/sh /etc/shtest/run.sh`): checks.sh through the
# int $0x80 entry, then through syscall. Each transcript is printed
# between markers; the script fails when a check failed or they differ.
LIBC_SYSCALL=int80 sh /etc/shtest/checks.sh > /tmp/int80.txt 2>&1
LIBC_SYSCALL=syscall sh /etc/shtest/checks.sh > /tmp/syscall.txt 2>&1
echo "# shtest: int80"
cat /tmp/int80.txt
echo "# shtest: syscall"
cat /tmp/syscall.txt
echo "# shtest: end"
grep -q '^not ok' /tmp/int80.txt /tmp/syscall.txt && exit 1
cmp /tmp/int80.txt /tmp/syscall.txt
