#!/usr/bin/env bash
# Write programs/startup.order: the symbols a start of asaemu touches, in
# the order lld lays them out first (--symbol-ordering-file, release
# preset). The kernel maps a program's text 64 KiB at a time, and a
# virtual machine pays about 5 us for each of those faults: scattered over
# 5 MB, the few hundred functions of a start cost a fault each. Gathered,
# they cost a dozen (issue 16).
#
# What it lists, from callgrind runs of the release build (a batch of two
# commands, a mixed batch, --version and --help):
# - every function that ran, and what a start runs that valgrind's does
#   not (its processor's vendor, the vDSO);
# - every ifunc: static glibc runs each one's resolver before main;
# - for a function libc chooses by processor at start (strlen's
#   __strlen_evex, _avx2...), every variant, last: valgrind's processor
#   is not the machine's, which uses one of each;
# - the data (d, b, r) of every object file those functions come from.
# Run it after a change of the start's path; a stale list makes a slower
# start, never a wrong program.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ASA_PACKAGES="$ASA_PACKAGES valgrind" asa_install_deps
asa_build_release
bin=build/release/asaemu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf 'enable\n\nshow running-config\n' >"$work/short"
printf '%s\n' enable '' 'show version' 'show activation-key' \
	'configure terminal' 'hostname lab-asa' \
	'interface GigabitEthernet0/1' 'nameif inside' \
	'ip address 10.1.1.1 255.255.255.0' exit 'show ?' end \
	'show running-config' 'write memory' >"$work/mixed"
grind() {
	valgrind --tool=callgrind --callgrind-out-file="$work/cg.$1" \
		"$bin" "${@:2}" >/dev/null 2>&1 </dev/null || true
}
run() {
	valgrind --tool=callgrind --callgrind-out-file="$work/cg.$1" \
		"$bin" --flash "$work/flash.$1" --clock 2013-03-01T12:00:00Z \
		<"$work/$1" >/dev/null 2>&1 || true
}
run short
run mixed
run mixed	# again, on the flash the first run wrote
grind version --version
grind help --help

# The functions that ran, by name (callgrind names each once, with an
# id), and those a start runs outside valgrind: the vDSO's set-up and the
# cache size probe of every processor vendor.
{
	sed -nE "s/^c?fn=\([0-9]+\) ([^ (]+)('[0-9]+)?$/\1/p" "$work"/cg.*
	printf '%s\n' _dl_new_object _dl_add_to_namespace_list _dl_setup_hash \
		_dl_lookup_symbol_x do_lookup_x check_match _dl_debug_initialize \
		handle_amd handle_intel handle_zhaoxin intel_check_word \
		get_common_cache_info
} | grep -v '^0x' | sort -u >"$work/ran"

# Every object the program is linked from: its own, then the archives of
# its link line (-lNAME found as the compiler would).
link=build/release/CMakeFiles/asaemu.dir/link.txt
inputs=()
for w in $(cat "$link"); do
	case $w in
	*.o) inputs+=("build/release/$w") ;;
	*.a) case $w in /*) inputs+=("$w") ;; *) inputs+=("build/release/$w") ;; esac ;;
	-l*) inputs+=("$(cc -print-file-name="lib${w#-l}.a")") ;;
	esac
done
inputs+=("$(cc -print-file-name=libc.a)" "$(cc -print-file-name=libm.a)")
# libm.a may be a linker script naming the real archives.
for i in "${!inputs[@]}"; do
	if head -c 8 "${inputs[$i]}" | grep -q '^GNU ld\|^/\*'; then
		inputs[$i]=$(grep -o '/[^ ]*libm-[^ ]*\.a' "${inputs[$i]}" | head -1)
	fi
done
# "object name type" for every defined symbol, objects in link order.
nm -A --defined-only "${inputs[@]}" 2>/dev/null |
	awk '{ obj = $1; sub(/:[^:]*$/, "", obj); print obj, $3, $2 }' \
	>"$work/defs"
nm --defined-only "$bin" | awk '{ print $3, $2 }' >"$work/final"

awk -v ran="$work/ran" -v final="$work/final" '
	FILENAME == ran { hot[$1] = 1; next }
	FILENAME == final {
		insym[$1] = 1
		if ($2 == "i")
			ifunc[$1] = 1
		name[++n] = $1
		next
	}
	{
		# The first object that defines a function that ran is where it
		# comes from; its data goes with it.
		if (($3 == "t" || $3 == "T") && ($2 in hot) && !($2 in from))
			from[$2] = $1
		objs[$1] = objs[$1] " " $2 ":" $3
	}
	function variant(s) {
		return s ~ /^__[a-z0-9_]+_(avx2|avx|evex|evex512|sse2|sse4_1|sse4_2|ssse3|avx512|erms|rtm)/
	}
	function emit(s) {
		if ((s in insym) && !(s in done)) {
			done[s] = 1
			print s
		}
	}
	END {
		# A family: __strlen_evex ran; __strlen_*, strlen, __strlen and
		# their resolvers go too.
		for (s in hot)
			if (variant(s)) {
				v = substr(s, 3, index(substr(s, 3), "_") - 1)
				family["__" v "_"] = 1
				hot[v] = hot["__" v] = 1
				hot[v "_ifunc"] = hot["__" v "_ifunc"] = 1
			}
		# What runs on every processor first, then the variants:
		# the machine uses one of each, a window or two of them.
		for (i = 1; i <= n; i++)
			if ((name[i] in hot) && !variant(name[i]))
				emit(name[i])
		for (i = 1; i <= n; i++)
			if ((name[i] in ifunc) || name[i] ~ /_ifunc$/)
				emit(name[i])
		for (i = 1; i <= n; i++)
			for (v in family)
				if (index(name[i], v) == 1)
					emit(name[i])
		for (f in from) {
			k = split(objs[from[f]], syms, " ")
			for (j = 1; j <= k; j++) {
				split(syms[j], p, ":")
				if (p[2] ~ /^[dDbBrR]$/)
					emit(p[1])
			}
		}
	}' "$work/ran" "$work/final" "$work/defs" >programs/startup.order
echo "programs/startup.order: $(wc -l <programs/startup.order) symbols"
