#!/usr/bin/env bash
# Instructions per encode, Huiqi's QRCode vs libqrencode, counted by
# callgrind: unlike encodes per second, this does not move with the load
# of a shared machine. Startup (tables, templates) is excluded by counting
# 1 and 3 rounds and taking the difference.
# Usage: bench/qr/instructions.sh (after bench/qr/run.sh has built the harnesses)
set -euo pipefail
out="${TMPDIR:-/tmp}/huiqi-qr-bench"
[ -x "$out/huiqi_bench" ] && [ -x "$out/libqrencode_bench" ] || { echo "run bench/qr/run.sh first" >&2; exit 1; }

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 \
        | awk '/Collected/ { gsub(",", "", $4); print $4 }'
}
per_encode() {   # harness case encodes-per-round
    local one three
    one=$(instructions "$out/$1" 1 1 "$2")
    three=$(instructions "$out/$1" 1 3 "$2")
    echo $(( (three - one) / (2 * $3) ))
}
printf "%-26s %12s %12s %8s\n" "instructions per encode" "huiqi" "libqrencode" "ratio"
for spec in "short-url short 100" "v40-H large 1"; do
    set -- $spec
    h=$(per_encode huiqi_bench "$2" "$3")
    l=$(per_encode libqrencode_bench "$2" "$3")
    printf "%-26s %12d %12d %8.2f\n" "$1" "$h" "$l" "$(echo "$l / $h" | bc -l)"
done
