#!/usr/bin/env bash
# Combined time-based licenses of an ASA cluster on the lab clock (issue
# 13; chapter "How Failover or ASA Cluster Licenses Combine" and "Loss of
# Communication Between Failover or ASA Cluster Units", their worked
# examples in a cluster of three ASA 5585-X SSP-10 units). A 52-week
# Botnet Traffic Filter key on each, 156 weeks combined; 10 weeks as a
# cluster are charged to the master alone (42 + 52 + 52); AnyConnect
# Premium keys of 20 and 30 weeks count down simultaneously. The master
# gone 4 weeks: the others count the combined license down from its part
# and it comes back with 38; a slave gone 6 weeks: after 30 days the
# others are charged the 6 weeks too, and it comes back charged them.
# Then the master's key runs out and the slaves count down in turn.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/failover.sh"

M=ASA5585-X-SSP-10
KEYGEN=$(dirname "$ASAEMU")/asaemu-keygen
serial() { printf 'JAF%s%s%s%sA00%s' "$1" "$1" "$1" "$1" "$1"; }
# bootstrap N PRIORITY: unit uN's licenses and cluster group, enabled.
bootstrap() {
	local s
	s=$(serial "$1")
	printf 'interface TenGigabitEthernet0/8\nno shutdown\nexit\n'
	printf 'activation-key %s\n' "$("$KEYGEN" --model $M --serial "$s" \
		--feature cluster=8 --purchase 1)"
	printf 'activation-key %s\n' "$("$KEYGEN" --model $M --serial "$s" \
		--time-based 52w --purchase 2 --feature botnet-traffic-filter)"
	case $1 in
	1)	printf 'activation-key %s\n' "$("$KEYGEN" --model $M \
			--serial "$s" --time-based 30w --purchase 3 \
			--feature anyconnect-premium=250)" ;;
	2)	printf 'activation-key %s\n' "$("$KEYGEN" --model $M \
			--serial "$s" --time-based 20w --purchase 3 \
			--feature anyconnect-premium=500)" ;;
	esac
	printf 'cluster group pod1\nlocal-unit u%s\n' "$1"
	printf 'cluster-interface TenGigabitEthernet0/8 ip 10.0.0.%s 255.255.255.0\n' "$1"
	printf 'priority %s\nkey s3cret\nenable noconfirm\nexit\nwrite memory' "$2"
}
# premium NAME: as botnet (failover.sh) for AnyConnect Premium: value
# and days.
premium() {
	show "$1" 'show activation-key' |
		sed -n 's/^AnyConnect Premium Peers *: \([0-9]*\) *\(.*\)$/\1,\2/p' |
		tr '\n' ' '
}
# others NAME N: poll (5 s at most) until NAME lists N other members.
others() {
	local i
	for i in $(seq 50); do
		[ "$(show "$1" 'show cluster info' | grep -c 'Unit ')" = "$2" ] &&
			return 0
		sleep 0.1
	done
	return 1
}
up() { until_shows "u$1" 'show cluster info' "This is \"u$1\" in state $2"; }

for n in 1 2 3; do
	start "u$n" --model $M --serial "$(serial $n)"
done
on u1 "$(bootstrap 1 1)"
up 1 MASTER
on u2 "$(bootstrap 2 2)"
on u3 "$(bootstrap 3 3)"
up 2 SLAVE
up 3 SLAVE
for n in 1 2 3; do
	until_botnet "u$n" "364 1092 "
done
expect "a cluster: 52 weeks each, 156 combined" "$(botnet u3)" "364 1092 "
expect "numerical: the sums (u3's perpetual 2 included)" "$(premium u2)" \
	"500,140 days 752,perpetual "

on u1 'emulator advance-time 10 weeks'
for n in 1 2 3; do
	until_botnet "u$n" "$([ $n = 1 ] && echo 294 || echo 364) 1022 "
done
expect "10 weeks: the master's (42 weeks) counted down" "$(botnet u1)" \
	"294 1022 "
expect "... the first slave's (52 weeks) waits" "$(botnet u2)" "364 1022 "
expect "... and so does the second's" "$(botnet u3)" "364 1022 "
expect "numerical: both count down at once (30-10, 20-10 weeks)" \
	"$(premium u1)/$(premium u2)" \
	"250,140 days 752,perpetual /500,70 days 752,perpetual "

# u1 started again, back when each of the others has heard it as a slave.
rejoin_u1() {
	local n
	start u1 --model $M --serial "$(serial 1)"
	up 1 SLAVE
	for n in 2 3; do
		until_shows "u$n" 'show cluster info' 'Unit "u1" in state SLAVE'
	done
}

# The master lost for 4 weeks.
kill -9 "$PID_u1"
wait "$PID_u1" 2>/dev/null
up 2 MASTER
until_shows u3 'show cluster info' 'Unit "u2" in state MASTER'
on u2 'emulator advance-time 4 weeks'
until_botnet u2 "364 994 "
until_botnet u3 "364 994 "
expect "u1 gone 4 weeks: the others count down from its part (146-4)" \
	"$(botnet u2) $(botnet u3)" "364 994  364 994 "
rejoin_u1
for n in 1 2 3; do
	until_botnet "u$n" "$([ $n = 1 ] && echo 266 || echo 364) 994 "
done
expect "back within 30 days: the 4 weeks came off the master's (38)" \
	"$(botnet u1)" "266 994 "
expect "... and off nobody else's" "$(botnet u2) $(botnet u3)" \
	"364 994  364 994 "

# A slave lost for 6 weeks: u2 is the master now, u1 a slave.
kill -9 "$PID_u1"
wait "$PID_u1" 2>/dev/null
for n in 2 3; do
	others "u$n" 1
done
on u2 'emulator advance-time 6 weeks'
until_botnet u2 "322 644 "
until_botnet u3 "322 644 "
expect "6 weeks: the master counted them (46), the slave charged them \
after 30 days (46)" "$(botnet u2) $(botnet u3)" "322 644  322 644 "
rejoin_u1
for n in 1 2 3; do
	until_botnet "u$n" "$([ $n = 1 ] && echo 224 || echo 322) 868 "
done
expect "u1 back: charged the 6 weeks too (32)" "$(botnet u1)" "224 868 "

# The master's runs out: the slaves count down in turn, by unit id.
on u2 'emulator advance-time 47 weeks'
until_botnet u3 "322 539 "
until_botnet u1 "217 539 "
expect "47 weeks: the master's 46 ran out, the first slave counted 1" \
	"$(botnet u1) $(botnet u2)" "217 539  539 "
expect "... the second still waits" "$(botnet u3)" "322 539 "

for n in 1 2 3; do
	"$ASAEMU" stop --lab "$LAB" "u$n"
done
wait "$PID_u1" "$PID_u2" "$PID_u3" 2>/dev/null
finish
