#!/usr/bin/env bash
# Prints the speed figures (never fails on a time): drawing an exam natively, and in headless Chromium the
# start of a full mock and the click-to-DOM latency. Run after `bash .ci/test` (which builds dist/).
set -euo pipefail
source "$(dirname "$0")/../.ci/setup.sh"
cd "$ROOT"
[ -f dist/index.html ] || build_dist
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/native" cargo run -q --release --example bench-draw
DIST="$ROOT/dist" node tests/e2e/bench.mjs
