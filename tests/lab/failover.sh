# Sourced by the failover and cluster tests after lib.sh: the failover
# link on GigabitEthernet0/3 (192.168.99.1/.2, polltime 200 ms, holdtime
# 800 ms), a command's output without the login lines, polling for it,
# and a unit's Botnet Traffic Filter days.
boot='interface g0/3
no shutdown
exit
failover lan interface folink GigabitEthernet0/3
failover interface ip folink 192.168.99.1 255.255.255.252 standby 192.168.99.2
failover polltime unit msec 200 holdtime msec 800'
# show NAME CMD: CMD's output on device NAME.
show() {
	printf 'en\n\n%s\n' "$2" | sess "$1" | tail -n +4
}
# until_is WANT CMD...: poll (5 s at most) until CMD prints WANT.
until_is() {
	local i want=$1
	shift
	for i in $(seq 50); do
		[ "$("$@")" = "$want" ] && return 0
		sleep 0.1
	done
	return 1
}
# until_shows NAME CMD PATTERN: poll (5 s at most) until the output matches.
until_shows() {
	local i
	for i in $(seq 50); do
		show "$1" "$2" | grep -qE -- "$3" && return 0
		sleep 0.1
	done
	return 1
}
# pair_up LINES: fw1 the primary, configured with LINES, then an inside
# interface (10.1.1.1, standby 10.1.1.2) and the link; fw2 its secondary;
# until fw2 is the Standby Ready mate of an active fw1.
pair_up() {
	on fw1 "$1
interface g0/1
nameif inside
ip address 10.1.1.1 255.255.255.0 standby 10.1.1.2
no shutdown
exit
$boot
failover lan unit primary
failover"
	until_shows fw1 'show failover' 'This host: Primary - Active'
	on fw2 "$boot
failover lan unit secondary
failover"
	until_shows fw2 'show failover' 'This host: Secondary - Standby Ready'
}
# botnet NAME: the unit's own Botnet Traffic Filter days, then the
# combined days (if any), from show activation-key.
botnet() {
	show "$1" 'show activation-key' |
		sed -n 's/^Botnet Traffic Filter *: Enabled *\([0-9]*\) days/\1/p' |
		tr '\n' ' '
}
# until_botnet NAME WANT: poll (5 s at most) for the next hellos.
until_botnet() {
	until_is "$2" botnet "$1"
}
