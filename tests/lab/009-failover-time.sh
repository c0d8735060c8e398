#!/usr/bin/env bash
# Combined time-based licenses of a failover pair on the lab clock (issue
# 13; chapter "Loss of Communication Between Failover or ASA Cluster
# Units", its worked example): a 52-week Botnet Traffic Filter key on
# each unit, 104 weeks combined; 10 weeks paired are charged to the
# primary alone (42 + 52); the primary gone 4 weeks and back: 4 weeks more
# from it (38 + 52); gone 6 weeks: after 30 days both units are charged
# (32 + 46).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"

keygen=$(dirname "$ASAEMU")/asaemu-keygen
key1=$("$keygen" --serial JMX1111L001 --model ASA5520 --time-based 52w \
	--purchase 1 --feature botnet-traffic-filter)
key2=$("$keygen" --serial JMX2222L002 --model ASA5520 --time-based 52w \
	--purchase 1 --feature botnet-traffic-filter)
start fw1 --serial JMX1111L001
start fw2 --serial JMX2222L002

on fw1 "activation-key $key1
$boot
failover lan unit primary
failover
write memory"
until_shows fw1 'show failover' 'This host: Primary - Active'
on fw2 "activation-key $key2
$boot
failover lan unit secondary
failover
write memory"
until_shows fw2 'show failover' 'This host: Secondary - Standby Ready'
until_shows fw2 'show activation-key' 'Failover cluster' >/dev/null
expect "paired: 52 weeks each, 104 combined" "$(botnet fw2)" "364 728 "

on fw1 'emulator advance-time 10 weeks'
sleep 0.5
expect "10 weeks paired: the primary's (42 weeks) counted down" \
	"$(botnet fw1)" "294 658 "
expect "... the secondary's (52 weeks) waits" "$(botnet fw2)" "364 658 "

kill -9 "$PID_fw1"
wait "$PID_fw1" 2>/dev/null
until_shows fw2 'show failover' 'This host: Secondary - Active'
on fw2 'emulator advance-time 4 weeks'
expect "fw1 gone 4 weeks: fw2 counts down the combined 90 weeks" \
	"$(botnet fw2)" "364 630 "
start fw1 --serial JMX1111L001
until_shows fw1 'show failover' 'This host: Primary - Standby Ready'
sleep 0.5
expect "back within 30 days: the 4 weeks came off the primary (38)" \
	"$(botnet fw1)" "266 630 "
expect "... and not off the secondary (52)" "$(botnet fw2)" "364 630 "

kill -9 "$PID_fw1"
wait "$PID_fw1" 2>/dev/null
until_shows fw2 'show failover' 'Other host: Primary - Failed'
on fw2 'emulator advance-time 6 weeks'
sleep 0.5
expect "6 weeks apart: fw2 runs its own, charged the 6 weeks (46)" \
	"$(botnet fw2)" "322 "
start fw1 --serial JMX1111L001
until_shows fw1 'show failover' 'This host: Primary - Standby Ready'
sleep 0.5
expect "fw1 back: charged the 6 weeks too (32), 78 weeks combined" \
	"$(botnet fw1)" "224 546 "

for n in fw1 fw2; do
	"$ASAEMU" stop --lab "$LAB" "$n"
done
wait "$PID_fw2" "$PID_fw1" 2>/dev/null
finish
