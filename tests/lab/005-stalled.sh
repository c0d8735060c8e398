#!/usr/bin/env bash
# A client that stops reading stalls its own session, never the device:
# while one session's output fills a pipe nobody reads, another session
# is answered at once, and the stalled one finishes once its reader goes.
. "$(dirname "$0")/lib.sh"

start fw1
for i in $(seq 2000); do echo 'show version'; done >"$LAB/many.cli"
sess fw1 --batch "$LAB/many.cli" | sleep 60 &
stalled=$!
PIDS+=($stalled)
sleep 0.5
t0=$(date +%s%N)
out=$(printf 'show clock\n' | timeout 5 "$ASAEMU" --lab "$LAB" --name fw1)
t1=$(date +%s%N)
contains "another session is answered" "$out" "^12:00:00.000 UTC Fri Mar 1 2013$"
expect "within a second" "$(( (t1 - t0) < 1000000000 ))" 1
pkill -P "$stalled" sleep 2>/dev/null || kill "$stalled"
wait "$stalled" 2>/dev/null
out=$(printf 'show clock\n' | sess fw1)
contains "the device goes on" "$out" "^12:00:00.000 UTC Fri Mar 1 2013$"
"$ASAEMU" stop --lab "$LAB" fw1
wait "$PID_fw1"
expect "and stops cleanly" "$?" 0
finish
