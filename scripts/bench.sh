#!/usr/bin/env bash
# Speed figures, as medians: a whole batch process that runs
# "show running-config" and exits (goal: under 3 ms), the matcher's cost
# per command (goal: under 5 us), the model data load (goal: under 2 ms),
# and building the command grammar. Uses the release preset.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
asa_build_release
bin=build/release/asaemu
flash=$(mktemp -d)
trap 'rm -rf "$flash"' EXIT
runs=${RUNS:-101}

printf 'show running-config\n' >"$flash/in"
times=()
for _ in $(seq "$runs"); do
	t0=$(date +%s%N)
	"$bin" --flash "$flash" --clock 2013-03-01T12:00:00Z <"$flash/in" >/dev/null
	t1=$(date +%s%N)
	times+=($(((t1 - t0) / 1000)))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
printf 'batch show running-config: %5d.%03d ms (median of %d processes)\n' \
	$((median / 1000)) $((median % 1000)) "$runs"
build/release/tests/asaemu-bench
