#!/usr/bin/env bash
# kill -9 of an always-on device is a pulled power cord: its sessions end
# (the client says so with status 2), the next start recovers the flash
# (stale lock and socket), the running configuration falls back to the
# saved one, and time-based keys keep the time they used.
. "$(dirname "$0")/lib.sh"

keygen=$(dirname "$ASAEMU")/asaemu-keygen
key=$("$keygen" --serial JMX1234L0AB --model ASA5520 --time-based 52w --purchase 1 \
	--feature botnet-traffic-filter)
start fw1
out=$(printf 'en\n\nactivation-key %s\nemulator advance-time 10 days\nconf t\nhostname unsaved\n' "$key" | sess fw1)
contains "the key is installed" "$out" "it has 364 days remaining"

# A session left open when the power goes.
mkfifo "$LAB/a.in"
sess fw1 <"$LAB/a.in" >"$LAB/a.out" &
a=$!
PIDS+=($a)
exec 3>"$LAB/a.in"
printf 'show clock\n' >&3
wait_for "$LAB/a.out" "unsaved> show clock"
kill -9 "$PID_fw1"
wait "$PID_fw1" 2>/dev/null
for i in $(seq 50); do kill -0 "$a" 2>/dev/null || break; sleep 0.1; done
wait "$a"
expect "the open session ends with status 2" "$?" 2
exec 3>&-

start fw1
out=$(printf 'en\n\nshow activation-key | include Botnet\nshow running-config | include hostname\n' | sess fw1)
contains "the key kept its 10 used days" "$out" \
	"^Botnet Traffic Filter +: Enabled +354 days$"
contains "the unsaved hostname is gone" "$out" "^hostname ciscoasa$"
"$ASAEMU" stop --lab "$LAB" fw1
wait "$PID_fw1"
finish
