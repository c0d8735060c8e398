#!/usr/bin/env bash
# A failover pair of two devices of one lab (issue 13): fw1 primary, fw2
# secondary, on the failover link 192.168.99.1/.2 through
# GigabitEthernet0/3, polltime 200 ms, holdtime 800 ms. fw2 finds the
# active fw1 and receives its configuration (console lines in its log);
# a command on fw1 reaches fw2; the standby shows the standby addresses;
# kill -9 of fw1 makes fw2 active within the holdtime; fw1 back (from its
# startup configuration) becomes the standby; a pulled failover cable
# makes both active, and plugging it back makes the secondary yield.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"

start fw1 --serial JMX1111L001
start fw2 --serial JMX2222L002

pair_up "hostname pairfw"
out=$(show fw2 'show failover' | sed -n '1p;9,19p')
expect "fw2 is the standby of fw1" "$out" "Failover On
        This host: Secondary - Standby Ready
                Active time: 0 (sec)
                slot 0: ASA5520 hw/sw rev (1.0/9.1(7)12) status (Up Sys)
                  Interface inside (10.1.1.2): Normal (Monitored)
                slot 1: empty
        Other host: Primary - Active
                Active time: 0 (sec)
                slot 0: ASA5520 hw/sw rev (1.0/9.1(7)12) status (Up Sys)
                  Interface inside (10.1.1.1): Normal (Monitored)
                slot 1: empty"
out=$(show fw2 'conf t')
expect "configure terminal on the standby: the warning" "$out" \
	"**** WARNING ****
        Configuration Replication is NOT performed from Standby unit to Active unit.
        Configurations are no longer synchronized."
out=$(show fw2 'show running-config | include hostname|failover lan unit')
expect "fw1's configuration reached fw2, its own unit kept" "$out" \
	"hostname pairfw
failover lan unit secondary"
out=$(grep -E 'mate|Switching' "$LAB/fw2.log")
expect "fw2's console: the active mate, the replication" "$out" \
	"        Detected an Active mate
Beginning configuration replication from mate.
End configuration replication from mate."
out=$(grep -E 'mate|Switching' "$LAB/fw1.log")
expect "fw1's console: alone, then sending to its mate" "$out" \
	"        No Active mate detected
Beginning configuration replication: Sending to mate.
End Configuration Replication to mate"

# The combined license: fw1's key (10 contexts, 25 AnyConnect Premium)
# with fw2's Base license; counts add (2 + 10, 25 + 2), the unit's own
# block first (the 9.9(2) capture's layout).
key='0x131cd04c 0x594b7482 0x79ba52e6 0x4c6e2c73 0x87a034e9'
on fw1 "activation-key $key"
until_shows fw2 'show version' 'Security Contexts +: 12'
out=$(show fw2 'show version' | grep -iE 'licensed features|Security Contexts|AnyConnect Premium|failover cluster up|This platform')
expect "fw2's show version: its own license, then the combined one" "$out" \
	"failover cluster up 0 secs
Licensed features for this platform:
Security Contexts                 : 2              perpetual
AnyConnect Premium Peers          : 2              perpetual
This platform has a Base license.
Failover cluster licensed features for this platform:
Security Contexts                 : 12             perpetual
AnyConnect Premium Peers          : 27             perpetual
This platform has a Base license."
out=$(show fw1 'show activation-key' | grep -iE 'licensed features|Security Contexts')
expect "fw1's show activation-key: the same combination" "$out" \
	"Licensed features for this platform:
Security Contexts                 : 10             perpetual
Failover cluster licensed features for this platform:
Security Contexts                 : 12             perpetual"

# Enforced from the combined license too: the standby's 40 AnyConnect
# sessions wanted (from none) get the pair's 27, not its own 2.
vpn() {
	printf 'en\n\nemulator vpn-sessions 0\nemulator vpn-sessions 40\nshow vpn-sessiondb summary\n' |
		sess "$1" | sed -n 's/^AnyConnect Client *: *\([0-9]*\) .*/\1/p'
}
expect "fw2 enforces the combined 27 Premium sessions" "$(vpn fw2)" 27

on fw1 'hostname renamed'
until_shows fw2 'show running-config' '^hostname renamed'
expect "a command on the active reaches the standby" "$?" 0
# A failover line removed on the active goes on the standby too; the
# standby keeps its own failover lan unit.
on fw1 'failover key s3cret'
until_shows fw2 'show running-config failover' '^failover key'
expect "failover key reaches the standby" "$?" 0
on fw1 'no failover key'
until_shows fw2 'show running-config failover' '^failover lan unit secondary' >/dev/null
sleep 0.3
out=$(show fw2 'show running-config failover')
expect "no failover key reaches it too" "$out" "failover
failover lan unit secondary
failover lan interface folink GigabitEthernet0/3
failover polltime unit msec 200 holdtime msec 800
failover interface ip folink 192.168.99.1 255.255.255.252 standby 192.168.99.2"
out=$(show fw1 'write standby')
expect "write standby" "$out" "Building configuration...
[OK]"
printf 'en\n\nwrite memory\n' | sess fw1 >/dev/null

# The active unit dies: the standby takes over within the holdtime.
kill -9 "$PID_fw1"
wait "$PID_fw1" 2>/dev/null
t0=$(date +%s%N)
until_shows fw2 'show failover' 'This host: Secondary - Active'
ms=$((($(date +%s%N) - t0) / 1000000))
out=$(show fw2 'show failover' | grep -E 'host:|Interface inside')
expect "kill -9 of fw1: fw2 is active, on the active addresses" "$out" \
	"        This host: Secondary - Active
                  Interface inside (10.1.1.1): Normal (Waiting)
        Other host: Primary - Failed
                  Interface inside (10.1.1.2): Unknown (Waiting)"
echo "# takeover seen ${ms} ms after kill -9 (holdtime 800 ms)"
contains "fw2's console: the mate is gone" "$(cat "$LAB/fw2.log")" \
	"No Response from Mate"
contains "fw2's console: switching to active" "$(cat "$LAB/fw2.log")" \
	"Switching to Active"
out=$(show fw2 'show failover history' | grep -A1 'UTC' | grep 'HELLO' | head -1)
expect "the history says why" "$out" \
	"Standby Ready              Just Active                HELLO not heard from mate"

# Loss of communication: the combined license holds for 30 days, then
# fw2 reverts to its own (chapter, with the lab clock).
out=$(show fw2 'show version' | grep -c 'Security Contexts  *: 12 ')
expect "fw1 gone: fw2 keeps the combined license" "$out" 1
expect "fw1 gone: fw2 active still enforces 27 sessions" "$(vpn fw2)" 27
on fw2 'emulator advance-time 31 days'
until_shows fw2 'show version' 'failover cluster up' >/dev/null
sleep 0.5
out=$(show fw2 'show version' | grep -c 'Failover cluster licensed')
expect "31 days later: fw2 runs its own license" "$out" 0
expect "31 days later: fw2 enforces its own 2 sessions" "$(vpn fw2)" 2
contains "fw2's console: the grace period is over" "$(cat "$LAB/fw2.log")" \
	"grace period has expired"

# fw1 comes back from its startup configuration: the standby now.
start fw1 --serial JMX1111L001
until_shows fw1 'show failover' 'This host: Primary - Standby Ready'
expect "fw1 back is the standby of fw2" "$?" 0

# The failover cable out on the active fw2: fw1 hears nothing and takes
# over too; back in, the secondary yields.
on fw2 'emulator link g0/3 down'
until_shows fw1 'show failover' 'This host: Primary - Active'
expect "cable out: fw1 active" "$?" 0
until_shows fw2 'show failover' 'This host: Secondary - Active'
expect "cable out: fw2 still active" "$?" 0
on fw2 'emulator link g0/3 up'
until_shows fw2 'show failover' 'This host: Secondary - Standby Ready'
expect "cable back: the secondary yields" "$?" 0

for n in fw1 fw2; do
	"$ASAEMU" stop --lab "$LAB" "$n"
done
wait "$PID_fw2" "$PID_fw1" 2>/dev/null
finish
