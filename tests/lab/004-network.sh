#!/usr/bin/env bash
# Two devices of one lab on its network: fw1 serves shared licensing on
# inside (10.1.1.1:50554), fw2 reaches it with ping tcp; shutdown, a
# pulled cable (emulator link) on either side and a killed fw1 refuse the
# connection; emulator advance-time on one device moves the other too.
. "$(dirname "$0")/lib.sh"

# A shared licensing server key for the default serial (ASA 5520), as in
# tests/golden/license-server/002-server.cli.
key='0x1c0a4cea 0x98c9f0fa 0x8e3bbc8f 0xa83f52ec 0x6645d60e'
start fw1
start fw2
printf 'en\n\nconf t\nactivation-key %s\ninterface g0/1\nnameif inside\nip address 10.1.1.1 255.255.255.0\nno shutdown\nexit\nlicense-server secret farscape\nlicense-server enable inside\n' "$key" | sess fw1 >/dev/null
printf 'en\n\nconf t\ninterface g0/1\nnameif inside\nip address 10.1.1.2 255.255.255.0\nno shutdown\n' | sess fw2 >/dev/null

ping() {
	printf 'ping tcp 10.1.1.1 50554\n' | sess fw2 | sed -n 5,6p
}
ok='!!!!!
Success rate is 100 percent (5/5), round-trip min/avg/max = 1/1/1 ms'
refused='?????
Success rate is 0 percent (0/5)'

expect "fw2 reaches fw1's license server" "$(ping)" "$ok"
on fw1 $'interface g0/1\nshutdown'
expect "shutdown on fw1 refuses it" "$(ping)" "$refused"
on fw1 $'interface g0/1\nno shutdown'
expect "no shutdown serves it again" "$(ping)" "$ok"
on fw1 'emulator link g0/1 down'
expect "fw1's cable out refuses it" "$(ping)" "$refused"
on fw1 'emulator link g0/1 up'
expect "fw1's cable back in" "$(ping)" "$ok"
on fw2 'emulator link GigabitEthernet0/1 down'
expect "fw2's own cable out" "$(ping)" "$refused"
on fw2 'emulator link GigabitEthernet0/1 up'
on fw1 'no license-server enable inside'
expect "no license-server enable closes the listener" "$(ping)" "$refused"
on fw1 'license-server enable inside'
expect "enabled again" "$(ping)" "$ok"

# One lab clock: fw1 moves it, fw2 follows.
out=$(printf 'show clock\n' | sess fw2)
expect "the lab starts at --clock" "$out" "ciscoasa> show clock
12:00:00.000 UTC Fri Mar 1 2013"
on fw1 'emulator advance-time 2 days'
out=$(printf 'show clock\n' | sess fw2)
expect "advance-time on fw1 moves fw2" "$out" "ciscoasa> show clock
12:00:00.000 UTC Sun Mar 3 2013"

kill -9 "$PID_fw1"
wait "$PID_fw1" 2>/dev/null
expect "a killed fw1 is a pulled cable" "$(ping)" "$refused"
"$ASAEMU" stop --lab "$LAB" fw2
wait "$PID_fw2"
finish
