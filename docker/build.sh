#!/usr/bin/env bash
# Stages what the image needs (app jar, Maven-resolved Spark jars, JVM flags, conf/, the MNIST
# files from data/) into docker/stage/ and builds the image dae-sweep:latest.
#   docker/build.sh [--stage-only]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/java-opts.sh"
cd "$root"
scripts/fetch-data.sh >/dev/null
dae_sweep_build
stage=docker/stage
rm -rf "$stage" && mkdir -p "$stage/spark-jars" "$stage/data"
tr ':' '\n' <<<"$(spark_runtime_classpath)" | while read -r jar; do
  [[ "$jar" == *.jar ]] && cp "$jar" "$stage/spark-jars/"
done
cp target/dae-sweep.jar "$stage/"
dae_sweep_java_opts >"$stage/java-opts.txt"
cp -r conf "$stage/conf"
cp -r data/mnist "$stage/data/mnist"
echo "docker: staged $(ls "$stage/spark-jars" | wc -l) Spark jars and the app in $stage"
[[ "${1:-}" == "--stage-only" ]] && exit 0
docker build -t dae-sweep:latest docker
