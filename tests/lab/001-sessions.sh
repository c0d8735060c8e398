#!/usr/bin/env bash
# Sessions of one always-on device share its running configuration: a
# change in one shows in the next, and in the prompt of another session
# that is still open; two sessions configure at once; who lists them;
# asaemu stop ends the device cleanly.
. "$(dirname "$0")/lib.sh"

start fw1
out=$(printf 'en\n\nconf t\nhostname lab1\nend\n' | sess fw1)
expect "first session changes the hostname" "$out" "ciscoasa> en
Password: 
ciscoasa# conf t
ciscoasa(config)# hostname lab1
lab1(config)# end"

out=$(printf 'en\n\nshow running-config | include hostname\n' | sess fw1)
expect "the next session sees it" "$out" "lab1> en
Password: 
lab1# show running-config | include hostname
hostname lab1"

# Session A stays open on a fifo while session B changes the hostname.
mkfifo "$LAB/a.in"
sess fw1 <"$LAB/a.in" >"$LAB/a.out" &
a=$!
PIDS+=($a)
exec 3>"$LAB/a.in"
printf 'en\n\nconf t\n' >&3
wait_for "$LAB/a.out" "lab1# conf t"
out=$(printf 'en\n\nconf t\nhostname lab2\nwho\nend\n' | sess fw1)
contains "two sessions in configuration mode at once" "$out" \
	"^lab2\(config\)# who$"
contains "who lists both" "$out" "^[0-9]+: 127\.0\.0\.1$"
expect "who lists two sessions" \
	"$(printf '%s\n' "$out" | grep -cE '^[0-9]+: 127\.0\.0\.1$')" 2
printf 'show running-config | include hostname\n' >&3
exec 3>&-
wait "$a"
expect "the open session's prompt follows" "$(cat "$LAB/a.out")" \
"lab1> en
Password: 
lab1# conf t
lab2(config)# show running-config | include hostname
hostname lab2"

"$ASAEMU" stop --lab "$LAB" fw1
wait "$PID_fw1"
expect "asaemu stop ends the device with status 0" "$?" 0
out=$("$ASAEMU" ls --lab "$LAB")
expect "asaemu ls lists no device" "$out" ""
finish
