#!/usr/bin/env bash
# scripts/demo-staff (issue 9): one demo account per role with that role's permissions, each with a
# printed initial password that must be changed at the first login.
# REQ: JK-10.3, JK-10.4
set -euo pipefail
jrr=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$jrr" init --db "$work/r.db" --municipality-code 990001 --name 架空市 >/dev/null
out=$("$root/scripts/demo-staff" "$jrr" "$work/r.db")
fail() { echo "demo_staff_test: $*" >&2; echo "$out" >&2; exit 1; }
[ "$(grep -cP '^  [a-z]+\t[A-Z2-7]{16}\t' <<<"$out")" = 6 ] || fail "six accounts with a 16-character password each"
list=$("$jrr" user --db "$work/r.db" list)
perms() { grep "^$1 " <<<"$list" | sed 's/.*権限 //'; }
[[ "$(perms madoguchi)" == *change*issue* ]] || fail "窓口 enters 異動 and issues"
[[ "$(perms madoguchi)" != *approve* ]] || fail "窓口 does not approve its own 仮登録"
[[ "$(perms shinsa)" == *approve* ]] || fail "審査 approves"
[ "$(perms kansa)" = audit ] || fail "監査 reads the log only"
[[ "$(perms shien)" == *support_measure* ]] || fail "支援措置責任者"
[[ "$(perms demo)" == *see_residence_status* ]] || fail "the administrator has every permission"
# Running it again on the same register refuses (the IDs exist) instead of resetting anyone.
if "$root/scripts/demo-staff" "$jrr" "$work/r.db" >/dev/null 2>&1; then fail "a second run must not succeed"; fi
echo "demo_staff_test: ok"
