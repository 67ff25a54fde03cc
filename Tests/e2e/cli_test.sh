#!/usr/bin/env bash
# The `sunlight deadline` interface other issues and users rely on (CAL-1..3):
# one line YYYY-MM-DD on success; exit 1 with a message for dates outside the calendars.
set -euo pipefail
BIN=${1:-.build/debug/sunlight}
DATA=$(mktemp -d)
export SUNLIGHT_DATA_DIR=$DATA
trap 'rm -rf "$DATA"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

expect() {  # expect FROM DAYS UNIT WANT
  got=$("$BIN" deadline --from "$1" --days "$2" --unit "$3")
  [ "$got" = "$4" ] || fail "deadline --from $1 --days $2 --unit $3: got '$got', want '$4'"
  echo "ok  deadline --from $1 --days $2 --unit $3 → $got"
}
expect 2026-09-30 7 working 2026-10-15      # CAL-2: 国庆 skipped, 10-10 make-up Saturday counted
expect 2026-09-30 1 working 2026-10-08
expect 2026-07-03 90 calendar 2026-10-08    # CAL-2: last day 10-01 is a holiday → next working day
expect 2025-12-31 3 working 2026-01-06      # across the year

set +e
out=$("$BIN" deadline --from 2026-12-20 --days 10 --unit working 2>&1); code=$?
set -e
[ $code -eq 1 ] || fail "outside the calendars: exit $code, want 1"
echo "$out" | grep -q "2027 年节假日安排尚未加载" || fail "outside the calendars: message was '$out'"
echo "ok  outside the calendars → exit 1: $out"
[ -z "$(ls -A "$DATA")" ] || fail "deadline created files in the data directory"

# CAL-1: an administrator loads 2027 from the console; the same question then has an answer.
cat > "$DATA/cn-2027.json" <<'JSON'
{"year": 2027, "source": "测试用通知", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}], "workdays": []}
JSON
"$BIN" calendar load "$DATA/cn-2027.json" >/dev/null
expect 2026-12-20 10 working 2027-01-04      # 元旦 2027-01-01..03 skipped
set +e
echo '{"year": 2028}' > "$DATA/bad.json"
out=$("$BIN" calendar load "$DATA/bad.json" 2>&1); code=$?
set -e
[ $code -eq 1 ] && echo "$out" | grep -q "CAL-1" || fail "a bad calendar file: exit $code, '$out'"
echo "ok  a bad calendar file is refused: $out"
