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
# The device's lab is a fresh folder LAB (its flash LAB/fw, its servers
# LAB/hosts/ADDRESS); these directives change it where they stand (after
# a '#! reload', between the runs):
#   #! file: REL TEXT      write the line TEXT to LAB/REL
#   #! image: DIR VERSION [MODEL|asdm]   asaemu-keygen image into LAB/DIR
#   #! damage: REL         overwrite one byte of LAB/REL's header
#   #! truncate: REL SIZE  cut LAB/REL to SIZE bytes
#   #! symlink: REL TARGET
#   #! rm: REL
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

lab=$(mktemp -d)
flash=$lab/fw
actual=$(mktemp)
part=$(mktemp)
keygen=$(dirname "$asaemu")/asaemu-keygen
trap 'rm -rf "$lab" "$actual" "$part"' EXIT

run() {
	"$asaemu" --model "$model" --serial "$serial" --software "$software" \
		--clock "$clock" --lab "$lab" --flash "$flash" "${args[@]}" <"$1"
	local rc=$?
	[ "$rc" -eq 0 ] || echo "[exit $rc]"
}

# A '#!' directive that changes the lab between runs.
lab_directive() {
	local d=${1#'#! '} what rest
	what=${d%%: *}
	rest=${d#*: }
	set -- $rest
	case $what in
	file)
		mkdir -p "$(dirname "$lab/$1")"
		printf '%s\n' "${rest#* }" >"$lab/$1"
		touch -d "$clock" "$lab/$1" ;;
	image)
		mkdir -p "$lab/$1"
		case ${3:-} in
		'') "$keygen" image --software "$2" -o "$lab/$1" >/dev/null ;;
		asdm) "$keygen" image --asdm --software "$2" -o "$lab/$1" >/dev/null ;;
		*) "$keygen" image --software "$2" --model "$3" -o "$lab/$1" >/dev/null ;;
		esac
		find "$lab/$1" -maxdepth 1 -type f -exec touch -d "$clock" {} + ;;
	damage) printf 'Z' | dd of="$lab/$1" bs=1 seek=30 conv=notrunc 2>/dev/null ;;
	truncate) truncate -s "$2" "$lab/$1" ;;
	symlink) mkdir -p "$(dirname "$lab/$1")"; ln -s "$2" "$lab/$1" ;;
	rm) rm -f "$lab/$1" ;;
	esac
}

{
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		'#! reload') run "$part"; : >"$part" ;;
		'#! clock: '*) clock=${line#'#! clock: '} ;;
		'#! serial: '*) serial=${line#'#! serial: '} ;;
		'#! file: '*|'#! image: '*|'#! damage: '*|'#! truncate: '*|\
		'#! symlink: '*|'#! rm: '*) lab_directive "$line" ;;
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
