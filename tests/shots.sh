#!/usr/bin/env bash
# Takes screenshots of the app's pages and states (1280 px light, 360 px dark) for a person to look at.
# Run after a build (`bash .ci/test` builds dist/). Writes the PNGs outside the repository and prints where.
set -euo pipefail
source "$(dirname "$0")/../.ci/setup.sh"
cd "$ROOT"
release_dist
SHOTS="${SHOTS:-${TMPDIR:-/tmp}/dva-shots}"
rm -rf "$SHOTS"
(cd tests/e2e && DIST="$ROOT/dist" SHOTS="$SHOTS" node shots.mjs)
