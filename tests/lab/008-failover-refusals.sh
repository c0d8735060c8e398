#!/usr/bin/env bash
# Licenses that do not pair (chapter, "Failover License Requirements and
# Exceptions"): fw2's Strong Encryption against fw1's DES ("Both units
# must have the same encryption license") disables failover on both,
# each saying why on its console (its log) and in its history. (The
# pre-8.3 identical-license rule and the others are lic_units_check's,
# covered by test_lic_units.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"


start fw1 --serial JMX1111L001
start fw2 --serial JMX2222L002
on fw2 'activation-key 0x11370db4 0xe93da700 0xf1529b3a 0xe5615785 0x4afe759e'
on fw1 "$boot
failover lan unit primary
failover"
on fw2 "$boot
failover lan unit secondary
failover"
until_shows fw2 'show failover' '^Failover Off'
expect "fw2 refuses a mate with another encryption license" "$?" 0
until_shows fw1 'show failover' '^Failover Off'
expect "so does fw1" "$?" 0
contains "fw2's console says why" "$(cat "$LAB/fw2.log")" \
	"Failover is disabled: Mate's encryption license is different"
out=$(show fw1 'show failover history' | grep -c ' Disabled  *Failover disabled$')
expect "fw1's history" "$out" 1
for n in fw1 fw2; do
	"$ASAEMU" stop --lab "$LAB" "$n"
done
wait "$PID_fw1" "$PID_fw2" 2>/dev/null
finish
