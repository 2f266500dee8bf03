# Sourced by jobs/test-cluster and jobs/test-yarn (after jobs/lib/spark.sh), which set dir (their scratch folder) and
# started (SECONDS at their start):
#   step TEXT, fail TEXT          a timed heading; one FAILED line and exit 1
#   check same|once|executors ... org.splitbnn.pipeline.SweepTablesCheck on sweep folders (its log in dir/check.log)
#   fs ARGS...                    Hadoop's file system shell on the single-node HDFS
#   summary_field KEY FILE        a field of a _SUMMARY.json (or of output that holds one)
#   prepare                       builds the app jar (runs a copy, dir/splitbnn-app.jar, safe from rebuilds of target/)
#                                 and the test classes; writes dir/in: a 4-run sweep on CSV files (csv.yaml) and a
#                                 6-run sweep (kill.yaml); runs csv.yaml embedded into dir/local: the reference tables

step() { echo "== $(( SECONDS - started )) s: $*"; }
fail() { echo "$(basename "$0"): FAILED: $*" >&2; exit 1; }
check() {
  java -Xmx1g "${SPARK_JVM_FLAGS[@]}" \
    -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/test-classpath.txt")" \
    org.splitbnn.pipeline.SweepTablesCheck "$@" 2>>"$dir/check.log"
}
fs() { "$root/jobs/hdfs-standalone" fs "$@"; }
summary_field() { sed -n "s/^ *\"$1\" : \"*\([^\",]*\)\"*,*\$/\\1/p" "$2"; }

prepare() {
  step "building"
  cp "$(app_jar)" "$dir/splitbnn-app.jar"
  export SPLITBNN_APP_JAR="$dir/splitbnn-app.jar"
  build_quietly -DskipTests test-compile
  mkdir -p "$dir/in"
  cp "$root/data/dev/train.csv" "$root/data/dev/test_01.csv" "$root/data/dev/test_02.csv" "$dir/in/"
  cat > "$dir/in/csv.yaml" <<'YAML'
name: csv
nlive: 100
nprior: 1000
num_repeats: 10
priors: [full, constrained]
sampler_seeds: [7, 8]
train:
  - {csv: train.csv}
tests:
  - {csv: test_01.csv}
  - {csv: test_02.csv}
posterior_samples: 200
grid_step: 0.5
outputs: {posterior: true, predictions: true}
YAML
  cat > "$dir/in/kill.yaml" <<'YAML'
name: kill
nlive: 200
priors: [full, constrained]
sampler_seeds: [5]
train:
  - {seeds: [21, 22, 23]}
YAML
  step "CSV sweep, embedded local Spark, local paths"
  "$root/jobs/splitbnn" sweep "$dir/in/csv.yaml" --out "$dir/local" > "$dir/local.log" 2>&1 \
    || { cat "$dir/local.log"; fail "local sweep"; }
  tail -2 "$dir/local.log"
}
