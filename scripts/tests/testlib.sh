# testlib.sh - what the host tests of the scripts share (sourced): a
# scratch directory removed on exit ($tmp), the pass and fail counts, and
# the checks that keep them. Each test prints `N passed, N failed` itself.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "not ok - $*"; }
# same NAME GOT WANT
same() { if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi; }
