#!/usr/bin/env bash
# Encodes per second, Huiqi's QRCode vs libqrencode, in-process, same payloads:
#   short-url: 100 product URLs of ~60 bytes, level M, automatic version and mask;
#   v40-H:     1270 bytes at version 40, level H, automatic mask.
# Both harnesses run in turns, three rounds each; the best round of each
# counts, which keeps the ratio steady on a shared, busy machine.
# Usage: bench/qr/run.sh [seconds per measurement, default 2] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-2}"
rounds="${2:-3}"
out="${TMPDIR:-/tmp}/huiqi-qr-bench"
mkdir -p "$out"

cc -O2 -o "$out/libqrencode_bench" bench/qr/libqrencode_bench.c -lqrencode
# The library's sources and the harness as one optimised module: no package
# build needed. CZlib's module map gives PNGRenderer.swift zlib.
swiftc -O -wmo -module-name QRBench -I Sources/CZlib -lz \
    -o "$out/huiqi_bench" Sources/QRCode/*.swift bench/qr/main.swift

: > "$out/results.txt"
for _ in $(seq "$rounds"); do
    "$out/libqrencode_bench" "$seconds" 2>/dev/null >> "$out/results.txt"
    "$out/huiqi_bench" "$seconds" 2>/dev/null >> "$out/results.txt"
done
awk '{ key = $1 " " $2; if ($3 > best[key]) best[key] = $3 }
     END {
       printf "%-24s %10s %10s %8s\n", "encodes/s (best of runs)", "huiqi", "libqrencode", "ratio"
       n = split("short-url v40-H", cases, " ")
       for (i = 1; i <= n; i++) {
         h = best["huiqi " cases[i]]; l = best["libqrencode " cases[i]]
         printf "%-24s %10.0f %10.0f %8.2f\n", cases[i], h, l, h / l
       }
     }' "$out/results.txt"
