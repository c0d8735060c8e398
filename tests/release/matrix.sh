#!/usr/bin/env bash
# The platform x release matrix (issue 10): every platform boots its
# first and its last release (show version names it), and refuses a
# release before its first, one in a gap of its train and one after 9.1
# with the releases it runs. First releases: the chapter's version notes
# and reference 5 (the 5580 from 8.1(1), the 5585-X from 8.2(3), not in
# 8.3; ASASM from 8.5(1); the 5500-X from 8.6(1); 8.1 the 5580's only;
# no platform in 8.5-8.7 but ASASM and the 5500-X).
set -u
: "${ASAEMU:?set ASAEMU to the asaemu binary}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fails=0 checks=0

# model first last refused...
matrix='ASA5505 8.0(2) 9.1(7)32 7.2(4) 8.1(2) 8.5(1) 9.2(1)
ASA5510 8.0(2) 9.1(7)32 7.2(4) 8.1(2) 8.6(1) 9.2(1)
ASA5520 8.0(2) 9.1(7)32 7.2(4) 8.1(2) 8.7(1) 9.2(1)
ASA5540 8.0(2) 9.1(7)32 7.2(4) 8.1(2) 9.2(1)
ASA5550 8.0(2) 9.1(7)32 7.2(4) 8.1(2) 9.2(1)
ASA5580-20 8.1(1) 9.1(7)32 8.0(4) 8.5(1) 9.2(1)
ASA5580-40 8.1(1) 9.1(7)32 8.0(4) 8.6(1) 9.2(1)
ASA5585-X-SSP-10 8.2(3) 9.1(7)32 8.2(2) 8.3(1) 8.5(1) 9.2(1)
ASA5585-X-SSP-20 8.2(3) 9.1(7)32 8.2(2) 8.3(2) 9.2(1)
ASA5585-X-SSP-40 8.2(3) 9.1(7)32 8.2(1) 8.3(1) 9.2(1)
ASA5585-X-SSP-60 8.2(3) 9.1(7)32 8.2(1) 8.3(1) 9.2(1)
ASASM 8.5(1) 9.1(7)32 8.4(7) 9.2(1)
ASA5512-X 8.6(1) 9.1(7)32 8.4(7) 8.5(1) 9.2(1)
ASA5515-X 8.6(1) 9.1(7)32 8.4(7) 9.2(1)
ASA5525-X 8.6(1) 9.1(7)32 8.4(7) 9.2(1)
ASA5545-X 8.6(1) 9.1(7)32 8.4(7) 9.2(1)
ASA5555-X 8.6(1) 9.1(7)32 8.4(7) 9.2(1)'

check() {
	checks=$((checks + 1))
	if [ "$2" = ok ]; then
		echo "ok - $1"
	else
		echo "not ok - $1: $3"
		fails=$((fails + 1))
	fi
}

n=0
while read -r model first last refused; do
	for v in "$first" "$last"; do
		n=$((n + 1))
		out=$(printf 'show version | include Software Version\n' |
			"$ASAEMU" --model "$model" --software "$v" \
			--flash "$dir/$n" --clock 2013-03-01T12:00:00Z 2>&1)
		rc=$?
		case $rc:$out in
		0:*"Software Version $v"*) check "$model boots $v" ok ;;
		*) check "$model boots $v" no "rc $rc, $out" ;;
		esac
	done
	for v in $refused; do
		n=$((n + 1))
		out=$("$ASAEMU" --model "$model" --software "$v" \
			--flash "$dir/$n" </dev/null 2>&1)
		rc=$?
		case $rc:$out in
		2:*"does not run software $v; it runs $first to $last"*)
			check "$model refuses $v" ok ;;
		*) check "$model refuses $v" no "rc $rc, $out" ;;
		esac
	done
done <<<"$matrix"
echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
