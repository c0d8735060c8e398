#!/bin/sh
# SPDX-License-Identifier: MIT
# Golden test of asaemu-keygen: run it with the arguments of CASE.args
# (shell words; lines starting with # are comments) and compare its
# standard output, standard error ("stderr: " lines) and exit status with
# CASE.out. UPDATE_GOLDEN=1 rewrites CASE.out instead.
#   usage: run.sh KEYGEN CASE.args
set -u
keygen=$1
case=$2
out=${case%.args}.out
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp" "$tmp.out" "$tmp.err"' EXIT
args=$(grep -v '^#' "$case" | tr '\n' ' ')
eval "set -- $args"
"$keygen" "$@" >"$tmp.out" 2>"$tmp.err"
rc=$?
{
	cat "$tmp.out"
	sed 's/^/stderr: /' "$tmp.err"
	echo "exit: $rc"
} >"$tmp"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$tmp" "$out"
	exit 0
fi
diff -u "$out" "$tmp"
