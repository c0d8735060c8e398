#!/usr/bin/env bash
# Shared AnyConnect Premium licensing between devices of one lab
# (licensing/SHARED.md): a server with a 1000-session pool and three
# participants whose demand is above their local 100-session licenses;
# the pool is never over-granted; a wrong secret is refused and counted;
# garbage and an oversized frame on the server's socket are refused and
# the server goes on; a participant silent for 3 refresh intervals loses
# its sessions and asks again when it is back; the server killed: the
# participants keep their grant for 24 hours of lab time, then release it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/shared.sh"

# Keys for ASA 5520s: the server key of tests/golden/license-server (pool
# 1000), participants with 100 local sessions (asaemu-keygen --serial SN
# --model ASA5520 --feature shared-license=participant
# --feature anyconnect-premium=100).
srv_key='0x1c0a4cea 0x98c9f0fa 0x8e3bbc8f 0xa83f52ec 0x6645d60e'
declare -A pkey=(
	[1]='0x11321473 0xf424b13e 0x9eae1172 0x146af081 0x665ba3cb'
	[2]='0x121bc437 0x3e6a7b13 0x508666ad 0xa659de97 0x763f3087'
	[3]='0x1a9b50f5 0x4b15d856 0xf6bfa8b3 0x0f55352e 0xde9ca3e1'
)

iface() {
	printf 'interface g0/1\nnameif inside\nip address %s 255.255.255.0\nno shutdown\nexit' "$1"
}

start srv
on srv "activation-key $srv_key
$(iface 10.1.1.1)
license-server secret farscape
license-server refresh-interval 10
license-server enable inside"

# One after the other, so that the last is the one the pool runs short for.
demand=([1]=400 [2]=400 [3]=600)
for i in 1 2 3; do
	start "p$i" --serial "JMX0000P00$i"
	on "p$i" "activation-key ${pkey[$i]}
$(iface "10.1.1.1$i")
license-server address 10.1.1.1 secret farscape
emulator vpn-sessions ${demand[$i]}"
	until_has "p$i" 'show shared license' 'Current usage +: +[1-9]'
done
OUT=$(show p1 'show shared license')
contains "p1 is Active" "$OUT" 'Status +: Active'
contains "p1 holds 300 beyond its 100" "$OUT" 'Current usage +: +300$'
expect "the server's table" "$(show srv 'show shared license' | tail -4)" \
"  Client ID           Usage   Hostname
  JMX0000P001         300     ciscoasa
  JMX0000P002         300     ciscoasa
  JMX0000P003         400     ciscoasa"
contains "the pool is all used, never more" \
    "$(show srv 'show shared license')" 'Utilized +: +1000'
contains "p3 got as many as were left" "$(show p3 'show shared license')" \
    'Current usage +: +400'
contains "p3 carries 100 local + 400 shared of its 600" \
    "$(show p3 'show vpn-sessiondb summary')" 'AnyConnect Client +: +500 '

# Load falls on p1: it releases; p3 asks again at its next refresh (the
# lab clock moving makes every participant refresh at once).
on p1 'emulator vpn-sessions 100'
until_has srv 'show shared license' 'JMX0000P001 +0 '
on srv 'emulator advance-time 1 minutes'
until_has p3 'show shared license' 'Current usage +: +500'
contains "p3 gets the rest after p1's release" "$OUT" \
    'Current usage +: +500$'
contains "nobody silent lost anything" "$(show srv 'show shared license')" \
    'JMX0000P002 +300 '

# A wrong secret: refused and counted on both sides, nothing granted.
start p4 --serial JMX0000P001
on p4 "activation-key ${pkey[1]}
$(iface 10.1.1.14)
license-server address 10.1.1.1 secret wrongsecret
emulator vpn-sessions 400"
until_has p4 'show shared license' 'Registration +: [0-9]+ / [0-9]+ / 1'
contains "p4 with a wrong secret stays Inactive" "$OUT" 'Status +: Inactive'
contains "and holds nothing" "$OUT" 'Current usage +: +0$'

# Garbage and an oversized frame on the server's socket.
python3 - "$LAB/net/10.1.1.1:50554" <<'PY'
import os, socket, ssl, struct, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(os.urandom(700))
s.settimeout(5)
try:
    while s.recv(4096):
        pass
except OSError:
    pass
s.close()
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
t = ctx.wrap_socket(s)
t.settimeout(5)
n = struct.unpack('>H', t.recv(2))[0]
assert t.recv(n).startswith(b'HELLO v=1 nonce='), 'no HELLO'
t.sendall(struct.pack('>H', 4000) + b'x' * 4000)
try:
    assert t.recv(10) == b'', 'the oversized frame was answered'
except (ssl.SSLError, OSError):
    pass
PY
expect "the test client saw HELLO, then the end" "$?" 0
until_has srv 'show shared license' 'Registration +: [0-9]+ / [0-9]+ / [3-9]'
contains "garbage and oversized frames are counted" "$OUT" 'Registration'
contains "the server goes on: p2 still holds its 300" "$OUT" \
    'JMX0000P002 +300 '

# p2 silent for 3 refresh intervals (stopped): the server releases its
# sessions; when it is back it registers and asks again.
kill -STOP "$PID_p2"
on srv 'emulator advance-time 1 minutes'
until_has srv 'show shared license' 'Available +: +500$'
contains "silent p2 is forgotten, its 300 back in the pool" "$OUT" \
    'Available +: +500$'
contains "p3 refreshed and kept its 500" "$OUT" 'JMX0000P003 +500 '
kill -CONT "$PID_p2"
until_has srv 'show shared license' 'JMX0000P002 +300 '
contains "p2 back: registered and granted again" "$OUT" 'JMX0000P002'

# The server killed: 24 hours of grace, then the participants release.
kill -9 "$PID_srv"
wait "$PID_srv" 2>/dev/null
until_has p2 'show shared license' 'Status +: Inactive'
contains "server gone: p2 keeps its grant" "$OUT" 'Current usage +: +300$'
on p2 'emulator advance-time 23 hours'
sleep 0.3
contains "still after 23 hours" "$(show p2 'show shared license')" \
    'Current usage +: +300$'
on p2 'emulator advance-time 2 hours'
until_has p2 'show shared license' 'Current usage +: +0$'
contains "after 24 hours p2 releases it" "$OUT" 'High usage +: +300$'
contains "existing sessions stay established" \
    "$(show p2 'show vpn-sessiondb summary')" 'AnyConnect Client +: +400 '

for n in p1 p2 p3 p4; do
	"$ASAEMU" stop --lab "$LAB" "$n"
done
finish
