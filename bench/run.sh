#!/usr/bin/env bash
# `npm run bench`: builds the release (trunk build --release, into dist/ unless
# --dist DIR or $BENCH_DIST says otherwise) and the Yew floor (bench/yew-floor/), then
# measures both against the plain floor with bench/run.mjs.
#   npm run bench                                  # build into dist/, 7 runs
#   npm run bench -- --runs 2 --dist /tmp/bench-dist
#   npm run bench -- --no-build --dist DIR         # measure an existing build
# Options other than --dist/--no-build go to bench/run.mjs (--runs N, --no-write).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh

dist="${BENCH_DIST:-dist}"
build=1
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --dist) dist="${args[i + 1]:?--dist needs a directory}" ;;
    --dist=*) dist="${args[i]#--dist=}" ;;
    --no-build) build=0 ;;
  esac
done

if [ "$build" = 1 ]; then
  echo "bench: trunk build --release --offline=true --dist $dist" >&2
  trunk build --release --offline=true --dist "$dist" >&2
  # The Yew floor, in its own workspace, with its own target folder under the shared one.
  echo "bench: trunk build --release (bench/yew-floor)" >&2
  (cd bench/yew-floor && CARGO_TARGET_DIR="$PWD/../../target/yew-floor" trunk build --release --offline=true >&2)
fi
BENCH_DIST="$dist" exec node bench/run.mjs "$@"
