#!/usr/bin/env bash
# failover exec and failover reload-standby over the failover link (issue
# 13): fw1 active runs commands on its mate (mate, standby) and on itself
# (active); the exec session keeps its mode from one command to the
# next; reload-standby reloads fw2, which comes back from its startup
# configuration as the standby and receives fw1's configuration again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"

start fw1 --serial JMX1111L001
start fw2 --serial JMX2222L002

on fw1 "$boot
failover lan unit primary
failover"
until_shows fw1 'show failover' 'This host: Primary - Active'
on fw2 "$boot
failover lan unit secondary
failover
write memory"
until_shows fw2 'show failover' 'This host: Secondary - Standby Ready'

out=$(show fw1 'failover exec mate show running-config | include lan unit')
expect "failover exec mate: fw2's own line" "$out" \
	"failover lan unit secondary"
out=$(show fw1 'failover exec standby show failover | include This host')
expect "failover exec standby runs on fw2" "$out" \
	"        This host: Secondary - Standby Ready"
out=$(show fw1 'failover exec active show failover | include This host')
expect "failover exec active runs here" "$out" \
	"        This host: Primary - Active"
show fw1 'failover exec mate configure terminal' >/dev/null
show fw1 'failover exec mate hostname mateonly' >/dev/null
out=$(show fw2 'show running-config | include ^hostname')
expect "the exec session stays in configuration mode" "$out" \
	"hostname mateonly"
contains "configuration on the standby warns there" \
	"$(show fw1 'failover exec mate configure terminal')" \
	"no longer synchronized"

out=$(show fw1 'failover reload-standby')
expect "failover reload-standby: no output" "$out" ""
until_shows fw2 'show failover' 'This host: Secondary - Standby Ready'
expect "fw2 back from its reload as the standby" "$?" 0
out=$(grep -c 'Beginning configuration replication from mate' "$LAB/fw2.log")
expect "fw2 received the configuration again" "$out" 2
out=$(grep -c 'Beginning configuration replication: Sending to mate' "$LAB/fw1.log")
expect "... which fw1 sent again" "$out" 2
out=$(show fw2 'show running-config | include ^hostname')
expect "... fw1's, not what exec typed there" "$out" "hostname ciscoasa"

for n in fw1 fw2; do
	"$ASAEMU" stop --lab "$LAB" "$n"
done
wait "$PID_fw2" "$PID_fw1" 2>/dev/null
finish
