# Sourced by the lab tests: a fresh lab folder, devices started as
# processes of it (each stopped by its own pid, always), and helpers to
# run sessions against them. ASAEMU is the binary under test.
set -u
: "${ASAEMU:?set ASAEMU to the asaemu binary}"
LAB=$(mktemp -d /tmp/asaemu-lab.XXXXXX)
PIDS=()
DEVS=()
FAILS=0
CHECKS=0
CLOCK=2013-03-01T12:00:00Z

lab_cleanup() {
	local p
	for p in "${PIDS[@]}"; do
		kill -9 "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	rm -rf "$LAB"
}
trap lab_cleanup EXIT

# start NAME [asaemu options]: a device with no console, in the
# background; its pid is appended to PIDS and kept in PID_<NAME>.
start() {
	local name=$1
	shift
	"$ASAEMU" --lab "$LAB" --name "$name" --clock "$CLOCK" --detach \
		--no-daemon "$@" 2>>"$LAB/$name.log" &
	PIDS+=($!)
	DEVS+=($!)
	printf -v "PID_${name//-/_}" %s $!
	wait_up "$name"
}

# wait_up NAME: until asaemu ls lists it (5 s at most).
wait_up() {
	local i
	for i in $(seq 100); do
		"$ASAEMU" ls --lab "$LAB" 2>/dev/null | grep -qx "$1" && return 0
		sleep 0.05
	done
	echo "device $1 did not come up" >&2
	cat "$LAB/$1.log" >&2
	exit 1
}

# wait_for FILE TEXT: until FILE holds TEXT (with CRs dropped; 5 s); a
# timeout is a failed check.
wait_for() {
	local i
	for i in $(seq 250); do
		tr -d '\r' <"$1" 2>/dev/null | grep -qF -- "$2" && return 0
		sleep 0.02
	done
	echo "not ok - timed out waiting for \"$2\" in $1"
	FAILS=$((FAILS + 1))
	return 1
}

# sess NAME [options] <input: a batch session attached to device NAME.
sess() {
	local name=$1
	shift
	"$ASAEMU" --lab "$LAB" --name "$name" "$@"
}

# on NAME LINES: configure device NAME with LINES (in configure terminal).
on() {
	printf 'en\n\nconf t\n%s\n' "$2" | sess "$1" >/dev/null
}

# expect WHAT GOT WANT: compare, report, count failures.
expect() {
	CHECKS=$((CHECKS + 1))
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		diff <(printf '%s\n' "$3") <(printf '%s\n' "$2") | sed 's/^/# /'
		FAILS=$((FAILS + 1))
	fi
}

# contains WHAT TEXT PATTERN (grep -E on the text).
contains() {
	CHECKS=$((CHECKS + 1))
	if printf '%s\n' "$2" | grep -qE -- "$3"; then
		echo "ok - $1"
	else
		echo "not ok - $1: no /$3/ in:"
		printf '%s\n' "$2" | sed 's/^/# /'
		FAILS=$((FAILS + 1))
	fi
}

# stop_clean: every device started still running gets SIGTERM; each must
# have exited 0 (the ones stopped by the test too), but for those the
# test killed with SIGKILL (137) or already waited for (127). A crash or
# a sanitizer report on the way out fails.
stop_clean() {
	local p i rc
	for p in "${DEVS[@]}"; do
		if kill -0 "$p" 2>/dev/null; then
			kill -TERM "$p"
			for i in $(seq 100); do
				kill -0 "$p" 2>/dev/null || break
				sleep 0.05
			done
		fi
		if kill -0 "$p" 2>/dev/null; then
			echo "not ok - device $p stops on SIGTERM"
			FAILS=$((FAILS + 1))
			continue
		fi
		wait "$p" 2>/dev/null
		rc=$?
		case $rc in
		0|127|137) ;;
		*)	echo "not ok - device $p stopped cleanly (exit $rc)"
			FAILS=$((FAILS + 1))
			CHECKS=$((CHECKS + 1))
			;;
		esac
	done
}

finish() {
	stop_clean
	echo "$((CHECKS - FAILS)) passed, $FAILS failed"
	[ "$FAILS" -eq 0 ]
}
