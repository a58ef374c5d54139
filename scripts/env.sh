# Sourced by the scripts: puts the project's tools on PATH (cargo-installed Trunk and
# wasm-bindgen, npm's binaryen wasm-opt) and keeps every tool offline-friendly.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export TRUNK_OFFLINE=true
