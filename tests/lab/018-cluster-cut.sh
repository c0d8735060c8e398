#!/usr/bin/env bash
# A cluster unit whose cluster control link goes down (issue 13): it
# leaves the cluster and stays disabled until enabled again (9.1 units
# rejoin by hand), but "During the 30-day grace period, the combined
# running license continues to be used by all units" (chapter "Loss of
# Communication Between Failover or ASA Cluster Units"), the cut-off
# unit included. Two ASA 5585-X SSP-10 units, a 52-week Botnet Traffic
# Filter key each (104 weeks combined). Cut 10 days, then back: the
# master's key counted them (354), the slave's did not. Cut 31 days:
# both revert to their own and are charged the 31 days, with console
# lines for the grace's end and for the unit back.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"

M=ASA5585-X-SSP-10
KEYGEN=$(dirname "$ASAEMU")/asaemu-keygen
CCL=TenGigabitEthernet0/8
serial() { printf 'JAF%s%s%s%sA00%s' "$1" "$1" "$1" "$1" "$1"; }
bootstrap() {
	local s
	s=$(serial "$1")
	printf 'interface %s\nno shutdown\nexit\n' "$CCL"
	printf 'activation-key %s\n' "$("$KEYGEN" --model $M --serial "$s" \
		--feature cluster=8 --purchase 1)"
	printf 'activation-key %s\n' "$("$KEYGEN" --model $M --serial "$s" \
		--time-based 52w --purchase 2 --feature botnet-traffic-filter)"
	printf 'cluster group pod1\nlocal-unit u%s\n' "$1"
	printf 'cluster-interface %s ip 10.0.0.%s 255.255.255.0\n' "$CCL" "$1"
	printf 'priority %s\nkey s3cret\nenable noconfirm\nexit' "$1"
}
# lost N: until u1's console said u2 lost N times (5 s at most).
lost() {
	local i
	for i in $(seq 50); do
		[ "$(tr -d '\r' <"$LAB/u1.log" |
			grep -c 'Cluster unit u2 is not responding')" = "$1" ] &&
			return 0
		sleep 0.1
	done
	echo "not ok - u1 lost u2 $1 times"
	FAILS=$((FAILS + 1))
}
up() { until_shows "u$1" 'show cluster info' "This is \"u$1\" in state $2"; }
rejoin_u2() {
	on u2 "emulator link $CCL up
cluster group pod1
enable noconfirm
exit"
	up 2 SLAVE
	until_shows u1 'show cluster info' 'Unit "u2" in state SLAVE'
	expect "enable again: u2 rejoins as a slave" \
		"$(show u2 'show cluster info' | grep 'This is')" \
		'    This is "u2" in state SLAVE'
}

start u1 --model $M --serial "$(serial 1)"
start u2 --model $M --serial "$(serial 2)"
on u1 "$(bootstrap 1)"
up 1 MASTER
on u2 "$(bootstrap 2)"
up 2 SLAVE
until_botnet u2 "364 728 "
expect "a cluster: 52 weeks each, 104 combined" "$(botnet u1)" "364 728 "

# Cut 10 days: u2 disabled, both keep the combined license.
on u2 "emulator link $CCL down"
up 2 DISABLED
lost 1
expect "u2's console: the link down, it leaves" \
	"$(tr -d '\r' <"$LAB/u2.log" | grep -A1 'link interface is down')" \
	"Cluster control link interface is down; leaving the cluster
Cluster disable is performing cleanup..done."
expect "u2 cut off keeps the combined license" "$(botnet u2)" "364 728 "
on u1 'emulator advance-time 10 days'
until_botnet u1 "354 718 "
until_botnet u2 "364 718 "
expect "10 days: the master's key counted them" "$(botnet u1)" "354 718 "
expect "... the cut-off slave's waited" "$(botnet u2)" "364 718 "
rejoin_u2
wait_for "$LAB/u1.log" "Cluster communication with unit u2 restored after 10 days"
wait_for "$LAB/u2.log" "Cluster communication with unit u1 restored after 10 days"
until_botnet u2 "364 718 "
expect "back within 30 days: nothing off the slave" "$(botnet u2)" "364 718 "

# Cut 31 days: the grace runs out on both.
on u2 "emulator link $CCL down"
up 2 DISABLED
lost 2
on u1 'emulator advance-time 31 days'
until_botnet u1 "323 "
until_botnet u2 "333 "
expect "31 days: the master runs its own (354-31)" "$(botnet u1)" "323 "
expect "... the slave its own, charged the 31 days (364-31)" \
	"$(botnet u2)" "333 "
wait_for "$LAB/u1.log" "Cluster license grace period for unit u2 has expired; its license no longer counts"
wait_for "$LAB/u2.log" "Cluster license grace period has expired; using the license installed locally"
contains "u1's console: u2's grace over" "$(cat "$LAB/u1.log")" \
	"Cluster license grace period for unit u2 has expired"
rejoin_u2
wait_for "$LAB/u1.log" "Cluster communication with unit u2 restored after 31 days"
until_botnet u2 "333 656 "
expect "back after 31 days: combined again (323+333)" "$(botnet u1)" \
	"323 656 "

"$ASAEMU" stop --lab "$LAB" u1
"$ASAEMU" stop --lab "$LAB" u2
wait "$PID_u1" "$PID_u2" 2>/dev/null
finish
