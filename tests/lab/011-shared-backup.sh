#!/usr/bin/env bash
# The shared licensing backup server (licensing/SHARED.md, "Backup"): it
# registers with the main server and is synced every 10 seconds; its
# budget starts at 5 days and grows day by day to 30 while inactive; the
# main server killed, it takes over (444109) with the participants and
# their usage, and participants that know its address move to it; while
# active it spends its budget day by day, warns at 15 days (444110) and
# stops serving when the budget is spent; the main server back, the
# backup hands its table back and the main serves the same grants.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/shared.sh"

# The keys of 006-shared.sh: the server's pool is 1000, participants
# JMX0000P001 (p1) and JMX0000P003 (the backup) have 100 local sessions.
srv_key='0x1c0a4cea 0x98c9f0fa 0x8e3bbc8f 0xa83f52ec 0x6645d60e'
p1_key='0x11321473 0xf424b13e 0x9eae1172 0x146af081 0x665ba3cb'
bk_key='0x1a9b50f5 0x4b15d856 0xf6bfa8b3 0x0f55352e 0xde9ca3e1'

iface() {
	printf 'interface g0/1\nnameif inside\nip address %s 255.255.255.0\nno shutdown\nexit' "$1"
}
main_up() {
	start srv
	on srv "activation-key $srv_key
$(iface 10.1.1.1)
license-server secret farscape
license-server refresh-interval 10
license-server backup 10.1.1.3 backup-id JMX0000P003
license-server enable inside"
}

main_up
# The backup on a console (script(1)), to see its syslog messages.
mkfifo "$LAB/in"
script -qfec "$ASAEMU --lab $LAB --name bk --serial JMX0000P003 --clock $CLOCK" \
	/dev/null <"$LAB/in" >"$LAB/bk.out" 2>"$LAB/bk.log" &
PIDS+=($!)
PID_bk=$!
exec 3>"$LAB/in"
wait_up bk
on bk "activation-key $bk_key
$(iface 10.1.1.3)
license-server address 10.1.1.1 secret farscape
license-server backup enable inside"
start p1 --serial JMX0000P001
on p1 "activation-key $p1_key
$(iface 10.1.1.11)
license-server address 10.1.1.1 secret farscape
license-server backup address 10.1.1.3
emulator vpn-sessions 400"
until_has p1 'show shared license' 'Current usage +: +300$'
until_has srv 'show shared license backup' 'Update +: [1-9]'
contains "the main: its backup registered" "$OUT" 'Registered +: YES'
contains "and synced (participants: updates)" "$OUT" 'Sync +: [1-9][0-9]* /'
until_has bk 'show shared license backup' 'Update +: [0-9]+ / [1-9]'
contains "the backup: registered" "$OUT" 'Registered +: YES'
contains "inactive" "$OUT" 'Status +: Inactive'
contains "5 days at the first launch" "$OUT" \
    'Operating limit +: 5 days 0 hours'
OUT=$(show p1 'show shared license')
contains "p1 knows the backup" "$OUT" 'Backup License Server  : 10.1.1.3'

# Inactive, the limit grows day by day, up to 30 days.
on srv 'emulator advance-time 2 days'
until_has bk 'show shared license backup' 'Operating limit +: 7 days'
contains "2 days later: 7 days" "$OUT" 'Operating limit +: 7 days 0 hours'
on srv 'emulator advance-time 30 days'
until_has bk 'show shared license backup' 'Operating limit +: 30 days'
contains "never beyond 30 days" "$OUT" 'Operating limit +: 30 days 0 hours'
until_has srv 'show shared license' 'JMX0000P001 +300 '
contains "p1 kept its 300 at the main" "$OUT" 'JMX0000P001 +300 '

# The main server killed: the backup takes over, p1 moves to it.
kill -9 "$PID_srv"
wait "$PID_srv" 2>/dev/null
wait_for "$LAB/bk.out" "%ASA-4-444109: Shared license backup server role changed to active."
expect "the backup's console: role active" "$?" 0
until_has bk 'show shared license backup' 'Status +: Active'
contains "the backup is active" "$OUT" 'Status +: Active'
until_has p1 'show shared license' 'Status +: Active$'
contains "p1 is registered with the backup" "$(printf '%s\n' "$OUT" |
    sed -n '/^Backup License/,/Status/p')" 'Status +: Active'
contains "with the grant it had" "$OUT" 'Current usage +: +300$'
OUT=$(show bk 'show shared license')
contains "the backup serves the main's pool" "$OUT" \
    'Total for network : +1000$'
contains "p1's 300 counted" "$OUT" 'JMX0000P001 +300 '
on p1 'emulator vpn-sessions 500'
until_has p1 'show shared license' 'Current usage +: +400$'
contains "the backup grants more" "$OUT" 'Current usage +: +400$'

# Active, the budget goes down day by day; 15 days served: critical.
on bk 'emulator advance-time 16 days'
until_has bk 'show shared license backup' 'Operating limit +: 14 days'
contains "16 days served: 14 days left" "$OUT" \
    'Operating limit +: 14 days 0 hours'
wait_for "$LAB/bk.out" "%ASA-2-444110: Shared license server backup has 14 days remaining as active backup server."
expect "critical syslog at 15 days" "$?" 0

# The main server back: it syncs with the backup and takes over; the
# backup hands back and recharges.
main_up
wait_for "$LAB/bk.out" "%ASA-4-444109: Shared license backup server role changed to inactive."
expect "the backup's console: role inactive" "$?" 0
until_has srv 'show shared license' 'JMX0000P001 +400 '
contains "the main knows p1's 400 from the backup" "$OUT" \
    'JMX0000P001 +400 '
until_has p1 'show shared license' 'Status +: Active$'
contains "p1 is back with the main" "$(printf '%s\n' "$OUT" |
    sed -n '/^Primary/,/Status/p')" 'Status +: Active'
contains "and holds 400" "$OUT" 'Current usage +: +400$'
on srv 'emulator advance-time 2 days'
until_has bk 'show shared license backup' 'Operating limit +: 16 days'
contains "inactive again: it recharges" "$OUT" \
    'Operating limit +: 16 days 0 hours'

# The main gone for longer than the budget: the backup stops serving.
kill -9 "$PID_srv"
wait "$PID_srv" 2>/dev/null
until_has bk 'show shared license backup' 'Status +: Active'
on bk 'emulator advance-time 17 days'
until_has bk 'show shared license backup' 'Status +: Expired'
contains "the budget spent: expired" "$OUT" 'Operating limit +: 0 days 0 hours'
wait_for "$LAB/bk.out" "has 0 days remaining as active backup server."
expect "critical syslog at the end" "$?" 0
until_has p1 'show shared license' 'Status +: Inactive$'
contains "p1 has no server" "$(printf '%s\n' "$OUT" | grep -c 'Status.*Inactive')" 2
# One lab clock: p1 too was 17 days without an answer, past its 24 hours.
until_has p1 'show shared license' 'Current usage +: +0$'
contains "existing sessions time out: p1 released its grant" "$OUT" \
    'High usage +: +400$'

printf 'exit\r' >&3
exec 3>&-
"$ASAEMU" stop --lab "$LAB" p1
finish
