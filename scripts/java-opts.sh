# Sourced by the scripts: the JVM flags Spark needs on Java 17 (as Spark's own launcher adds
# them), taken from the pom so there is one list.
dae_sweep_java_opts() {
  sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' "$(dirname "${BASH_SOURCE[0]}")/../pom.xml"
}
