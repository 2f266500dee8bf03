# Sourced by jobs/splitbnn, jobs/submit, jobs/spark-standalone and jobs/test-cluster: a Spark "installation" built from Maven jars.
#   spark_home DIR      makes DIR/jars (symlinks to Spark's runtime jars) and an empty DIR/conf
#   SPARK_JVM_FLAGS     the module flags Spark needs on Java 17+ (spark-submit's launcher adds them itself), and
#                       VECTOR_JVM_FLAG, the Vector API module the likelihood uses (without it: same numbers, slower)
#   app_jar             builds target/splitbnn-app.jar when missing or older than the sources; prints its path
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/jobs/lib/build.sh"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export SPARK_SCALA_VERSION=2.13
VECTOR_JVM_FLAG=--add-modules=jdk.incubator.vector
SPARK_JVM_FLAGS=("$VECTOR_JVM_FLAG" -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true -Dio.netty.allocator.type=pooled
  -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE
  --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)

spark_home() {
  local home="$1" cp_file="$1/classpath.txt"
  if [[ ! -s "$cp_file" || "$root/jobs/spark-dist.pom.xml" -nt "$cp_file" ]]; then
    mkdir -p "$home"
    build_quietly -f jobs/spark-dist.pom.xml dependency:build-classpath -DincludeScope=runtime \
      -Dmdep.outputFile="$cp_file"
    rm -rf "$home/jars" && mkdir -p "$home/jars" "$home/conf"
    tr ':' '\n' < "$cp_file" | while read -r jar; do ln -s "$jar" "$home/jars/"; done
  fi
}

app_jar() {
  local jar="$root/target/splitbnn-app.jar"
  if [[ ! -f "$jar" || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "building the app jar (mvn package -DskipTests) ..." >&2
    build_quietly -DskipTests package
  fi
  echo "$jar"
}
