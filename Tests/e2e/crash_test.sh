#!/usr/bin/env bash
# Sequence, then integrate — a crash loses nothing (REC-5). The demo runs with an integrator
# that waits 5 s between batches, so the logged reads answered just before `kill -9` are
# committed but not yet in the tree. A restarted server places them; `sunlight verify` finds
# every record with its leaf and the tree whole.
set -euo pipefail
BIN=$(realpath "${1:-.build/debug/sunlight}")
WORK=$(mktemp -d)
export SUNLIGHT_DATA_DIR=$WORK/data SUNLIGHT_DATABASE_FILE=demo.sqlite SUNLIGHT_TODAY=2026-11-23
unset SUNLIGHT_DATABASE_URL
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok  $*"; }
DB=$SUNLIGHT_DATA_DIR/demo.sqlite
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$DB" "$1"; }
up() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$BASE/" && return 0; sleep 0.1; done; fail "server did not start"; }

SUNLIGHT_PORT=$PORT SUNLIGHT_LOG_INTEGRATION_MS=5000 "$BIN" demo >"$WORK/demo.log" 2>&1 &
SERVER=$!
trap 'kill -9 $SERVER 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
up
# The first batch (the demo's seeding) is placed at start-up; wait until nothing waits.
for _ in $(seq 1 100); do [ "$(count 'SELECT COUNT(*) FROM ledger_sequence')" = 0 ] && break; sleep 0.1; done

# Logged work, each answered before the next: log in (a session, a logged login) and read pages.
JAR=$WORK/cookies
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/staff/login" | csrf)
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "_csrf=$T&username=scj.zhangwei&password=Yuanmou-2026" "$BASE/staff/login"
for _ in $(seq 1 20); do curl -sf -b "$JAR" -o /dev/null "$BASE/staff/cases"; done
ANSWERED=$(count 'SELECT COUNT(*) FROM access_log')
kill -9 $SERVER; wait $SERVER 2>/dev/null || true
WAITING=$(count 'SELECT COUNT(*) FROM ledger_sequence')
PLACED=$(count 'SELECT COUNT(*) FROM ledger_entries')
[ "$WAITING" -gt 0 ] || fail "nothing was waiting for the integrator at the kill: the test proves nothing"
ok "killed with -9: $WAITING committed entries not yet in the tree ($PLACED placed)"

# A restarted server places them at start-up.
SUNLIGHT_PORT=$PORT "$BIN" serve >"$WORK/serve.log" 2>&1 &
SERVER=$!
up
# The integrator runs at start-up; give it a moment.
for _ in $(seq 1 100); do
  SIZE=$(curl -sf "$BASE/api/v1/log/checkpoint" | sed -n 2p)
  [ "$SIZE" -ge $((PLACED + WAITING)) ] && break; sleep 0.1
done
kill -TERM $SERVER; wait $SERVER 2>/dev/null || true
[ "$SIZE" -ge $((PLACED + WAITING)) ] || fail "after restart the log has $SIZE leaves, expected at least $((PLACED + WAITING))"
[ "$(count 'SELECT COUNT(*) FROM ledger_sequence')" = 0 ] || fail "entries still wait after a clean stop"
ok "restarted: the checkpoint covers $SIZE leaves, every one committed before the kill included"

"$BIN" verify > "$WORK/verify.out" 2>&1 || { cat "$WORK/verify.out"; fail "verify after the crash failed"; }
# The summary line (记录：…), not a progress line, which shows a running count.
LOGGED=$(grep '^记录：' "$WORK/verify.out" | grep -o 'access_log [0-9]*' | head -1 | cut -d' ' -f2)
[ "$LOGGED" -ge "$ANSWERED" ] || fail "verify found $LOGGED access-log records, $ANSWERED were answered before the kill"
ok "verify is clean after the crash: all $ANSWERED answered reads are in the log"
