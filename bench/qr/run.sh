#!/usr/bin/env bash
# Encodes per second, Huiqi's QRCode vs libqrencode, in-process, same payloads:
#   short-url: ~60-byte product URLs, level M, automatic version and mask;
#   v40-H:     1270 bytes at version 40, level H, automatic mask.
# Usage: bench/qr/run.sh [seconds per measurement, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-3}"
out="${TMPDIR:-/tmp}/huiqi-qr-bench"
mkdir -p "$out"

cc -O2 -o "$out/libqrencode_bench" bench/qr/libqrencode_bench.c -lqrencode
# The library sources straight into one optimised module with the harness:
# no package build needed. CZlib's module map gives PNGRenderer.swift zlib.
swiftc -O -wmo -module-name QRBench -I Sources/CZlib -lz \
    -o "$out/huiqi_bench" Sources/QRCode/*.swift bench/qr/main.swift

"$out/libqrencode_bench" "$seconds" > "$out/c.txt" 2>/dev/null
"$out/huiqi_bench" "$seconds" > "$out/swift.txt" 2>/dev/null
cat "$out/c.txt" "$out/swift.txt"
awk '{ rate[$1 " " $2] = $3 }
     END {
       for (k in rate) split(k, _, " ")
       printf "ratio short-url (huiqi / libqrencode): %.2f\n", rate["huiqi short-url"] / rate["libqrencode short-url"]
       printf "ratio v40-H     (huiqi / libqrencode): %.2f\n", rate["huiqi v40-H"] / rate["libqrencode v40-H"]
     }' "$out/c.txt" "$out/swift.txt"
