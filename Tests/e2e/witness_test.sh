#!/usr/bin/env bash
# Outside witnesses end to end (REC-19; C2SP tlog-witness, tlog-cosignature): two installations
# on loopback, each witnessing the other. Checks that each one's published checkpoint carries the
# other's cosignature, that the witness answers 409/404/400 as the specification says, that a
# proof verifies under a 1-of-1 witness policy; then restores an older copy of A's database
# together with its older latest-checkpoint file and shows that `sunlight verify` passes without
# witnesses, passes on the live database under the policy, and fails under the policy after the
# restore, naming the rollback.
# Ports: SUNLIGHT_E2E_PORT_A / SUNLIGHT_E2E_PORT_B, else two free ones.
set -euo pipefail
BIN=$(realpath "${1:-.build/debug/sunlight}")
WORK=$(mktemp -d)
unset SUNLIGHT_DATABASE_URL SUNLIGHT_WITNESSES SUNLIGHT_WITNESSED_LOGS
export SUNLIGHT_DATABASE_FILE=demo.sqlite
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PA=${SUNLIGHT_E2E_PORT_A:-$(free_port)}
PB=${SUNLIGHT_E2E_PORT_B:-$(free_port)}
A=$WORK/a; B=$WORK/b
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok  $*"; }
PIDS=()
# Stop both servers and wait for them to exit before removing their data (a server still
# writing its latest-checkpoint file would make the removal fail).
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
      for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
      [ -n "${KEEP:-}" ] || rm -rf "$WORK" || true' EXIT

# Each installation's keys (created on first use) and the entries the other one configures.
A_LOG=$(SUNLIGHT_DATA_DIR=$A SUNLIGHT_LOG_NAME=county-a.example "$BIN" witness log)
B_LOG=$(SUNLIGHT_DATA_DIR=$B SUNLIGHT_LOG_NAME=county-b.example "$BIN" witness log)
A_KEY=$(SUNLIGHT_DATA_DIR=$A "$BIN" witness key)
B_KEY=$(SUNLIGHT_DATA_DIR=$B "$BIN" witness key)
A_ORIGIN=${A_LOG#* }; B_ORIGIN=${B_LOG#* }
A_URL=http://127.0.0.1:$PA; B_URL=http://127.0.0.1:$PB
A_ENV=(SUNLIGHT_DATA_DIR=$A SUNLIGHT_PORT=$PA "SUNLIGHT_WITNESSES=$B_KEY $B_URL/api/v1/witness" "SUNLIGHT_WITNESSED_LOGS=$B_LOG")
B_ENV=(SUNLIGHT_DATA_DIR=$B SUNLIGHT_PORT=$PB "SUNLIGHT_WITNESSES=$A_KEY $A_URL/api/v1/witness" "SUNLIGHT_WITNESSED_LOGS=$A_LOG")
ok "A's witness key $A_KEY; B's witness key $B_KEY"

env "${A_ENV[@]}" "$BIN" demo >"$WORK/a.log" 2>&1 & PIDS+=($!); A_PID=$!
env "${B_ENV[@]}" "$BIN" demo >"$WORK/b.log" 2>&1 & PIDS+=($!)
for _ in $(seq 1 600); do curl -sf -o /dev/null "$A_URL/" && curl -sf -o /dev/null "$B_URL/" && break; sleep 0.2; done
curl -sf -o /dev/null "$A_URL/" && curl -sf -o /dev/null "$B_URL/" || { tail -5 "$WORK/a.log" "$WORK/b.log"; fail "the two servers did not start"; }

# wait_for URL TEXT: up to 60 s for the answer at URL to contain TEXT.
wait_for() {
  local body
  for _ in $(seq 1 120); do
    body=$(curl -sf "$1" 2>/dev/null || true)
    [[ "$body" == *"$2"* ]] && return 0
    sleep 0.5
  done
  return 1
}
wait_for "$A_URL/api/v1/log/checkpoint" "— ${B_KEY%%+*} " || { tail -5 "$WORK/a.log"; fail "A's checkpoint was not cosigned by B"; }
wait_for "$B_URL/api/v1/log/checkpoint" "— ${A_KEY%%+*} " || { tail -5 "$WORK/b.log"; fail "B's checkpoint was not cosigned by A"; }
ok "each installation's published checkpoint carries the other's cosignature"

A_HASH=$(printf '%s' "$A_ORIGIN" | sha256sum | cut -d' ' -f1)
HELD=$(curl -sf "$B_URL/api/v1/witness/$A_HASH/checkpoint")
[[ "$HELD" == "$A_ORIGIN"$'\n'* && "$HELD" == *"— ${A_LOG%%+*} "* && "$HELD" == *"— ${B_KEY%%+*} "* ]] \
  || fail "B does not serve A's checkpoint with A's signature and its cosignature: $HELD"
ok "B serves the checkpoint of A it cosigned (monitoring interface)"

# The witness's answers, over HTTP.
A_NOTE=$(curl -sf "$A_URL/api/v1/log/checkpoint")
status() { curl -s -o "$WORK/answer" -w '%{http_code} %{content_type}' --data-binary @- "$B_URL/api/v1/witness/add-checkpoint"; }
GOT=$(printf 'old 0\n\n%s\n' "$A_NOTE" | status)
[ "${GOT%% *}" = 409 ] && [[ "$GOT" == *text/x.tlog.size* ]] && grep -qE '^[0-9]+$' "$WORK/answer" || fail "old 0 against a known log: $GOT $(cat "$WORK/answer")"
ok "a stale old size is answered 409 text/x.tlog.size with the size B holds ($(cat "$WORK/answer"))"
GOT=$(printf 'old 0\n\n%s\n' "$(curl -sf "$B_URL/api/v1/log/checkpoint")" | status)
[ "${GOT%% *}" = 404 ] || fail "a log B does not witness: $GOT"
GOT=$(printf 'hello\n' | status)
[ "${GOT%% *}" = 400 ] || fail "a malformed body: $GOT"
ok "an origin B does not witness is 404; a malformed body is 400"

# A backup of A: the checkpoint file first, then the database (so the file is not newer).
mkdir -p "$WORK/backup"
cp "$A/latest-checkpoint" "$WORK/backup/latest-checkpoint"
python3 - "$A/demo.sqlite" "$WORK/backup/demo.sqlite" <<'PY'
import sqlite3, sys
src, dst = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
src.backup(dst); dst.close()
PY
OLD=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT max(size) FROM ledger_checkpoints").fetchone()[0])' "$WORK/backup/demo.sqlite")

# More writes on A (administrator logins), cosigned by B.
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
for i in 1 2; do
  JAR=$WORK/jar$i
  T=$(curl -s -c "$JAR" -b "$JAR" "$A_URL/staff/login" | csrf)
  curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "_csrf=$T&username=admin&password=Yuanmou-2026" "$A_URL/staff/login"
done
NEW=$(curl -sf "$A_URL/api/v1/log/checkpoint" | sed -n 2p)
[ "$NEW" -gt "$OLD" ] || fail "A's log did not grow ($OLD → $NEW)"
for _ in $(seq 1 120); do
  HELD_SIZE=$(curl -sf "$B_URL/api/v1/witness/$A_HASH/checkpoint" | sed -n 2p)
  [ "${HELD_SIZE:-0}" -ge "$NEW" ] && break; sleep 0.5
done
[ "${HELD_SIZE:-0}" -ge "$NEW" ] || fail "B did not cosign A's newer checkpoint (holds ${HELD_SIZE:-none}, A has $NEW)"
ok "A grew from $OLD to $NEW leaves; B cosigned size $HELD_SIZE"

# A proof under a 1-of-1 witness policy, offline.
curl -sf "$A_URL/api/v1/log/key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["verifierKey"])' > "$WORK/a.key"
curl -sf "$A_URL/api/v1/log/consistency?from=$OLD&to=$HELD_SIZE" > "$WORK/consistency.json"
"$BIN" verify-proof --proof "$WORK/consistency.json" --key "$WORK/a.key" --witness-key "$B_KEY" --witnesses-required 1 >"$WORK/vp.out" 2>&1 \
  || { cat "$WORK/vp.out"; fail "verify-proof under a 1-of-1 witness policy"; }
OTHER_KEY=$(SUNLIGHT_DATA_DIR=$WORK/other "$BIN" witness key)
if "$BIN" verify-proof --proof "$WORK/consistency.json" --key "$WORK/a.key" --witness-key "$B_KEY" --witness-key "$OTHER_KEY" \
     --witnesses-required 2 >/dev/null 2>&1; then fail "verify-proof passed 2 of 2 with one cosignature"; fi
ok "verify-proof: the consistency proof's checkpoint has B's cosignature (1 of 1 passes, 2 of 2 fails)"

# Stop A. The live database passes under the policy.
kill -INT "$A_PID"; wait "$A_PID" 2>/dev/null || true
POLICY=(--witness-key "$B_KEY" --witnesses-required 1)
env "${A_ENV[@]}" "$BIN" verify "${POLICY[@]}" >"$WORK/verify.out" 2>"$WORK/verify.err" \
  || { cat "$WORK/verify.out" "$WORK/verify.err"; fail "verify of A's live database under the witness policy"; }
ok "A's live database verifies under the 1-of-1 witness policy"

# Restore the older database together with its older checkpoint file.
rm -f "$A/demo.sqlite" "$A/demo.sqlite-wal" "$A/demo.sqlite-shm"
cp "$WORK/backup/demo.sqlite" "$A/demo.sqlite"
cp "$WORK/backup/latest-checkpoint" "$A/latest-checkpoint"
SUNLIGHT_DATA_DIR=$A "$BIN" verify >"$WORK/verify.out" 2>"$WORK/verify.err" \
  || { cat "$WORK/verify.err"; fail "the restored database should pass on its own (that is the hole witnesses close)"; }
ok "without witnesses the restored database and its checkpoint file pass — as expected, they agree with each other"
if env "${A_ENV[@]}" "$BIN" verify "${POLICY[@]}" >"$WORK/verify.out" 2>"$WORK/verify.err"; then
  fail "verify under the witness policy missed the restored database"
fi
grep -q "回滚" "$WORK/verify.err" || { cat "$WORK/verify.err"; fail "verify did not name the rollback"; }
ok "under the witness policy verify exits 1: $(grep -m1 '回滚' "$WORK/verify.err" | sed 's/^ *//')"
