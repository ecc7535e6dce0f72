#!/usr/bin/env bash
# README command 1: fetch MNIST into data/, build, and run the default sweep on an embedded
# local[*] Spark. Extra arguments are passed on as overrides, e.g. search.trials=8.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-data.sh
source scripts/java-opts.sh
dae_sweep_build
exec scripts/run-local.sh sweep --conf conf/default.conf "$@"
