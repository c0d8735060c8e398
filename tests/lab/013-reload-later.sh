#!/usr/bin/env bash
# A scheduled reload on an always-on device (reload_sched.c): the console
# schedules reload in 5 with an unsaved hostname; a login sees it in
# show reload; another login's emulator advance-time passes it, and the
# device's timer reloads on the console (shutdown, boot, the user
# prompt of the new boot, the unsaved hostname gone) while every login
# ends. reload cancel from a login stops another schedule.
. "$(dirname "$0")/lib.sh"

mkfifo "$LAB/in"
script -qfec "$ASAEMU --lab $LAB --name fw1 --clock $CLOCK" /dev/null \
	<"$LAB/in" >"$LAB/out" 2>"$LAB/fw1.log" &
PIDS+=($!)
exec 3>"$LAB/in"
wait_up fw1
printf 'en\r\rconf t\rhostname lost\rend\rreload in 5 noconfirm\r' >&3
wait_for "$LAB/out" "lost# reload in 5 noconfirm"
out=$(printf 'en\n\nshow reload\n' | sess fw1)
contains "a login sees the schedule" "$out" \
	"^Reload scheduled for 12:05:00 UTC Fri Mar 1 2013 \(in 5 minutes\)$"
out=$(printf 'en\n\nemulator advance-time 6 minutes\nshow version\n' |
	sess fw1)
contains "the advancing login ends at the reload" "$out" \
	"emulator advance-time 6 minutes$"
wait_for "$LAB/out" "Type help or '?' for a list of available commands."
printf 'en\r\rshow reload\r' >&3
wait_for "$LAB/out" "No reload is scheduled."
out=$(printf 'en\n\nreload in 10 noconfirm\nshow reload\n' | sess fw1)
contains "a login schedules" "$out" "\(in 10 minutes\)$"
out=$(printf 'en\n\nreload cancel\nshow reload\n' | sess fw1)
contains "another cancels it" "$out" "^\*\*\* --- SHUTDOWN ABORTED ---$"
contains "then none is scheduled" "$out" "^No reload is scheduled\.$"
printf 'exit\rexit\r' >&3
exec 3>&-
wait "${PIDS[-1]}"
console=$(tr -d '\r' <"$LAB/out")
contains "the console sees the shutdown" "$console" \
	"^\*\*\* --- START GRACEFUL SHUTDOWN ---$"
contains "and the boot's banner" "$console" \
	"^Cisco Adaptive Security Appliance Software Version 9\.1\(7\)12$"
contains "the console is at the new boot's user prompt" "$console" \
	"^ciscoasa> en$"
contains "the unsaved hostname is gone" "$console" "^ciscoasa# show reload$"
finish
