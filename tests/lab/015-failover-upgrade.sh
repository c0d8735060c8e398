#!/usr/bin/env bash
# A zero-downtime upgrade of a failover pair, unit by unit, as the wrmem
# capture (captures/upgrade/wrmem-blog_copy-tftp-bootsystem-delete_9.2-
# to-9.5_asa5525x.txt [V]) does it: two ASA 5540s on 9.0(4), fw1 primary
# with a license (10 contexts, 25 AnyConnect Premium), fw2 secondary on
# the Base license. The 9.1(2) image from a lab TFTP server onto both
# flashes (failover exec mate copy), boot system, write memory (the
# standby saves too), failover reload-standby: fw2 comes back on 9.1(2)
# and fw1 warns "Mate version ... is not identical" before replicating;
# no failover active hands the active role to the upgraded fw2, which
# reloads fw1; both on 9.1(2), the versions identical, failover active
# gives fw1 its role back. The combined license holds throughout. Then
# a failover key on one unit only keeps the units from pairing; the same
# key again, the secondary yields and takes the whole configuration
# (one made on the active while apart too): Standby Ready.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"
: "${ASAEMU_KEYGEN:?set ASAEMU_KEYGEN to the asaemu-keygen binary}"

t_start=$(date +%s)
mkdir -p "$LAB/hosts/10.1.1.10"
"$ASAEMU_KEYGEN" image --software '9.1(2)' --model ASA5540 \
	-o "$LAB/hosts/10.1.1.10" >/dev/null
start fw1 --serial JMX1111L001 --model ASA5540 --software '9.0(4)'
start fw2 --serial JMX2222L002 --model ASA5540 --software '9.0(4)'

key='0x287a6813 0x91d3d01e 0x8247e979 0xf205f923 0xe4042d0c'
pair_up "activation-key $key"
expect "the pair on 9.0(4)" "$(show fw1 'show failover' | grep Version)" \
	"Version: Ours 9.0(4), Mate 9.0(4)"

# contexts NAME: the failover cluster license's Security Contexts.
contexts() {
	show "$1" 'show version' |
		sed -n '/^Failover cluster/,$s/^Security Contexts *: *\([0-9]*\) .*/\1/p'
}
until_shows fw2 'show version' 'Security Contexts +: 12'
expect "9.0(4) pair: the combined license (10 + 2 contexts)" \
	"$(contexts fw2)" 12

# The new image on both flashes; boot it first, the old one second.
out=$(printf '%s\n' en '' \
	'copy /noconfirm tftp://10.1.1.10/asa912-k8.bin disk0:/asa912-k8.bin' \
	'failover exec mate copy /noconfirm tftp://10.1.1.10/asa912-k8.bin disk0:/asa912-k8.bin' \
	'conf t' 'boot system disk0:/asa912-k8.bin' \
	'boot system disk0:/asa904-k8.bin' end 'write memory' |
	sess fw1)
contains "the image copied to the mate" "$out" \
	"^27174912 bytes copied in .*\$"
expect "both flashes hold it" "$(ls "$LAB/fw1" "$LAB/fw2" | grep -c asa912-k8.bin)" 2
until_shows fw2 'show startup-config | include boot system' \
	'asa912-k8.bin' >/dev/null
out=$(show fw2 'show startup-config | include boot system')
expect "write memory on the active saved the standby's too" "$out" \
	"boot system disk0:/asa912-k8.bin
boot system disk0:/asa904-k8.bin"

# failover reload-standby: fw2 boots 9.1(2) and rejoins.
out=$(show fw1 'failover reload-standby')
expect "failover reload-standby says nothing" "$out" ""
wait_for "$LAB/fw1.log" "Mate version 9.1(2) is not identical with ours 9.0(4)"
until_shows fw2 'show failover' 'This host: Secondary - Standby Ready'
expect "fw2 runs 9.1(2)" \
	"$(show fw2 'show version' | grep '^Cisco Adaptive')" \
	"Cisco Adaptive Security Appliance Software Version 9.1(2)"
wait_for "$LAB/fw1.log" "End Configuration Replication to mate"
out=$(grep -A4 'Mate version 9.1' "$LAB/fw1.log" | grep -v 'Failover communication' | head -5)
expect "fw1's console: the warning, then the replication" "$out" \
	"   Mate version 9.1(2) is not identical with ours 9.0(4)
************WARNING****WARNING****WARNING********************************
Beginning configuration replication: Sending to mate.
End Configuration Replication to mate"
contains "fw2's console: the warning the other way" "$(cat "$LAB/fw2.log")" \
	"^   Mate version 9\.0\(4\) is not identical with ours 9\.1\(2\)\$"
expect "fw1: versions differ" "$(show fw1 'show failover' | grep Version)" \
	"Version: Ours 9.0(4), Mate 9.1(2)"
expect "fw2: versions differ" "$(show fw2 'show failover' | grep Version)" \
	"Version: Ours 9.1(2), Mate 9.0(4)"
expect "mixed releases: still combined on fw2" "$(contexts fw2)" 12
expect "mixed releases: and on fw1" "$(contexts fw1)" 12
on fw1 'hostname mixedpair'
until_shows fw2 'show running-config | include hostname' 'mixedpair'
expect "replication works across the releases" "$?" 0

# The upgraded standby takes over; it reloads the other unit.
printf 'en\n\nno failover active\n' | sess fw1 >/dev/null
until_shows fw2 'show failover' 'This host: Secondary - Active'
expect "no failover active: fw2 is active" "$?" 0
until_shows fw1 'show failover' 'This host: Primary - Standby Ready'
expect "fw1 the standby" "$?" 0
expect "fw2 active on 9.1(2) keeps the combined license" "$(contexts fw2)" 12
out=$(show fw2 'failover reload-standby')
expect "failover reload-standby from fw2" "$out" ""
until_shows fw1 'show version' 'Software Version 9\.1\(2\)' >/dev/null
until_shows fw1 'show failover' 'This host: Primary - Standby Ready'
expect "fw1 back on 9.1(2), the standby" "$?" 0
expect "fw1: versions identical" "$(show fw1 'show failover' | grep Version)" \
	"Version: Ours 9.1(2), Mate 9.1(2)"
expect "fw2: versions identical" "$(show fw2 'show failover' | grep Version)" \
	"Version: Ours 9.1(2), Mate 9.1(2)"
expect "9.1(2) pair: combined on fw1" "$(contexts fw1)" 12

# failover active gives the primary its role back.
printf 'en\n\nfailover active\n' | sess fw1 >/dev/null
until_shows fw1 'show failover' 'This host: Primary - Active'
expect "failover active on fw1" "$?" 0
until_shows fw2 'show failover' 'This host: Secondary - Standby Ready'
expect "fw2 the standby again" "$?" 0
expect "after the upgrade: combined on fw2" "$(contexts fw2)" 12

# Another failover key on the standby: neither unit understands the
# other (the hello carries a digest of the key, never the key), both
# warn and both go active; the same key again, the secondary yields.
on fw2 'failover key other'
wait_for "$LAB/fw1.log" "WARNING: Failover message decryption failure."
until_shows fw2 'show failover' 'This host: Secondary - Active'
expect "key mismatch: fw2 active too" "$?" 0
contains "fw2's console: decryption failure" "$(cat "$LAB/fw2.log")" \
	"^WARNING: Failover message decryption failure\. Please make sure"
expect "the key itself never went over the link" \
	"$(show fw1 'show running-config failover' | grep -c key)" 0
on fw1 'hostname keypair'
on fw2 'no failover key'
until_shows fw2 'show failover' 'This host: Secondary - Standby Ready'
expect "the same key again: fw2 yields and is Standby Ready" "$?" 0
expect "fw2 took the active's configuration made while apart" \
	"$(show fw2 'show running-config | include hostname')" \
	"hostname keypair"

for n in fw1 fw2; do
	"$ASAEMU" stop --lab "$LAB" "$n"
done
wait "$PID_fw1" "$PID_fw2" 2>/dev/null
secs=$(($(date +%s) - t_start))
echo "# upgrade of the pair took ${secs} s"
expect "bounded in time (< 40 s)" "$((secs < 40))" 1
finish
