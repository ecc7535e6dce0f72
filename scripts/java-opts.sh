# Sourced by the scripts: the JVM flags Spark needs on Java 17 (as Spark's own launcher adds
# them) and dae-sweep's JVM tuning, taken from the pom so there is one list.
dae_sweep_java_opts() {
  local pom
  pom="$(dirname "${BASH_SOURCE[0]}")/../pom.xml"
  sed -n -e 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' \
    -e 's:.*<dae.sweep.jvm.tuning>\(.*\)</dae.sweep.jvm.tuning>.*:\1:p' "$pom" | tr '\n' ' '
}
