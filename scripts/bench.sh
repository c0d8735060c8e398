#!/usr/bin/env bash
# Speed figures, as medians: a whole batch process that runs
# "show running-config" and exits (goal: under 3 ms), a 100,000-line
# mixed batch read through a pipe (goal: at least 300,000 lines/s; with
# strace installed, also its write(2) calls per input line, goal 1), the
# matcher's cost per command (goal: under 5 us), the model data load
# (goal: under 2 ms), and building the command grammar. Uses the release
# preset.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
asa_build_release
flash=$(mktemp -d)
trap 'rm -rf "$flash"' EXIT
printf 'enable\n\nshow running-config\n' >"$flash/in"
echo "whole process: enable, show running-config, exit"
build/release/tests/asaemu-bench "$PWD/build/release/asaemu" "$flash" "$flash/in"

# enable, its empty password, then show version, show activation-key,
# configuration lines and a '?' line, over and over: 100,000 lines.
awk 'BEGIN {
	n = split("show version|show activation-key|configure terminal|" \
	    "hostname lab-asa|interface GigabitEthernet0/1|nameif inside|" \
	    "ip address 10.1.1.1 255.255.255.0|exit|show ?|end", b, "|")
	print "enable"; print ""
	for (i = 0; i < 100000 - 2; i++) print b[i % n + 1]
}' >"$flash/mixed"
echo "batch throughput: $(wc -l <"$flash/mixed") mixed lines, output to a pipe"
build/release/tests/asaemu-bench --pipe "$PWD/build/release/asaemu" \
	"$flash/mixed.flash" "$flash/mixed"
if command -v strace >/dev/null; then
	strace -f -c -e trace=write -o "$flash/strace" \
		build/release/asaemu --flash "$flash/mixed.flash" \
		--clock 2013-03-01T12:00:00Z <"$flash/mixed" | cat >/dev/null
	awk -v lines="$(wc -l <"$flash/mixed")" '$NF == "write" {
		printf "write(2) calls:        %8d, %.2f per input line\n",
		    $4, $4 / lines }' "$flash/strace"
fi
build/release/tests/asaemu-bench
