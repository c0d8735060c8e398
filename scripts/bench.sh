#!/usr/bin/env bash
# Speed figures, as medians: a whole batch process that runs
# "show running-config" and exits (goal: under 3 ms), the matcher's cost
# per command (goal: under 5 us), the model data load (goal: under 2 ms),
# and building the command grammar. Uses the release preset.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
asa_build_release
flash=$(mktemp -d)
trap 'rm -rf "$flash"' EXIT
printf 'enable\n\nshow running-config\n' >"$flash/in"
echo "whole process: enable, show running-config, exit"
build/release/tests/asaemu-bench "$PWD/build/release/asaemu" "$flash" "$flash/in"
build/release/tests/asaemu-bench
