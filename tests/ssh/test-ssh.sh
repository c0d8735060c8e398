#!/usr/bin/env bash
# SSH serving end to end (ctest label "ssh"): an always-on device in a fresh lab,
# scripts/serve-ssh.sh in front of it on a free 127.0.0.1 port, Debian's
# ssh client with sshpass. Checks: a pty login lands at the prompt and
# runs commands; "ssh host 'show version'" prints it and returns 0, an
# invalid command returns 1; a wrong password is refused; an address no
# "ssh" line permits is refused. Everything started here is stopped by
# its pid on exit.
#
#   tests/ssh/test-ssh.sh ASAEMU      (exit 77: skipped, no sshd/sshpass)
set -u
asaemu=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/lib.sh"

ssh_lab_start "$asaemu" || exit $?
trap ssh_lab_stop EXIT

fail=0
check() {	# check NAME WANT_RC GOT_RC OUTPUT GREP_PATTERN
	local name=$1 want=$2 got=$3 out=$4 pat=$5
	if [ "$got" != "$want" ] || ! grep -q -E -- "$pat" <<<"$out"; then
		echo "FAIL: $name (exit $got, want $want; /$pat/)"
		sed 's/^/    | /' <<<"$out" | head -20
		fail=1
	else
		echo "ok: $name"
	fi
}

# A login with a pty: the prompt, then commands typed in.
out=$( { sleep 1; printf 'show clock\r'; sleep 0.5; printf 'exit\r'; } |
	timeout 20 sshpass -p secret ssh -tt $SSH_OPTS admin@127.0.0.1 2>&1)
rc=$?
check "pty login lands at the prompt" 0 "$rc" "$out" '^ciscoasa> '
check "pty login runs a command" 0 "$rc" "$out" 'UTC Fri Mar 1 2013'

# Without a pty, commands on stdin.
out=$(printf 'show version\nexit\n' |
	timeout 20 sshpass -p secret ssh -T $SSH_OPTS admin@127.0.0.1 2>&1)
check "stdin session" 0 "$?" "$out" 'Software Version 9\.1\(7\)12'

# The exec channel: one command, its status.
out=$(timeout 20 sshpass -p secret ssh $SSH_OPTS admin@127.0.0.1 \
	'show version' 2>&1)
check "exec show version" 0 "$?" "$out" '^Cisco Adaptive Security Appliance Software Version'
out=$(timeout 20 sshpass -p secret ssh $SSH_OPTS admin@127.0.0.1 \
	'show nonsense' 2>&1)
check "exec invalid command" 1 "$?" "$out" 'ERROR: % Invalid input'

# Logins are sessions of one device: a change made in one is there
# in the next, unsaved; two at once are both listed.
printf 'enable\n\nconfigure terminal\nssh timeout 41\nend\n' |
	timeout 20 sshpass -p secret ssh -T $SSH_OPTS admin@127.0.0.1 \
	>/dev/null 2>&1
out=$(printf 'enable\n\nshow running-config ssh\nexit\n' |
	timeout 20 sshpass -p secret ssh -T $SSH_OPTS admin@127.0.0.1 2>&1)
check "a change is there at the next login" 0 "$?" "$out" '^ssh timeout 41'
{ sleep 3; printf 'exit\r'; } |
	timeout 20 sshpass -p secret ssh -tt $SSH_OPTS \
	admin@127.0.0.1 >/dev/null 2>&1 &
held=$!
sleep 1.5
out=$(printf 'enable\n\nshow ssh sessions\nexit\n' |
	timeout 20 sshpass -p secret ssh -T $SSH_OPTS admin@127.0.0.1 2>&1)
check "two logins, two sessions" 0 "$?" \
	"$(grep -c '127\.0\.0\.1.*IN' <<<"$out")" '^2$'
wait "$held"

# Refused logins.
out=$(timeout 20 sshpass -p wrong ssh $SSH_OPTS admin@127.0.0.1 \
	'show version' 2>&1)
check "wrong password refused" 5 "$?" "$out" 'Permission denied'
out=$(timeout 20 sshpass -p secret ssh $SSH_OPTS nosuch@127.0.0.1 \
	'show version' 2>&1)
check "unknown user refused" 5 "$?" "$out" 'Permission denied'

# Only 10.0.0.0/8 may connect now: 127.0.0.1 is refused.
ssh_device_config 'no ssh 127.0.0.1 255.255.255.255 inside' \
	'ssh 10.0.0.0 255.0.0.0 inside'
out=$(timeout 20 sshpass -p secret ssh $SSH_OPTS admin@127.0.0.1 \
	'show version' 2>&1)
check "ssh line refuses 127.0.0.1" 5 "$?" "$out" 'Permission denied'
exit $fail
