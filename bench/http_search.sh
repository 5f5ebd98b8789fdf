#!/usr/bin/env bash
# The search endpoint under load (issue 5's target: ≥ 1,000 req/s with p99 ≤ 50 ms on a
# 100,000-resident register, on this 2-core machine). Builds the register with the sample
# generator, creates and logs in a staff user (password change, TOTP enrolment, login with the
# code — as a person would), then runs wrk against GET /api/v1/search with that session, rotating
# through kana readings of the town. Every request goes through the gate: permission check,
# search, protection marks, and an アクセスログ entry and a search-history row committed with
# synchronous=FULL.
#
# Usage: bench/http_search.sh [RESIDENTS] [SECONDS]   (Release build: make release first)
set -euo pipefail
residents=${1:-100000}
seconds=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
jrr=$root/build/release/app/jrr
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
db=$work/town.db

"$jrr" sample --db "$db" --residents "$residents" --seed 1 --bulk >/dev/null
initial=$("$jrr" user --db "$db" add --admin --id bench --name 'ベンチ 太郎' | sed -n 's/.*初期パスワード: \([A-Z2-7]*\).*/\1/p')
printf '%s\n%s\n' "$initial" "bench-passphrase-1" | "$jrr" user --db "$db" passwd --id bench >/dev/null
secret=$("$jrr" user --db "$db" enrol --id bench | sed -n 's/^秘密鍵: //p')
# A code is accepted once and never one older than the last: the enrolment spends the previous
# step's code, the login the current one's.
totp() {
  python3 - "$1" "${2:-0}" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
h = hmac.new(key, struct.pack(">Q", int(time.time()) // 30 + int(sys.argv[2])), hashlib.sha1).digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}
"$jrr" user --db "$db" enrol --id bench --secret "$secret" --code "$(totp "$secret" -1)" >/dev/null

port=18181
# wrk's 16 connections all come from one address: the per-client limit is raised to let them in.
"$jrr" serve --db "$db" --port $port --threads "${THREADS:-8}" --max-connections-per-client 64 >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"user_id\":\"bench\",\"password\":\"bench-passphrase-1\",\"code\":\"$(totp "$secret")\"}" \
  "http://127.0.0.1:$port/api/v1/login" | sed -n 's/^Set-Cookie: \(jrr_session=[0-9a-f]*\).*/\1/p')
[ -n "$cookie" ] || { echo "login failed" >&2; exit 1; }

# 200 readings of the town, percent-encoded, as exact kana searches.
sqlite3 "$db" "SELECT DISTINCT family_kana || given_kana FROM resident_version WHERE family_kana <> '' LIMIT 200" |
  python3 -c 'import sys, urllib.parse; print("\n".join("/api/v1/search?kana=" + urllib.parse.quote(l.strip()) + "&limit=20" for l in sys.stdin if l.strip()))' \
  > "$work/paths.txt"
cat > "$work/rotate.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Cookie"] = "$cookie" })
end
LUA
echo "register: $residents residents; $(wc -l < "$work/paths.txt") distinct readings; ${seconds}s"
# PERF_OUT=FILE: also profile the server during the run (perf report -i FILE).
perf_pid=
if [ -n "${PERF_OUT:-}" ]; then
  perf record -F 499 -g -p $server -o "$PERF_OUT" -- sleep "$seconds" >/dev/null 2>&1 &
  perf_pid=$!
fi
wrk -t2 -c16 -d"${seconds}s" --latency -s "$work/rotate.lua" "http://127.0.0.1:$port"
[ -z "$perf_pid" ] || wait "$perf_pid"
echo "audit entries written: $(sqlite3 "$db" "SELECT count(*) FROM audit_entry WHERE action = 'search'"); search-history rows: $(sqlite3 "$db" "SELECT count(*) FROM search_history")"
