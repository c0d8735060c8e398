#!/usr/bin/env bash
# kill -9 at random moments while asaemu writes its flash (write memory,
# activation-key, clock set): every private file is then the old one or
# the new one, whole (a startup-config ends in ": end", a key store in
# its mac line and reads back valid), never torn, empty or a stray
# *.tmp after the next start. Bounded: TRIALS trials or SECONDS seconds,
# whichever comes first.
#   crash-consistency.sh ASAEMU [TRIALS] [SECONDS]
set -u
bin=$1 trials=${2:-300} secs=${3:-20}
flash=$(mktemp -d /tmp/asaemu-crash-XXXXXX)
trap 'rm -rf "$flash"' EXIT
key='0x10d0a91b 0x2427f79f 0x1f8a4bba 0x2b0fed20 0xbca64f28'
perm='0x143fa916 0xa0a45a21 0x2ab95ee6 0x3c8915d4 0x53a52bdc'
fail() { echo "FAIL (trial $n): $*" >&2; ls -la "$flash/.private" >&2; exit 1; }

check() {
	local p=$flash/.private f
	for f in "$p"/startup-config; do
		[ -e "$f" ] || continue
		[ -s "$f" ] || fail "empty $f"
		[ "$(tail -n 1 "$f")" = ": end" ] || fail "torn $f"
	done
	f=$p/activation-keys
	if [ -e "$f" ]; then
		[ -s "$f" ] || fail "empty $f"
		tail -n 1 "$f" | grep -Eq '^mac [0-9a-f]{64}$' || fail "torn $f"
	fi
}

printf 'en\n\nwrite memory\n' | "$bin" --flash "$flash" >/dev/null 2>&1
end=$((SECONDS + secs))
n=0
while [ $n -lt "$trials" ] && [ $SECONDS -lt $end ]; do
	n=$((n + 1))
	{
		printf 'en\n\nconf t\nhostname h%d\n' "$n"
		printf 'write memory\nactivation-key %s\n' "$key"
		printf 'activation-key %s\nclock set 12:%02d:00 1 mar 2013\n' \
			"$perm" $((n % 60))
		printf 'write memory\n'
	} | "$bin" --flash "$flash" >/dev/null 2>&1 &
	pid=$!
	# Somewhere in the run: boot to the last write (tens of ms).
	sleep "0.0$((RANDOM % 10))$((RANDOM % 10))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	check
done
# The next start cleans up and reads it all back.
out=$(printf 'show version\n' | "$bin" --flash "$flash" 2>&1)
check
ls "$flash/.private" | grep -q '\.tmp$' && fail "a stale .tmp stayed"
case $out in
*"not valid"*) fail "the key store reads back damaged" ;;
esac
echo "$n trials, every file whole"
