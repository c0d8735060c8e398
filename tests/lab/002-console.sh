#!/usr/bin/env bash
# The console of an always-on device (a pseudo-terminal through script(1)):
# a time-based key that expires while the console sits at a half-typed
# line shows its syslog message there at once, and the line survives, to
# be finished and run. The expiry comes from another session's
# emulator advance-time.
. "$(dirname "$0")/lib.sh"

keygen=$(dirname "$ASAEMU")/asaemu-keygen
key=$("$keygen" --serial JMX1234L0AB --model ASA5520 --time-based 1d --purchase 1 \
	--feature botnet-traffic-filter)
mkfifo "$LAB/in"
script -qfec "$ASAEMU --lab $LAB --name fw1 --clock $CLOCK" /dev/null \
	<"$LAB/in" >"$LAB/out" 2>"$LAB/fw1.log" &
PIDS+=($!)
exec 3>"$LAB/in"
wait_up fw1
printf 'en\r\ractivation-key %s\r' "$key" >&3
wait_for "$LAB/out" "it has 1 days remaining"
printf 'show ver' >&3
wait_for "$LAB/out" "ciscoasa# show ver"
out=$(printf 'en\n\nemulator advance-time 2 days\n' | sess fw1)
contains "the advancing session sees the expiry" "$out" \
	"^%ASA-2-444007: Timebased activation key $key has expired"
wait_for "$LAB/out" "444007"
printf 'sion | include Botnet\rexit\rexit\r' >&3
exec 3>&-
wait "${PIDS[-1]}"
console=$(tr -d '\r' <"$LAB/out")
expect "the console: message, the line again, then its output" \
	"$(printf '%s\n' "$console" | sed -n '/^ciscoasa# show ver$/,/perpetual/p')" \
"ciscoasa# show ver
%ASA-2-444007: Timebased activation key $key has expired. Reverting to permanent license key. The following features will be affected: Botnet Traffic Filter
ciscoasa# show version | include Botnet
Botnet Traffic Filter             : Disabled       perpetual"
finish
