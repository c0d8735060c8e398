#!/usr/bin/env bash
# Shared licensing and Active/Standby failover (licensing/SHARED.md,
# "Failover"): a server pair fw1/fw2 and a participant pair pa/pb. The
# standby server does not serve; both participants register with their
# own ids; pa killed, pb becomes active and transfers pa's sessions
# (Transfer); fw1 killed, fw2 becomes active and is the server at the
# active address, where pb registers and is granted again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/shared.sh"

# Server keys (pool 1000) for both server units, participant keys for
# JMX0000P001 and JMX0000P002 (100 local sessions each; 006-shared.sh).
fw1_key='0x1c0a4cea 0x98c9f0fa 0x8e3bbc8f 0xa83f52ec 0x6645d60e'
fw2_key='0x2393facb 0xb9b4167b 0x6616d47b 0x7a1e3147 0xee0cf210'
pa_key='0x11321473 0xf424b13e 0x9eae1172 0x146af081 0x665ba3cb'
pb_key='0x121bc437 0x3e6a7b13 0x508666ad 0xa659de97 0x763f3087'

# fo NET UNIT: the failover link on g0/3 in 192.168.NET.0/30.
fo() {
	printf 'interface g0/3\nno shutdown\nexit\nfailover lan interface folink GigabitEthernet0/3\nfailover interface ip folink 192.168.%s.1 255.255.255.252 standby 192.168.%s.2\nfailover polltime unit msec 200 holdtime msec 800\nfailover lan unit %s\nfailover' "$1" "$1" "$2"
}

start fw1
start fw2 --serial JMX2222L002
on fw1 "activation-key $fw1_key
interface g0/1
nameif inside
ip address 10.1.1.1 255.255.255.0 standby 10.1.1.2
no shutdown
exit
license-server secret farscape
license-server refresh-interval 10
license-server enable inside
$(fo 99 primary)"
until_has fw1 'show failover' 'This host: Primary - Active'
on fw2 "activation-key $fw2_key
$(fo 99 secondary)"
until_has fw2 'show failover' 'This host: Secondary - Standby Ready'
until_has fw2 'show running-config license-server' 'enable inside'
contains "the standby has the server's configuration" "$OUT" \
    'license-server enable inside'
expect "the standby does not serve (no listener at 10.1.1.2)" \
    "$(test -e "$LAB/net/10.1.1.2:50554" && echo yes || echo no)" no

start pa --serial JMX0000P001
start pb --serial JMX0000P002
on pa "activation-key $pa_key
interface g0/1
nameif inside
ip address 10.1.1.11 255.255.255.0 standby 10.1.1.12
no shutdown
exit
license-server address 10.1.1.1 secret farscape
$(fo 98 primary)
emulator vpn-sessions 400"
until_has pa 'show failover' 'This host: Primary - Active'
on pb "activation-key $pb_key
$(fo 98 secondary)"
until_has pb 'show failover' 'This host: Secondary - Standby Ready'
until_has fw1 'show shared license' 'JMX0000P002'
# pa asked for 300 before pb joined; with the pair's combined license it
# may already have released 100 of them.
until_has fw1 'show shared license' 'JMX0000P001 +(300|200) '
contains "both units of the participant pair register, each its id" \
    "$(printf '%s\n' "$OUT" | tail -2)" "JMX0000P001 +(300|200) .*
  JMX0000P002 +0 "

# pa gone: pb active, it transfers pa's 300; as the active unit it runs
# the pair's combined license (100 + 100 local Premium sessions), so of
# the 400 sessions that came over it keeps 200 shared and releases 100.
kill -9 "$PID_pa"
wait "$PID_pa" 2>/dev/null
until_has pb 'show failover' 'This host: Secondary - Active'
until_has pb 'show shared license' 'Transfer +: 1 / 1 / 0'
contains "pb sent a transfer request, answered" "$OUT" \
    'Transfer +: 1 / 1 / 0'
until_has pb 'show shared license' 'Current usage +: +200$'
contains "and holds pa's sessions beyond the combined license" "$OUT" \
    'Current usage +: +200$'
until_has fw1 'show shared license' 'JMX0000P002 +200 '
OUT=$(show fw1 'show shared license')
contains "the server moved them" "$OUT" 'JMX0000P002 +200 '
contains "from pa" "$OUT" 'JMX0000P001 +0 '
contains "the server counted it" "$OUT" 'Transfer +: 1 / 1 / 0'
contains "pb carries the 400 sessions" \
    "$(show pb 'show vpn-sessiondb summary')" 'AnyConnect Client +: +400 '

# fw1 gone: fw2 active is the main server, at the active address.
kill -9 "$PID_fw1"
wait "$PID_fw1" 2>/dev/null
until_has fw2 'show failover' 'This host: Secondary - Active'
until_has fw2 'show shared license' 'JMX0000P002 +200 '
contains "fw2 is the server now; pb registered and granted again" \
    "$OUT" 'JMX0000P002 +200 '
contains "from fw2's pool" "$OUT" 'Utilized +: +200$'

for n in fw2 pb; do
	"$ASAEMU" stop --lab "$LAB" "$n"
done
finish
