#!/usr/bin/env bash
# Active/Active failover between two ASA 5520s in multiple context mode
# (their license: Failover Active/Active): fw1 primary, fw2 secondary;
# failover group 1 preferred on the primary, group 2 on the secondary
# with preempt (the configuration guide's example: fw1 comes first and
# has both groups until fw2 comes and preempts group 2), context ctx1
# joins group 2. Each unit becomes active for its group; show failover
# on both in the Active/Active layout. Then fw1 gives group 1 away (no
# failover active group 1): the system configuration is made on fw2
# and replicated from it, fw1's configure terminal warns; contexts are
# limited by the combined license (2 + 2 of the 5520s' own); a change
# in ctx1 (group 2, active on fw2) reaches fw1's ctx1, and write memory
# there writes fw1's disk0:/ctx1.cfg too. fw1 killed -> fw2 active for
# both groups, well within the holdtime-bounded budget (< 40 s).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"

# states NAME: the group states of This host on device NAME.
states() {
	show "$1" 'show failover' | sed -n '/This host/,/Other host/p' |
		grep State | tr -s ' ' | sed 's/^ //' | paste -sd, -
}
# until_states NAME STATES: poll (5 s at most) for them.
until_states() {
	until_is "$2" states "$1"
}

t_start=$(date +%s)
start fw1 --serial JMX1111L001 --model ASA5520 --software '8.4(7)'
start fw2 --serial JMX2222L002 --model ASA5520 --software '8.4(7)'
for n in fw1 fw2; do
	printf 'en\n\nconf t\nmode multiple\n\n\n' | sess "$n" >/dev/null
done
until_shows fw1 'show mode' 'multiple'
expect "fw1 in multiple context mode" "$?" 0
until_shows fw2 'show mode' 'multiple'
expect "fw2 in multiple context mode" "$?" 0

on fw1 "$boot
failover group 1
primary
exit
failover group 2
secondary
preempt
exit
context ctx1
allocate-interface GigabitEthernet0/1
config-url disk0:/ctx1.cfg
join-failover-group 2
exit
failover lan unit primary
failover"
until_states fw1 'Group 1 State: Active,Group 2 State: Active'
expect "fw1 alone: both groups active there" "$?" 0
on fw2 "$boot
failover group 1
primary
exit
failover group 2
secondary
exit
failover lan unit secondary
failover"
until_states fw2 'Group 1 State: Standby Ready,Group 2 State: Active'
expect "fw2 preempts group 2 (preferred there)" "$?" 0
until_states fw1 'Group 1 State: Active,Group 2 State: Standby Ready'
expect "fw1 keeps group 1, the standby of group 2" "$?" 0
out=$(show fw1 'show failover' | sed -n '/This host/,/Other host/p' | grep -E 'host:|State:')
expect "show failover on fw1" "$out" \
"        This host: Primary
        Group 1 State: Active
        Group 2 State: Standby Ready
        Other host: Secondary"
out=$(show fw2 'show failover' | sed -n '/This host/,/Stateful/p' | grep -E 'host:|State:')
expect "show failover on fw2" "$out" \
"        This host: Secondary
        Group 1 State: Standby Ready
        Group 2 State: Active
        Other host: Primary
        Group 1 State: Active
        Group 2 State: Standby Ready"
expect "fw2 took the system configuration (ctx1 in group 2)" \
	"$(show fw2 'show running-config | include join-failover-group')" \
	"  join-failover-group 2"

# Group 1 to the secondary: the system's configuration comes from fw2.
printf 'en\n\nno failover active group 1\n' | sess fw1 >/dev/null
until_states fw2 'Group 1 State: Active,Group 2 State: Active'
expect "no failover active group 1 on fw1: fw2 has both" "$?" 0
until_states fw1 'Group 1 State: Standby Ready,Group 2 State: Standby Ready'
expect "fw1 the standby of both groups" "$?" 0
expect "show failover group 1 on fw2: active on This host" \
	"$(show fw2 'show failover group 1' | grep -E 'host:|State:' | paste -sd, - | tr -s ' ')" \
	" This host: Secondary, State: Active, Other host: Primary, State: Standby Ready"
expect "fw1's history: group 1 given away by the command" \
	"$(show fw1 'show failover history' | grep -A1 '^Group 1' | tail -1 | tr -s ' ')" \
	"Active Standby Ready Set by the config command"
expect "fw1's configure terminal warns (group 1 standby there)" \
	"$(printf 'en\n\nconf t\n' | sess fw1 | grep -c 'WARNING')" 1
expect "fw2's does not" \
	"$(printf 'en\n\nconf t\n' | sess fw2 | grep -c 'WARNING')" 0
# Security Contexts: 2 on each unit's own license, 4 combined.
out=$(printf 'en\n\nconf t\ncontext ctx2\nexit\ncontext ctx3\nexit\ncontext ctx4\n' |
	sess fw2 | grep ERROR)
expect "fw2: four contexts in all, the combined license's" "$out" \
	"ERROR: Cannot create context 'ctx4': the license allows 4 security contexts"
until_shows fw1 'show running-config | include ^context' 'context ctx3'
expect "fw2's new contexts reach fw1" "$?" 0
expect "fw1 has the four" \
	"$(show fw1 'show running-config | include ^context' | paste -sd, -)" \
	"context admin,context ctx1,context ctx2,context ctx3"
# A change in ctx1 (group 2, active on fw2) reaches fw1's ctx1.
printf 'en\n\nchangeto context ctx1\nconf t\ninterface GigabitEthernet0/1\nnameif inside\nip address 10.1.1.1 255.255.255.0 standby 10.1.1.2\nend\nwrite memory\n' |
	sess fw2 >/dev/null
until_shows fw1 'changeto context ctx1
show running-config interface' 'nameif inside'
expect "ctx1's interface reaches fw1" "$?" 0
expect "fw1's ctx1 address" \
	"$(show fw1 'changeto context ctx1
show running-config interface' | grep 'ip address')" \
	" ip address 10.1.1.1 255.255.255.0 standby 10.1.1.2"
until_shows fw1 'more disk0:/ctx1.cfg' 'nameif inside'
expect "write memory in ctx1 on fw2 wrote fw1's disk0:/ctx1.cfg" "$?" 0

# Group 1's unit (fw2) removes a context: so does fw1 (issue 13).
on fw2 'no context ctx3'
i=0
while [ $i -lt 50 ] && show fw1 'show running-config | include ^context' |
	grep -q 'context ctx3'; do
	sleep 0.1
	i=$((i + 1))
done
expect "no context ctx3 on fw2 removes it on fw1" \
	"$(show fw1 'show running-config | include ^context' | paste -sd, -)" \
	"context admin,context ctx1,context ctx2"
# failover exec mate runs in the mate's system space, with its commands.
expect "failover exec mate show context: fw1's system space" \
	"$(show fw2 'failover exec mate show context' | grep -E '^.(admin|ctx)|^Total' | cut -c1-6 | tr -d " " | paste -sd, -)" \
	"*admin,ctx1,ctx2,Total"
expect "show failover state on fw2: a row per group" \
	"$(show fw2 'show failover state' | sed -n '/This host/,/^$/p' | tr -s ' ')" \
	"This host - Secondary
 Group 1 Active None
 Group 2 Active None
Other host - Primary
 Group 1 Standby Ready None
 Group 2 Standby Ready None"

# The primary is lost: the secondary takes group 1 as well.
t_kill=$(date +%s%N)
kill -9 "$PID_fw1"
wait "$PID_fw1" 2>/dev/null
# fw2 has both groups already (group 1 given to it above): the mate's
# groups are Failed once the holdtime passed without its hellos.
until_shows fw2 'show failover' 'Group 2 State: Failed'
expect "fw1 killed: fw2 loses it" "$?" 0
ms=$((($(date +%s%N) - t_kill) / 1000000))
echo "# the mate lost after ${ms} ms"
expect "fw1 killed: fw2 active for both groups" \
	"$(states fw2)" 'Group 1 State: Active,Group 2 State: Active'
out=$(show fw2 'show failover' | sed -n '/Other host/,/slot/p' | grep State)
expect "fw2: the mate's groups Failed" "$out" \
"        Group 1 State: Failed
        Group 2 State: Failed"

"$ASAEMU" stop --lab "$LAB" fw2
wait "$PID_fw2" 2>/dev/null
secs=$(($(date +%s) - t_start))
echo "# the Active/Active lab took ${secs} s"
expect "bounded in time (< 40 s)" "$((secs < 40))" 1
finish
