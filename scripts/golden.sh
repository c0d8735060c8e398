#!/usr/bin/env bash
# Run one golden transcript: NAME.cli through asaemu's batch mode, compared
# with NAME.out. With UPDATE_GOLDEN=1 the .out is rewritten instead (and
# must then be read like code before it is committed).
#
# A .cli file: lines starting with '#' are comments (say where the expected
# output comes from); '#!' lines are directives:
#   #! model: ASA5505      #! serial: JMX...     #! software: 8.4(1)
#   #! clock: 2024-01-01T00:00:00Z (default 2013-03-01T12:00:00Z)
#   #! args: --stop-on-error
#   #! reload              end this run; the next lines run in a new
#                          process on the same flash (a reload)
# clock and serial apply to the run they appear in and the runs after it
# (after a '#! reload': the clock or serial number the device restarts
# with); the other directives apply to every run.
# Each run's output is followed by "[exit N]" when its status is not 0.
set -u
asaemu=$1
cli=$2
out=${cli%.cli}.out

model=ASA5520 serial=JMX1234L0AB software='9.1(7)12'
clock=2013-03-01T12:00:00Z args=()
while IFS= read -r line; do
	case $line in
	'#! model: '*) model=${line#'#! model: '} ;;
	'#! software: '*) software=${line#'#! software: '} ;;
	'#! args: '*) read -r -a args <<<"${line#'#! args: '}" ;;
	esac
done <"$cli"

flash=$(mktemp -d)
actual=$(mktemp)
part=$(mktemp)
trap 'rm -rf "$flash" "$actual" "$part"' EXIT

run() {
	"$asaemu" --model "$model" --serial "$serial" --software "$software" \
		--clock "$clock" --flash "$flash" "${args[@]}" <"$1"
	local rc=$?
	[ "$rc" -eq 0 ] || echo "[exit $rc]"
}

{
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		'#! reload') run "$part"; : >"$part" ;;
		'#! clock: '*) clock=${line#'#! clock: '} ;;
		'#! serial: '*) serial=${line#'#! serial: '} ;;
		'#'*) ;;
		*) printf '%s\n' "$line" >>"$part" ;;
		esac
	done <"$cli"
	run "$part"
} >"$actual"

if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
	cp "$actual" "$out"
	exit 0
fi
diff -u "$out" "$actual"
