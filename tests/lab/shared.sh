# Sourced by the shared licensing tests after lib.sh: a command's output
# (from its echo line on), and polling for it.
# show NAME CMD: CMD's echo and output on device NAME.
show() {
	printf 'en\n\n%s\n' "$2" | sess "$1" | tail -n +3
}
# until_has NAME CMD PATTERN: poll (7.5 s at most) until the output
# matches; the last output is in OUT.
until_has() {
	local i
	for i in $(seq 150); do
		OUT=$(show "$1" "$2")
		printf '%s\n' "$OUT" | grep -qE -- "$3" && return 0
		sleep 0.05
	done
	return 1
}
