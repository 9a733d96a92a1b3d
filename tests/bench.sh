#!/usr/bin/env bash
# Prints the speed and size figures (never fails on a time): drawing an exam natively; in headless Chromium
# the start of a full mock, the click-to-DOM latency, and rendering the dashboard and history page with 500
# stored attempts; the bytes one attempt takes in storage; and the load figures of bench-load.mjs (bytes per
# file raw, gzip and brotli, bytes before the first screen, first screen and app-ready times unthrottled and
# at a phone profile, repeat visits online and offline). Run after `bash .ci/test` (which builds dist/).
set -euo pipefail
source "$(dirname "$0")/../.ci/setup.sh"
cd "$ROOT"
release_dist
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/native" cargo run -q --release --example bench-draw
history="$(mktemp)"
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/native" cargo run -q --release --example make-history -- 500 > "$history"
DIST="$ROOT/dist" HISTORY="$history" node tests/e2e/bench.mjs
rm -f "$history"
DIST="$ROOT/dist" node tests/e2e/bench-load.mjs
