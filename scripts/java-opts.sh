# Sourced by the scripts: the JVM flags Spark needs on Java 17 (as Spark's own launcher adds
# them) and dae-sweep's JVM tuning, taken from the pom so there is one list; and the classpath
# of a Spark installation resolved from Maven (scripts/spark-runtime/pom.xml).
dae_sweep_java_opts() {
  local pom
  pom="$(dirname "${BASH_SOURCE[0]}")/../pom.xml"
  sed -n -e 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' \
    -e 's:.*<dae.sweep.jvm.tuning>\(.*\)</dae.sweep.jvm.tuning>.*:\1:p' "$pom" | tr '\n' ' '
}

# Maven, quiet: Debian's Maven 3.8 prints colour-reset codes even in batch mode, which would
# land in a terminal or a log as raw escapes.
dae_mvn() {
  mvn -q -B -ntp "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'
}

# Builds dae-sweep when its jar is missing or older than the sources.
dae_sweep_build() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [[ ! -f "$root/target/classpath.txt" || ! -f "$root/target/dae-sweep.jar" \
        || -n "$(find "$root/src" "$root/pom.xml" -newer "$root/target/dae-sweep.jar" -print -quit)" ]]; then
    (cd "$root" && dae_mvn -DskipTests package)
  fi
}

# Prints the Spark runtime classpath (resolving it with Maven the first time).
spark_runtime_classpath() {
  local root cp_file
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cp_file="$root/target/spark-runtime-classpath.txt"
  if [[ ! -s "$cp_file" || "$root/scripts/spark-runtime/pom.xml" -nt "$cp_file" ]]; then
    mkdir -p "$root/target"
    dae_mvn -f "$root/scripts/spark-runtime/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
  fi
  cat "$cp_file"
}

# A Spark home for Spark's own classes: its jars/ links to the Maven-resolved jars, which is
# what a standalone Worker puts on its executors' classpath and what spark-submit ships to YARN.
# Prints its path (target/spark-home), rebuilt only when the classpath changed, so a running
# cluster's jars never vanish under it.
spark_home() {
  local root home jar classpath
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  home="$root/target/spark-home"
  classpath=$(spark_runtime_classpath)
  if [[ ! -d "$home/jars" || "$root/target/spark-runtime-classpath.txt" -nt "$home/jars" ]]; then
    rm -rf "$home" && mkdir -p "$home/jars.partial"
    for jar in $(tr ':' ' ' <<<"$classpath"); do
      [[ "$jar" == *.jar ]] && ln -sf "$jar" "$home/jars.partial/"
    done
    mv "$home/jars.partial" "$home/jars"
  fi
  echo "$home"
}

# glibc reads its tunables at process start: transparent huge pages for malloc's memory, which
# makes models with activations over 32 MB train several times faster (NativeRuntime,
# docs/DESIGN.md). Exported for every JVM the scripts start; a value the user set is kept.
case ":${GLIBC_TUNABLES:-}:" in
  *:glibc.malloc.hugetlb=*) ;;
  *) export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1" ;;
esac

# Debian's python3-skimage for the development scripts that compare with classical denoisers
# (installed when missing, as root); $1 names the script in the message.
dae_skimage() {
  if ! /usr/bin/python3 -c "import skimage, PIL" 2>/dev/null; then
    echo "$1: installing Debian's python3-skimage" >&2
    apt-get install -y -qq python3-skimage python3-pil >/dev/null
  fi
}
