# Shared by bench/run.sh and bench/startup.sh (sourced, from the project's root): the documented memory setting
# (docs/operations.md "Memory") and the extracted jar with its trained archives (docs/operations.md "Start-up").
JAR=target/zhaoshang-0.1.0-SNAPSHOT.jar
EXTRACTED=target/cds/$(basename "$JAR")
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx192m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+UseSerialGC -XX:CICompilerCount=2 -XX:MaxHeapFreeRatio=40 -XX:MinHeapFreeRatio=10 -XX:TrimNativeHeapInterval=5000 -Dserver.tomcat.threads.max=64}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}   # glibc's per-thread malloc arenas: the documented setting too

# The jar with Spring's AOT classes (mvn -Paot package; they are used only when started with -Dspring.aot.enabled).
aot_jar() {
  unzip -l "$JAR" | grep 'ZhaoshangApplication__BeanFactoryRegistrations' > /dev/null || mvn -B -q -Paot package -DskipTests
}

# The jar extracted to target/cds (Spring Boot's tools jar mode), where the archives are written too.
extract_jar() {
  rm -rf target/cds
  java -Djarmode=tools -jar "$JAR" extract --destination target/cds > /dev/null
}

# train NAME JAVA OPTION...: a training run of the extracted jar that stops once the context is ready, the options
# naming the archive it writes (-XX:ArchiveClassesAtExit=… on Java 17, -XX:AOTCacheOutput=… on Java 25).
train() {
  name=$1 java=$2
  shift 2
  mkdir -p target/benchmarks
  $java "$@" -Dspring.context.exit=onRefresh -jar "$EXTRACTED" --server.port=0 > "target/benchmarks/$name-training.log" 2>&1 \
    || { tail -30 "target/benchmarks/$name-training.log"; exit 1; }
}
