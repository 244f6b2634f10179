#!/usr/bin/env bash
# What publishing costs: a full build and three one-product rebuilds of the
# medium portal (10 000 products), for each huiqi binary given, one after the
# other on the same content. Used to measure the atomic publisher (issue 12)
# against the binary before it.
#
#   python3 bench/site/gen.py --size medium --out /tmp/bench-medium --no-hugo
#   bench/publish/compare.sh /tmp/bench-medium/content OLD_BIN NEW_BIN
set -euo pipefail
content=$1; shift
theme="$(cd "$(dirname "$0")/../.." && pwd)/themes/default"
products=("$content"/products/*.yml)
product=$(basename "${products[0]}")
for bin in "$@"; do
    out=$(mktemp -d)/site
    echo "== $bin"
    sync
    /usr/bin/time -f "full build: %e s, %M KB" "$bin" build --content "$content" --theme "$theme" --output "$out" \
        --date 2026-11-23 2>&1 | grep -E "^full" || true
    for i in 1 2 3; do
        sed -i "0,/^name: /s/^name: .*/name: 改名$i$RANDOM/" "$content/products/$product"
        sync
        /usr/bin/time -f "one product changed: %e s, %M KB" "$bin" build --content "$content" --theme "$theme" \
            --output "$out" --date 2026-11-23 2>&1 | grep -E "^one product" || true
    done
    rm -rf "$(dirname "$out")"
done
