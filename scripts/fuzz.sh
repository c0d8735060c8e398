#!/usr/bin/env bash
# Build the libFuzzer targets with clang (BUILD: ASan + UBSan +
# libFuzzer coverage, tests/fuzz/) and run them.
#
#   scripts/fuzz.sh [-B BUILD] [TARGET|all] [SECONDS] [-- LIBFUZZER OPTIONS]
#
# TARGET is matcher, key, xml, keystore, batch, shared, failover or cluster
# (default: all, one after the other); SECONDS per target (default 60);
# BUILD the build folder (default build/fuzz; another one lets two
# campaigns run side by side). Each target keeps a working corpus in
# BUILD/corpus/TARGET, started from its seeds (those the smoke tests
# replay: tests/fuzz/CMakeLists.txt); crashes, leaks, hangs and inputs
# over the memory limit land in BUILD/crashes/TARGET.
# Copy each one into tests/fuzz/corpus/TARGET (as crash-DESCRIPTION; for
# xml into tests/data, as fuzz-DESCRIPTION.xml) with its fix, so that
# ctest fuzz/TARGET replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ASA_PACKAGES="$ASA_PACKAGES $ASA_FUZZ_PACKAGES"
asa_install_deps

build=build/fuzz
if [ "${1:-}" = -B ]; then
	[ $# -ge 2 ] || { echo "fuzz.sh: -B needs a folder" >&2; exit 2; }
	build=$2
	shift 2
fi
case $build in /*) ;; *) build=$PWD/$build ;; esac
targets=(matcher key xml keystore batch shared failover cluster)
want=${1:-all}
secs=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
extra=("$@")
if [ "$want" != all ]; then
	case " ${targets[*]} " in
	*" $want "*) targets=("$want") ;;
	*) echo "fuzz.sh: no target $want (${targets[*]})" >&2; exit 2 ;;
	esac
fi

mkdir -p "$build"
if ! { CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DASA_ENABLE_ASAN=ON -DASA_ENABLE_UBSAN=ON -DASA_ENABLE_FUZZ=ON \
	-DASA_WERROR=OFF && for t in "${targets[@]}"; do
		cmake --build "$build" -j"$(nproc)" --target "fuzz-$t" || exit 1
	done; } >"$build/build.log" 2>&1; then
	cat "$build/build.log" >&2
	exit 1
fi

# The seeds of each target, as tests/fuzz/CMakeLists.txt lists them.
seeds() {
	local c=tests/fuzz/corpus/$1
	case $1 in
	matcher|batch) echo "$c" tests/golden/* ;;
	xml) echo "$build/data $build/data/models tests/data" ;;
	*) echo "$c" ;;
	esac
}

export ASAEMU_DATA=$build/data
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
status=0
for t in "${targets[@]}"; do
	work=$build/corpus/$t crashes=$build/crashes/$t
	mkdir -p "$work" "$crashes"
	echo "== fuzz-$t, $secs s"
	# shellcheck disable=SC2046
	if ! "$build/tests/fuzz/fuzz-$t" -max_total_time="$secs" \
		-rss_limit_mb=2048 -timeout=10 -max_len=8192 \
		-artifact_prefix="$crashes/" -print_final_stats=1 \
		"${extra[@]}" "$work" $(seeds "$t") 2>"$build/fuzz-$t.log"; then
		status=1
		echo "fuzz-$t: FAILED, see $build/fuzz-$t.log and $crashes/"
	fi
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' \
		"$build/fuzz-$t.log" || tail -5 "$build/fuzz-$t.log"
done
exit $status
