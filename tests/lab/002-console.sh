#!/usr/bin/env bash
# The console of an always-on device (a pseudo-terminal through script(1)):
# a time-based key that expires while the console sits at its prompt
# shows its syslog message there at once, on a row of its own, and the
# prompt again; one that expires at a half-typed line shows it there, and
# the line survives, to be finished and run. The expiries come from
# another session's emulator advance-time.
. "$(dirname "$0")/lib.sh"

keygen=$(dirname "$ASAEMU")/asaemu-keygen
idle=$("$keygen" --serial JMX1234L0AB --model ASA5520 --time-based 1d \
	--purchase 1 --feature anyconnect-premium=25)
key=$("$keygen" --serial JMX1234L0AB --model ASA5520 --time-based 1d --purchase 1 \
	--feature botnet-traffic-filter)
mkfifo "$LAB/in"
script -qfec "$ASAEMU --lab $LAB --name fw1 --clock $CLOCK" /dev/null \
	<"$LAB/in" >"$LAB/out" 2>"$LAB/fw1.log" &
PIDS+=($!)
exec 3>"$LAB/in"
wait_up fw1
printf 'en\r\ractivation-key %s\r' "$idle" >&3
wait_for "$LAB/out" "it has 1 days remaining"
printf 'en\n\nemulator advance-time 2 days\n' | sess fw1 >/dev/null
wait_for "$LAB/out" "key $idle has expired"
printf 'activation-key %s\r' "$key" >&3
wait_for "$LAB/out" "ciscoasa# activation-key $key"
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
expect "the console at its prompt: the message below it, then the prompt" \
	"$(printf '%s\n' "$console" | grep -B1 -A1 "key $idle has expired" |
		sed 's/ The following.*//')" \
"ciscoasa# 
%ASA-2-444007: Timebased activation key $idle has expired. Reverting to permanent license key.
ciscoasa# activation-key $key"
expect "the console: message, the line again, then its output" \
	"$(printf '%s\n' "$console" | sed -n '/^ciscoasa# show ver$/,/perpetual/p')" \
"ciscoasa# show ver
%ASA-2-444007: Timebased activation key $key has expired. Reverting to permanent license key. The following features will be affected: Botnet Traffic Filter
ciscoasa# show version | include Botnet
Botnet Traffic Filter             : Disabled       perpetual"
finish
