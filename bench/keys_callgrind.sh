#!/bin/sh
# Instructions per key press, counted by callgrind: a figure that does not
# move with the machine's load.  For the generated 1.2 MB and 12 MB
# inputs (or the files named), quire-bench opens the file as quire does,
# lays it all out, then presses page down N times and jumps between the
# first and the last section N times, drawing each screen; only that is
# counted (--toggle-collect=bench_keys).
#
# usage: bench/keys_callgrind.sh BUILDDIR [FILE...]
set -eu
build=${1:?usage: bench/keys_callgrind.sh BUILDDIR [FILE...]}
shift
bench=$build/bench/quire-bench
n=200
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -eq 0 ]; then
	"$bench" --generate 1200000 > "$tmp/generated-1.2MB.md"
	"$bench" --generate 12000000 > "$tmp/generated-12MB.md"
	set -- "$tmp/generated-1.2MB.md" "$tmp/generated-12MB.md"
fi
for f in "$@"; do
	valgrind --tool=callgrind --toggle-collect=bench_keys \
	    --callgrind-out-file="$tmp/out" "$bench" --keys "$f" "$n" \
	    >/dev/null 2>"$tmp/log"
	ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$tmp/out")
	[ -n "$ir" ] || ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$tmp/out")
	echo "$(basename "$f"): $((ir / (2 * n))) instructions per key" \
	    "(page down and section jump, each drawn; $((2 * n)) keys)"
done
