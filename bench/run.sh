#!/usr/bin/env bash
# `npm run bench`: builds the release (trunk build --release, into dist/ unless
# --dist DIR or $BENCH_DIST says otherwise), then measures it with bench/run.mjs.
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
fi
BENCH_DIST="$dist" exec node bench/run.mjs "$@"
