#!/usr/bin/env bash
# Speed figures (issue 16), as medians, each against a reference measured
# in the same run where the machine's noise matters:
# - a whole batch process (en, show running-config, exit): at most 2x a
#   static do-nothing program and 1x "birdc show status" (bird2, installed
#   for the bench only, on a private socket); --version and --help; the
#   instructions of each (callgrind, steady on a busy machine);
# - growth: boot and show running-config with 10 to 4,000 subinterfaces;
# - memory: PSS of 1, 100 and 1,000 idle always-on devices;
# - sessions: attach + one command, and per command on a pty;
# - a 100,000-line mixed batch through a pipe: at least 300,000 lines/s,
#   one write(2) per command (with strace);
# - the matcher per command, the model data load, the grammar build (at
#   run time for the multiple-mode spaces) and its compiled-in image;
# - a reload (issue 10, goal under 20 ms).
# - clusters (issue 13): 16 idle units (two clusters of 8), PSS and CPU.
# - shared licensing (issue 14): one server, 1,000 participants of one
#   process (asaemu-sharedbench) at a 10-second refresh: the server's CPU
#   share (goal: under 20% of a core) and memory, and the time from a
#   participant's demand (GET) to its grant.
# Uses the release preset; run by hand, not by ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
asa_build_release
# The build's writes reach the disk before anything is timed.
sync
flash=$(mktemp -d)
bird_pid=
dev_pids=()
# Stop the devices of dev_pids by their pids: SIGTERM, then after 3 s
# SIGKILL for any still running (reported).
stop_devices() {
	local p left=()
	[ ${#dev_pids[@]} -eq 0 ] && return 0
	kill "${dev_pids[@]}" 2>/dev/null || true
	for _ in $(seq 30); do
		left=()
		for p in "${dev_pids[@]}"; do
			kill -0 "$p" 2>/dev/null && left+=("$p")
		done
		[ ${#left[@]} -eq 0 ] && break
		sleep 0.1
	done
	if [ ${#left[@]} -gt 0 ]; then
		echo "    ${#left[@]} devices ignored SIGTERM: killed" >&2
		kill -KILL "${left[@]}" 2>/dev/null || true
	fi
	wait "${dev_pids[@]}" 2>/dev/null || true
	dev_pids=()
}
cleanup() {
	[ -n "$bird_pid" ] && kill "$bird_pid" 2>/dev/null || true
	stop_devices
	rm -rf "$flash"
}
trap cleanup EXIT

# The reference CLI client: birdc talking to a bird daemon of its own, on
# a private socket (bird2 is not one of asaemu's dependencies).
ASA_PACKAGES="bird2" asa_install_deps
birdc=()
if command -v bird >/dev/null && command -v birdc >/dev/null; then
	printf 'router id 192.0.2.1;\nprotocol device { }\n' >"$flash/bird.conf"
	if bird -c "$flash/bird.conf" -s "$flash/bird.ctl" \
	    -P "$flash/bird.pid" 2>/dev/null; then
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			[ -s "$flash/bird.pid" ] && [ -S "$flash/bird.ctl" ] && break
			sleep 0.1
		done
		bird_pid=$(cat "$flash/bird.pid")
		birdc=("$(command -v birdc)" "$flash/bird.ctl")
	fi
fi

printf 'enable\n\nshow running-config\n' >"$flash/in"
echo "whole process: enable, show running-config, exit"
# A flash of its own: disk0: holds only what a device puts there (the
# boot search would probe the bench's files, the bird socket among them).
build/release/tests/asaemu-bench "$PWD/build/release/asaemu" "$flash/batch" \
	"$flash/in" "$PWD/build/release/tests/asaemu-bench-nothing" "${birdc[@]}"
# Instructions of one whole process (valgrind's count, steady on a busy
# machine), when valgrind is installed.
if command -v valgrind >/dev/null; then
	count() {
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
			2>&1 >/dev/null | awk '/Collected/ { print $NF }'
	}
	# A used flash (its factory images made by a first run), as the
	# timed runs above.
	build/release/asaemu --flash "$flash/vg" --clock 2013-03-01T12:00:00Z \
		<"$flash/in" >/dev/null
	printf 'instructions:          batch process %s, --version %s, ' \
		"$(count build/release/asaemu --flash "$flash/vg" \
		--clock 2013-03-01T12:00:00Z <"$flash/in")" \
		"$(count build/release/asaemu --version)"
	echo "do-nothing $(count build/release/tests/asaemu-bench-nothing)"
fi
# What the kernel does for them, where most of a batch run's time goes:
# page faults (perf) and system calls (strace), each a count.
build/release/asaemu --flash "$flash/pf" --clock 2013-03-01T12:00:00Z \
	<"$flash/in" >/dev/null
batch=(build/release/asaemu --flash "$flash/pf" --clock 2013-03-01T12:00:00Z)
if command -v perf >/dev/null && perf stat -x, -e page-faults true \
    >/dev/null 2>&1; then
	faults() {
		perf stat -x, -e page-faults "$@" 2>&1 >/dev/null |
			awk -F, '/page-faults/ { print $1 }'
	}
	printf 'page faults:           batch process %s, --version %s, ' \
		"$(faults "${batch[@]}" <"$flash/in")" \
		"$(faults build/release/asaemu --version)"
	echo "do-nothing $(faults build/release/tests/asaemu-bench-nothing)"
fi
if command -v strace >/dev/null; then
	calls() {
		strace -c "$@" 2>&1 >/dev/null | awk '$NF == "total" {
			print $4 }'
	}
	printf 'system calls:          batch process %s, --version %s, ' \
		"$(calls "${batch[@]}" <"$flash/in")" \
		"$(calls build/release/asaemu --version)"
	echo "do-nothing $(calls build/release/tests/asaemu-bench-nothing)"
fi

# Growth: boot from a startup configuration of N subinterfaces (each with
# a vlan up to the platform's 1,024, a nameif, a security level and an
# address), and boot + show running-config; goal: linear in N, 1,000 in
# under 5 ms. The ASA 5585-X SSP-60 allows 4,612 interfaces. With
# valgrind, the instructions of each too.
echo "growth: boot with N subinterfaces (ASA5585-X-SSP-60), median ms"
printf 'enable\n\nshow running-config\n' >"$flash/show"
: >"$flash/empty"
# The instructions of a boot without subinterfaces: what each costs is
# above it (a line of the configuration replayed, issue 16).
if command -v valgrind >/dev/null; then
	printf 'enable\n\nconfigure terminal\nend\nwrite memory\n' |
	    build/release/asaemu --model ASA5585-X-SSP-60 \
	    --flash "$flash/grow0" --clock 2013-03-01T12:00:00Z >/dev/null
	grow0=$(count build/release/asaemu --model ASA5585-X-SSP-60 \
	    --flash "$flash/grow0" --clock 2013-03-01T12:00:00Z <"$flash/empty")
fi
for n in 10 100 1000 4000; do
	awk -v n="$n" 'BEGIN {
		print "enable"; print ""; print "configure terminal"
		for (i = 1; i <= n; i++) {
			printf "interface GigabitEthernet0/0.%d\n", i
			if (i <= 1000) printf " vlan %d\n", i + 1
			printf " nameif s%d\n security-level 50\n", i
			printf " ip address 10.%d.%d.1 255.255.255.0\n",
			    int(i / 256), i % 256
		}
		print "end"; print "write memory"
	}' >"$flash/cfg$n"
	fl="$flash/grow$n"
	run=(build/release/asaemu --model ASA5585-X-SSP-60 --flash "$fl"
		--clock 2013-03-01T12:00:00Z)
	"${run[@]}" <"$flash/cfg$n" >/dev/null
	boot=$(build/release/tests/asaemu-bench --run "$flash/empty" \
		"$PWD/${run[0]}" "${run[@]:1}")
	show=$(build/release/tests/asaemu-bench --run "$flash/show" \
		"$PWD/${run[0]}" "${run[@]:1}")
	bytes=$("${run[@]}" <"$flash/show" | wc -c)
	printf '  %5d: boot %8.3f ms, boot + show running-config %8.3f ms' \
		"$n" "$boot" "$show"
	printf ' (%d bytes)\n' "$bytes"
	# The same in instructions (steady on a busy machine).
	if command -v valgrind >/dev/null; then
		ins=$(count "${run[@]}" <"$flash/empty")
		printf '         instructions: boot %s (%d a subinterface), ' \
			"$ins" $(((ins - grow0) / n))
		printf 'boot + show %s\n' "$(count "${run[@]}" <"$flash/show")"
	fi
done

# Memory: N idle always-on devices in one lab (goal: under 500 KiB of
# PSS each), started in batches of 50, each ready when its attach socket
# is there, then stopped by their own pids, also on failure (cleanup).
idle_devices() {
	local n=$1 lab="$flash/lab$1" i j pss ready=0
	mkdir -p "$lab"
	dev_pids=()
	for ((i = 0; i < n; i += 50)); do
		for ((j = i; j < n && j < i + 50; j++)); do
			build/release/asaemu --lab "$lab" --name "d$j" --detach \
				--no-daemon --clock 2013-03-01T12:00:00Z \
				</dev/null >/dev/null 2>>"$lab/err" &
			dev_pids+=($!)
		done
		for ((j = i; j < n && j < i + 50; j++)); do
			for _ in $(seq 100); do
				[ -S "$lab/d$j/.private/attach.sock" ] && break
				sleep 0.05
			done
			[ -S "$lab/d$j/.private/attach.sock" ] && ready=$((ready + 1))
		done
	done
	sleep 0.5
	pss=$(for p in "${dev_pids[@]}"; do
		cat "/proc/$p/smaps_rollup" 2>/dev/null
	done | awk '$1 == "Pss:" { s += $2; n++ } $1 == "Pss_Anon:" { a += $2 }
		END { printf "%d %d %d", s, n, a }')
	set -- $pss
	printf '  %5d devices: %d ready, %d running, PSS %d KiB in all, ' \
		"$n" "$ready" "$2" "$1"
	printf '%.0f KiB each (%.0f KiB of it anonymous)\n' \
		"$(awk -v s="$1" -v n="$2" 'BEGIN { print n ? s / n : 0 }')" \
		"$(awk -v s="$3" -v n="$2" 'BEGIN { print n ? s / n : 0 }')"
	[ -s "$lab/err" ] && sed 's/^/    /' "$lab/err" | sort | uniq -c | head -3
	stop_devices
}
echo "memory: idle devices (asaemu --detach --no-daemon), PSS from smaps_rollup"
for n in 1 100 1000; do
	idle_devices "$n"
done

# Clusters (issue 13): 16 always-on ASA 5585-X SSP-10 units in one lab,
# as two clusters of 8 (9.1's Cluster license is 8 units at most) on
# their own CCL subnets, each unit meshed with its 7 peers and sending
# a hello a second to each: PSS and the CPU share of the 16 at idle (10
# s of device CPU time from /proc/PID/stat), once every unit is a master
# or a slave; stopped by their own pids.
cluster_idle() {
	local lab="$flash/cluster" i g sn ready=0 t0 t1 pss cpu0 cpu1 hz
	local kg=build/release/asaemu-keygen m=ASA5585-X-SSP-10
	mkdir -p "$lab"
	dev_pids=()
	for i in $(seq 0 15); do
		sn=$(printf 'JAF%04dC%03d' "$i" "$i")
		build/release/asaemu --lab "$lab" --name "u$i" --model $m \
			--serial "$sn" --detach --no-daemon \
			--clock 2013-03-01T12:00:00Z </dev/null >/dev/null \
			2>>"$lab/err" &
		dev_pids+=($!)
	done
	for i in $(seq 0 15); do
		for _ in $(seq 100); do
			[ -S "$lab/u$i/.private/attach.sock" ] && break
			sleep 0.05
		done
		sn=$(printf 'JAF%04dC%03d' "$i" "$i")
		g=$((i / 8 + 1))
		printf 'en\n\nconf t\ninterface TenGigabitEthernet0/8\nno shutdown\nexit\nactivation-key %s\ncluster group pod%d\nlocal-unit u%d\ncluster-interface TenGigabitEthernet0/8 ip 10.0.%d.%d 255.255.255.0\npriority %d\nkey k\nenable noconfirm\nend\n' \
			"$($kg --model $m --serial "$sn" --feature cluster=8 --purchase 1)" \
			"$g" "$i" "$g" "$((i + 1))" "$((i % 8 + 1))" |
			build/release/asaemu --lab "$lab" --name "u$i" >/dev/null
	done
	t0=$(date +%s%N)
	for _ in $(seq 300); do
		ready=0
		for i in $(seq 0 15); do
			printf 'en\n\nshow cluster info\n' | build/release/asaemu \
				--lab "$lab" --name "u$i" 2>/dev/null |
				grep -qE 'This is "u[0-9]+" in state (MASTER|SLAVE)' &&
				ready=$((ready + 1))
		done
		[ "$ready" -eq 16 ] && break
		sleep 0.1
	done
	t1=$(date +%s%N)
	sleep 5
	hz=$(getconf CLK_TCK)
	cpu() { for p in "${dev_pids[@]}"; do
		awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null
	done | awk '{ s += $1 } END { print s + 0 }'; }
	cpu0=$(cpu)
	sleep 10
	cpu1=$(cpu)
	pss=$(for p in "${dev_pids[@]}"; do
		cat "/proc/$p/smaps_rollup" 2>/dev/null
	done | awk '$1 == "Pss:" { s += $2; n++ } END { printf "%d %d", s, n }')
	set -- $pss
	printf '  16 units (2 x 8): %d members after %.1f s, PSS %d KiB in all, %.0f KiB each; ' \
		"$ready" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')" \
		"$1" "$(awk -v s="$1" -v n="$2" 'BEGIN { print n ? s / n : 0 }')"
	printf 'idle CPU %.2f%% of one core for the 16\n' \
		"$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$hz" 'BEGIN { print (b - a) / hz / 10 * 100 }')"
	# The console lines are the log of a device with no console.
	grep -vE '^(Cluster |Beginning |End |Detected )' "$lab/err" |
		sed 's/^/    /' | sort | uniq -c | head -3 || true
	stop_devices
}
echo "clusters: 16 idle units in one lab"
cluster_idle

# Sessions on a running device (issue 9): "asaemu attach" with one
# command and exit (goal: under 5 ms), against the in-process batch run
# of the same command on a flash with no device running; and the time
# per command of a session on a pseudo-terminal (asaemu-ptybench), the
# attached one against the in-process console (goal: within 1.2x), with a
# trivial line reader as the floor. Interleaved: the attach run twice, the
# pty 21 rounds of 200 commands (each round a blink, which a busy
# machine's slow moments make an outlier now and then).
echo "sessions: show curpriv"
printf 'show curpriv\n' >"$flash/one"
build/release/asaemu --flash "$flash/att" --detach --no-daemon \
	--clock 2013-03-01T12:00:00Z </dev/null >/dev/null 2>&1 &
dev_pids=($!)
for _ in $(seq 100); do
	[ -S "$flash/att/.private/attach.sock" ] && break
	sleep 0.05
done
bin="$PWD/build/release"
for round in 1 2; do
	att=$("$bin/tests/asaemu-bench" --run "$flash/one" "$bin/asaemu" \
		attach --flash "$flash/att")
	here=$("$bin/tests/asaemu-bench" --run "$flash/one" "$bin/asaemu" \
		--flash "$flash/here" --clock 2013-03-01T12:00:00Z)
	printf '  attach + command + exit: %7.3f ms, %.2fx the batch run' \
		"$att" "$(awk -v a="$att" -v b="$here" 'BEGIN { print a / b }')"
	printf ' (%.3f ms)\n' "$here"
done
# Per command on a pty: ROUNDS rounds, each one asaemu-ptybench run that
# types to the floor, the console and the attached session in turn, one
# command to each before the next (interleaved, so a busy machine's slow
# moments fall on all three alike; run one after another, a round's
# ratio spread from 0.4x to 1.9x), each the median of its 200 commands;
# printed: the median of the rounds' medians with their spread (min-max),
# and the ratios taken within each round. Each run also gives the
# program's own time on a processor per command (--cpu), which the
# scheduler's placement of the two ends of a pty moves less: the floor's
# and the console's (an attach client hands its terminal to the device
# and waits; the session's thread there is gone, with its count, when
# the run ends).
rounds=21
: >"$flash/pty"
# The console's flash is made once, before: a new one's 25 MB go to disk
# while the first rounds run.
build/release/asaemu --flash "$flash/console" --clock 2013-03-01T12:00:00Z \
	</dev/null >/dev/null
sync
for ((round = 0; round < rounds; round++)); do
	"$bin/tests/asaemu-ptybench" --cpu 200 "show curpriv" \
		"$bin/tests/asaemu-ptybench" --reader -- \
		"$bin/asaemu" --flash "$flash/console" \
		--clock 2013-03-01T12:00:00Z -- \
		"$bin/asaemu" attach --flash "$flash/att" | tr '\n' ' ' \
		>>"$flash/pty"
	echo >>"$flash/pty"
done
awk -v n="$rounds" '
function med(v,   i, j, t) {
	for (i = 1; i <= n; i++)
		for (j = i + 1; j <= n; j++)
			if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
	return sprintf("%.2f [%.2f-%.2f]", v[int((n + 1) / 2)], v[1], v[n])
}
{ f[NR] = $1; c[NR] = $2; a[NR] = $3; ac[NR] = $3 / $2; cf[NR] = $2 / $1
  af[NR] = $3 / $1; fu[NR] = $4; cu[NR] = $5 }
END {
	printf "  per command on a pty (%d rounds of 200, median [min-max]):\n", n
	printf "    floor %s us, console %s us, attached %s us\n",
	    med(f), med(c), med(a)
	printf "    attached/console %sx (goal 1.2x)\n", med(ac)
	printf "    console/floor %sx, attached/floor %sx (goal 1.2x)\n",
	    med(cf), med(af)
	printf "    on a processor: floor %s us, console %s us\n", med(fu),
	    med(cu)
}' "$flash/pty"
stop_devices

# Shared licensing: a server with a pool of 50,000 on 10.1.0.0/16, then
# 1,000 participants registering, asking and refreshing every 10 s for
# 30 s (SHARED_BENCH_N, SHARED_BENCH_SECONDS).
echo "shared licensing: one server, ${SHARED_BENCH_N:-1000} participants, refresh 10 s"
lab="$flash/shared-lab"
mkdir -p "$lab"
key=$(build/release/asaemu-keygen --serial JMX1234L0AB --model ASA5520 \
	--feature shared-license=server --feature shared-premium-sessions=50000 \
	--purchase 1)
build/release/asaemu --lab "$lab" --name srv --clock 2013-03-01T12:00:00Z \
	--detach --no-daemon </dev/null >/dev/null 2>"$lab/srv.log" &
dev_pids=($!)
for _ in $(seq 100); do
	[ -S "$lab/srv/.private/attach.sock" ] && break
	sleep 0.05
done
printf 'en\n\nconf t\nactivation-key %s\ninterface g0/1\nnameif inside\nip address 10.1.1.1 255.255.0.0\nno shutdown\nexit\nlicense-server secret farscape\nlicense-server refresh-interval 10\nlicense-server enable inside\n' \
	"$key" | build/release/asaemu --lab "$lab" --name srv >/dev/null
printf '  server at rest: PSS %s KiB\n' \
	"$(awk '/^Pss:/ { print $2 }' "/proc/${dev_pids[0]}/smaps_rollup")"
build/release/tests/asaemu-sharedbench "$lab/net/10.1.1.1:50554" farscape \
	"${SHARED_BENCH_N:-1000}" "${SHARED_BENCH_SECONDS:-30}" "${dev_pids[0]}"
stop_devices

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

# A reload (issue 10): 100 "reload noconfirm" in one batch against 100
# "show clock", in the same process kind; the difference per reload is
# what a reload costs (goal: under 20 ms, with no simulated delay).
{ printf 'enable\n\n'; for i in $(seq 100); do echo 'reload noconfirm'; echo en; echo; done; } >"$flash/reloads"
{ printf 'enable\n\n'; for i in $(seq 100); do echo 'show clock'; echo en; echo; done; } >"$flash/clocks"
reload_ms() {
	local t0 t1
	rm -rf "$flash/reload.flash"
	build/release/asaemu --flash "$flash/reload.flash" \
		--clock 2013-03-01T12:00:00Z <"$flash/clocks" >/dev/null
	t0=$(date +%s%N)
	build/release/asaemu --flash "$flash/reload.flash" \
		--clock 2013-03-01T12:00:00Z <"$1" >/dev/null
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 ))
}
r=$(reload_ms "$flash/reloads")
c=$(reload_ms "$flash/clocks")
awk -v r="$r" -v c="$c" 'BEGIN {
	printf "reload: %.2f ms each (100 reloads %.1f ms, 100 show clock %.1f ms)\n",
	    (r - c) / 100000, r / 1000, c / 1000 }'
