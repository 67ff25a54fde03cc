#!/usr/bin/env bash
# End to end, on the real binary and real HTTP (REC-4, REC-5, REC-10):
# streams a 64 MiB file up through the API and a file through the staff upload form, checks
# an interrupted upload leaves nothing, SIGTERM with an upload in flight stops promptly and leaves
# nothing, fetches an inclusion proof and checks it offline with
# `sunlight verify-proof`, then runs `sunlight verify` before and after tampering with the
# SQLite file directly.
set -euo pipefail
BIN=$(realpath "${1:-.build/debug/sunlight}")
WORK=$(mktemp -d)
export SUNLIGHT_DATA_DIR=$WORK/data SUNLIGHT_DATABASE_FILE=demo.sqlite
unset SUNLIGHT_DATABASE_URL
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok  $*"; }

# The database written by the v1 log format (Tests/Fixtures/ledger-v1, never regenerated) must
# still verify with this binary, after its migrations: the log format has not silently changed.
FIXTURE=$(cd "$(dirname "$0")/../Fixtures/ledger-v1" && pwd)
cp -R "$FIXTURE" "$WORK/upgrade"
SUNLIGHT_DATA_DIR=$WORK/upgrade SUNLIGHT_DATABASE_FILE=upgrade.db "$BIN" verify > "$WORK/upgrade.out" 2>"$WORK/upgrade.err" \
  || { cat "$WORK/upgrade.out" "$WORK/upgrade.err"; fail "verify of the v1 upgrade database failed: the log format changed"; }
ok "the v1 upgrade database verifies: $(grep -m1 '日志' "$WORK/upgrade.out")"

SUNLIGHT_PORT=$PORT "$BIN" demo >"$WORK/demo.log" 2>&1 &
DEMO=$!
trap 'kill $DEMO 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "$BASE/" && break; sleep 0.1; done

# Log in as the administrator and issue a token for an officer (as a person would, in the UI).
JAR=$WORK/cookies
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/staff/login" | csrf)
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "_csrf=$T&username=admin&password=Yuanmou-2026" "$BASE/staff/login"
PAGE=$(curl -s -b "$JAR" "$BASE/staff/admin/tokens")
T=$(echo "$PAGE" | csrf)
OFFICER=$(echo "$PAGE" | grep -o '<option value="[^"]*">张伟' | sed 's/<option value="//;s/">.*//')
TOKEN=$(curl -s -b "$JAR" -d "_csrf=$T&userID=$OFFICER&name=e2e&expiresOn=" "$BASE/staff/admin/tokens" | grep -o 'id="secret">[^<]*' | sed 's/id="secret">//')
[ -n "$TOKEN" ] || fail "no API token issued"

# A 64 MiB file, streamed up; the hash the server reports is openssl's.
head -c $((64 << 20)) /dev/urandom > "$WORK/video.mp4"
WANT=$(openssl dgst -sha256 -r "$WORK/video.mp4" | cut -d' ' -f1)
GOT=$(curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @"$WORK/video.mp4" "$BASE/api/v1/blobs" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["sha256"])')
[ "$GOT" = "$WANT" ] || fail "upload hash $GOT, openssl says $WANT"
ok "64 MiB streamed upload: SHA-256 $GOT matches openssl"

# An upload cut off half way leaves nothing behind.
head -c $((32 << 20)) /dev/urandom > "$WORK/cut.bin"
CUT=$(openssl dgst -sha256 -r "$WORK/cut.bin" | cut -d' ' -f1)
curl -s -o /dev/null --limit-rate 4M --max-time 2 -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/cut.bin" "$BASE/api/v1/blobs" || true
sleep 1
[ -z "$(ls -A "$SUNLIGHT_DATA_DIR/blobs/tmp")" ] || fail "an interrupted upload left a temporary file"
[ ! -e "$SUNLIGHT_DATA_DIR/blobs/sha256/${CUT:0:2}/$CUT" ] || fail "an interrupted upload was stored"
ok "an interrupted upload left nothing behind"

# Record it with its REC-4 metadata; download it intact.
RECORD=$(curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d "{\"sha256\": \"$GOT\", \"kind\": \"video\",
  \"title\": \"现场检查 元马镇某超市\", \"filename\": \"DSJ_0032.mp4\", \"mediaType\": \"video/mp4\", \"recordedAt\": \"2026-11-20T01:00:00Z\",
  \"place\": \"元马镇龙川街 12 号\", \"recordedBy\": \"$OFFICER\", \"device\": \"执法记录仪 #0032\", \"parties\": \"王某某\"}" "$BASE/api/v1/evidence")
ID=$(echo "$RECORD" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/evidence/$ID/content" -o "$WORK/back.mp4"
cmp -s "$WORK/video.mp4" "$WORK/back.mp4" || fail "downloaded file differs"
ok "recorded as evidence $ID and downloaded byte for byte"

# The staff upload form, streamed over real HTTP as multipart, by the officer.
JAR=$WORK/officer-cookies
T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/staff/login" | csrf)
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "_csrf=$T&username=scj.zhangwei&password=Yuanmou-2026" "$BASE/staff/login"
T=$(curl -s -b "$JAR" "$BASE/staff/evidence" | csrf)
head -c $((5 << 20)) /dev/urandom > "$WORK/photo.jpg"
LOCATION=$(curl -s -b "$JAR" -o /dev/null -w '%{redirect_url}' -F kind=photo -F title=现场照片 -F recordedAt=2026-11-20T08:15 -F place=元马镇 \
  -F recordedBy="$OFFICER" -F device=手机 -F parties= -F "file=@$WORK/photo.jpg;type=image/jpeg" "$BASE/staff/evidence?_csrf=$T")
curl -s -b "$JAR" "${LOCATION}" | grep -q "$(openssl dgst -sha256 -r "$WORK/photo.jpg" | cut -d' ' -f1)" || fail "form upload not recorded ($LOCATION)"
ok "staff form upload streamed and recorded"

# An inclusion proof, checked offline with nothing but the public key.
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/log/inclusion?table=evidence_files&id=$ID" > "$WORK/proof.json"
curl -sf "$BASE/api/v1/log/key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["verifierKey"])' > "$WORK/key"
curl -sf "$BASE/api/v1/log/checkpoint" > "$WORK/checkpoint"
"$BIN" verify-proof --proof "$WORK/proof.json" --key "$WORK/key" | head -2
python3 - "$WORK/proof.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["entry"] = p["entry"].replace("evidence.recorded", "evidence.corrected")
json.dump(p, open(sys.argv[1] + ".forged", "w"))
PY
if "$BIN" verify-proof --proof "$WORK/proof.json.forged" --key "$WORK/key" 2>/dev/null; then fail "a forged proof verified"; fi
ok "a forged proof is refused"

# Stop the server with SIGTERM while an upload is in flight: it stops within 2 s (it does not
# wait on the upload) and leaves no temporary file (issue 15 item 13). It saves its newest
# checkpoint on the way out; then verify everything, then tamper.
head -c $((16 << 20)) /dev/urandom > "$WORK/slow.bin"
curl -s -o /dev/null --limit-rate 1M -H "Expect:" -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/slow.bin" "$BASE/api/v1/blobs" &
SLOW=$!
for _ in $(seq 1 50); do [ -n "$(ls -A "$SUNLIGHT_DATA_DIR/blobs/tmp")" ] && break; sleep 0.1; done
[ -n "$(ls -A "$SUNLIGHT_DATA_DIR/blobs/tmp")" ] || fail "the slow upload is not in flight"
STOP_STARTED=$(date +%s%N)
kill -TERM $DEMO; wait $DEMO 2>/dev/null || true
STOP_MS=$(( ($(date +%s%N) - STOP_STARTED) / 1000000 ))
kill $SLOW 2>/dev/null || true; wait $SLOW 2>/dev/null || true
[ $STOP_MS -lt 2000 ] || fail "SIGTERM with an upload in flight took $STOP_MS ms"
[ -z "$(ls -A "$SUNLIGHT_DATA_DIR/blobs/tmp")" ] || fail "SIGTERM left a temporary upload: $(ls "$SUNLIGHT_DATA_DIR/blobs/tmp")"
ok "SIGTERM with an upload in flight: stopped in $STOP_MS ms, no temporary file left"
"$BIN" verify > "$WORK/verify.out" 2>"$WORK/verify.err" || { cat "$WORK/verify.out" "$WORK/verify.err"; fail "verify of an untouched log failed"; }
grep -E "日志|文件|校验通过" "$WORK/verify.out"
python3 - "$SUNLIGHT_DATA_DIR/demo.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE users SET display_name = '张三' WHERE username = 'scj.zhangwei'")
db.commit()
PY
if "$BIN" verify > "$WORK/verify.out" 2>"$WORK/verify.err"; then fail "verify missed an edited user"; fi
grep -q "表 users" "$WORK/verify.err" || { cat "$WORK/verify.err"; fail "verify did not name the table"; }
ok "after editing the SQLite file directly, verify exits 1: $(grep -m1 '表 users' "$WORK/verify.err" | sed 's/^ *//')"
