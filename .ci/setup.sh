# Installs whatever is missing to build, serve and test the app, then exports the environment for it.
# Sourced by .ci/serve and .ci/test. Idempotent: when everything is present it finishes in seconds.
#
# Route 1 (standard): rustup's wasm32-unknown-unknown target.
# Route 2 (machines that reach only package registries): Debian's rustc-web with its std source, building
# std for wasm32 from source (see the project's TOOLCHAIN notes). Route 1 is tried first, with a timeout.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${DVA_TOOLS:-$HOME/.cache/dva-tools}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
mkdir -p "$TOOLS"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dva-target}"

say() { printf '[setup] %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
APT_UPDATED=""
apt_install() {
  [ -n "$APT_UPDATED" ] || { say "apt-get update"; $SUDO apt-get update -qq; APT_UPDATED=1; }
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# Debian packages: a browser for the tests, node for the test driver, gzip for the size report.
missing=()
# DVA_BUILD_ONLY=1 (the Pages workflow) needs no browser: only the build tools.
if [ -z "${DVA_BUILD_ONLY:-}" ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
fi
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v gzip >/dev/null || missing+=(gzip)
command -v python3 >/dev/null || missing+=(python3)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

# A Rust toolchain at all (rustup's, or Debian's).
if ! command -v cargo >/dev/null; then
  apt_install rustc-web cargo-web rust-web-src lld-22
fi

# The wasm32 target: standard route first, then build-std with Debian's Rust.
wasm_route=""
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  wasm_route=standard
elif command -v rustup >/dev/null && rustup toolchain list | grep -q '^debian-web' \
     && [ -d /usr/lib/rustlib/src/rust/library ] && command -v rust-lld >/dev/null; then
  wasm_route=build-std
elif command -v rustup >/dev/null && timeout 90 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  wasm_route=standard
else
  say "rustup cannot fetch the wasm32 target here; using Debian's Rust with build-std"
  { [ -d /usr/lib/rustlib/src/rust/library ] && command -v rust-lld >/dev/null && [ -x /usr/bin/cargo ]; } \
    || apt_install rustc-web cargo-web rust-web-src lld-22
  if command -v rustup >/dev/null; then
    rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
  fi
  wasm_route=build-std
fi
if [ "$wasm_route" = build-std ]; then
  # Only for the wasm builds: the scripts set these around trunk and the wasm cargo calls.
  WASM_ENV=(RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort)
  if command -v rustup >/dev/null; then WASM_ENV+=(RUSTUP_TOOLCHAIN=debian-web); else WASM_ENV+=(PATH="/usr/bin:$PATH"); fi
else
  WASM_ENV=()
fi
export WASM_TARGET_DIR="$CARGO_TARGET_DIR/wasm"

# trunk, pinned (0.22 needs a newer rustc than rustup's stable here).
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (takes about 13 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen CLI: exactly the version of the wasm-bindgen crate in Cargo.lock.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WB_VERSION (takes about 7 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# wasm-opt from npm's binaryen (Debian's is too old for what rustc emits now).
if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "npm install binaryen@$BINARYEN_VERSION"
  (cd "$TOOLS" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >/dev/null)
fi

# The browser-test driver (playwright-core drives Debian's chromium; it never downloads a browser).
if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/axe-core" ]; then
  say "npm ci in tests/e2e"
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --silent >/dev/null)
fi

export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
say "ready: wasm route $wasm_route, trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, binaryen $BINARYEN_VERSION"

# Runs a command with the wasm build environment.
with_wasm_env() { env ${WASM_ENV[@]+"${WASM_ENV[@]}"} CARGO_TARGET_DIR="$WASM_TARGET_DIR" "$@"; }

# Builds the release dist/ (cargo first, online, so that std's own dependencies are fetched; then trunk
# offline, so it never tries to download tools).
build_dist() {
  (cd "$ROOT" && with_wasm_env cargo build --release --target wasm32-unknown-unknown --bin dva-exam)
  (cd "$ROOT" && with_wasm_env trunk build --release --offline --public-url ./ --dist dist)
}

# Builds the release dist/ unless it holds one already: `bash .ci/serve` (trunk serve) leaves a
# development build there, marked data-sw="off", whose figures and screens are not the release's.
release_dist() {
  if [ ! -f "$ROOT/dist/index.html" ] || grep -q 'data-sw="off"' "$ROOT/dist/index.html"; then build_dist; fi
}
