#!/usr/bin/env bash
# An ASA cluster of three devices of one lab (issue 13): ASA 5585-X
# SSP-10 units u1, u2, u3 on the cluster control link 10.0.0.0/24
# through TenGigabitEthernet0/8, each with its own Cluster key (8 units).
# u1 alone becomes the master; u2, a better priority, joins as a slave
# (no pre-emption); u3 without a Cluster license cannot enable, with one
# but another cluster key it is refused by the master and stays
# disabled, with the right key it joins; a command on the master reaches
# both slaves, which refuse configuration commands; the cluster license
# (contexts 2+2+2) in show version; kill -9 of the master makes u2 (the
# best priority) the master and u3 stays its slave; a pulled CCL cable
# takes u3 out of the cluster.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"

M=ASA5585-X-SSP-10
KEYGEN=$(dirname "$ASAEMU")/asaemu-keygen
key() { "$KEYGEN" --model $M --serial "$1" --feature cluster=8 --purchase 1; }
# bootstrap SERIAL UNIT N PRIORITY CLUSTERKEY: the license and the
# cluster group, without enable.
bootstrap() {
	printf 'interface TenGigabitEthernet0/8\nno shutdown\nexit\n'
	printf 'activation-key %s\n' "$(key "$1")"
	printf 'cluster group pod1\nlocal-unit %s\n' "$2"
	printf 'cluster-interface TenGigabitEthernet0/8 ip 10.0.0.%s 255.255.255.0\n' "$3"
	printf 'priority %s\nkey %s' "$4" "$5"
}

start u1 --model $M --serial JAF1111A001
start u2 --model $M --serial JAF2222A002
start u3 --model $M --serial JAF3333A003

on u1 "$(bootstrap JAF1111A001 u1 1 5 s3cret)
enable noconfirm"
until_shows u1 'show cluster info' 'This is "u1" in state MASTER'
on u2 "$(bootstrap JAF2222A002 u2 2 1 s3cret)
enable noconfirm"
until_shows u2 'show cluster info' 'This is "u2" in state SLAVE'
out=$(show u1 'show cluster info')
expect "u1 is the master, u2 (priority 1) its slave" "$out" \
	'Cluster pod1: On
    This is "u1" in state MASTER
        ID        : 0
        Version   : 9.1(7)12
        Serial No.: JAF1111A001
        CCL IP    : 10.0.0.1
        Last join : 12:00:00 UTC Mar 01 2013
        Last leave: N/A
Other members in the cluster:
    Unit "u2" in state SLAVE
        ID        : 1
        Version   : 9.1(7)12
        Serial No.: JAF2222A002
        CCL IP    : 10.0.0.2
        Last join : 12:00:00 UTC Mar 01 2013
        Last leave: N/A'

# u3: no Cluster license, then another cluster key.
out=$(printf 'en\n\nconf t\ncluster group pod1\nlocal-unit u3\ncluster-interface TenGigabitEthernet0/8 ip 10.0.0.3 255.255.255.0\nenable noconfirm\n' |
	sess u3 | grep ERROR)
expect "u3 without a Cluster license cannot enable" "$out" \
	"ERROR: Clustering is not licensed on this unit. Install a Cluster license before enabling clustering."
on u3 "$(bootstrap JAF3333A003 u3 3 3 wrong)
enable noconfirm"
wait_for "$LAB/u3.log" "The master unit refused this unit"
until_shows u3 'show cluster info' 'This is "u3" in state DISABLED'
out=$(grep -E 'refused|quit|cleanup' "$LAB/u3.log" "$LAB/u1.log" |
	sed "s|$LAB/||")
expect "u3 with another key is refused and stays disabled" "$out" \
	"u3.log:The master unit refused this unit: cluster key mismatch
u3.log:Cluster disable is performing cleanup..done.
u1.log:Asking slave unit u3 to quit: cluster key mismatch"
on u3 "cluster group pod1
no enable
key s3cret
enable noconfirm"
until_shows u3 'show cluster info' 'This is "u3" in state SLAVE'

# Replication from the master; slaves refuse configuration.
on u1 "hostname clfw"
until_shows u3 'show running-config | include hostname' 'hostname clfw'
out=$(show u2 'show running-config | include hostname|local-unit')
expect "the master's hostname on u2, its own bootstrap kept" "$out" \
	"hostname clfw
 local-unit u2"
out=$(printf 'en\n\nconf t\nhostname other\n' | sess u2 | grep ERROR)
expect "a slave refuses configuration commands" "$out" \
	"ERROR: This command is not allowed on a slave unit; configure the master unit."
out=$(grep -E 'Cluster|replication' "$LAB/u3.log" | tail -n 7)
expect "u3's console: the master detected, joined, configuration twice" \
	"$out" "Cluster unit u3 transitioned from DISABLED to ELECTION
Detected Cluster Master.
Cluster unit u3 transitioned from ELECTION to SLAVE
Beginning configuration replication from Master.
End configuration replication from Master.
Beginning configuration replication from Master.
End configuration replication from Master."
out=$(show u3 'show version' | grep -E '^Failover cluster|^Security Contexts|^Cluster  ')
expect "the cluster license in show version (contexts 2+2+2)" "$out" \
	"Security Contexts                 : 2              perpetual
Cluster                           : Enabled        perpetual
Failover cluster licensed features for this platform:
Security Contexts                 : 6              perpetual
Cluster                           : Enabled        perpetual"

# The master killed: u2, the best priority, takes over.
kill -9 "$PID_u1"
until_shows u2 'show cluster info' 'This is "u2" in state MASTER'
until_shows u3 'show cluster info' 'Unit "u2" in state MASTER'
out=$(show u3 'show cluster info' | grep -E 'This is|Unit ')
expect "u3 stays a slave of the new master u2" "$out" \
	'    This is "u3" in state SLAVE
    Unit "u2" in state MASTER'
out=$(grep -E 'u1 is|SLAVE to MASTER' "$LAB/u2.log")
expect "u2's console: u1 lost, u2 the master" "$out" \
	"Cluster unit u1 is not responding; removed from the cluster
Cluster unit u2 transitioned from SLAVE to MASTER"

# u3's cluster control link cable pulled: it leaves the cluster.
on u3 "emulator link TenGigabitEthernet0/8 down"
until_shows u3 'show cluster info' 'This is "u3" in state DISABLED'
wait_for "$LAB/u2.log" "Cluster unit u3 is not responding"
out=$(show u2 'show cluster info' | grep -c 'Unit ')
expect "u2 alone" "$out" "0"
finish
