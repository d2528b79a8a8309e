#!/usr/bin/env bash
# Benchmarks of one service's own jar against the test infrastructure (embedded servers on free ports, or containers
# where Docker exists), so they never clash with a local stack that is up:
#   task-list              task list latency (1 client: p50, p99) and throughput (8 clients) for one person with
#                          10,000 tasks: first page, deep page, filtered page, text search
#   notification-latency   TaskAssigned published to Kafka -> the assignee's notification on the SSE stream and by
#                          email (p50, p99, max)
# Usage, from anywhere (builds what it runs; hold the build lock so no build competes for the cores):
#   flock /tmp/taskflow-maven.lock benchmarks/services.sh task-list [-Dtasks=10000 -Drounds=3 -Dseconds=8 -Dclients=8]
#   flock /tmp/taskflow-maven.lock benchmarks/services.sh notification-latency [-Devents=300 -Drate=10]
# Needs a JDK 25, found as ./run-tests finds it (scripts/jdk.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  task-list) module=task-service main=TaskListBenchmark ;;
  notification-latency) module=notification-service main=NotificationLatencyBenchmark ;;
  *) echo "usage: benchmarks/services.sh task-list|notification-latency [-Dname=value ...]" >&2; exit 2 ;;
esac
shift

. scripts/jdk.sh
echo "building $module and the benchmarks (tests skipped)..."
./mvnw -B -q -DskipTests -pl "$module,benchmarks" -am package
# The benchmark JVM hosts the embedded servers and the load; the service runs in a JVM of its own.
exec "$JAVA_HOME/bin/java" -Xmx1g -Dlogback.configurationFile=taskflow-launcher-logback.xml "$@" -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  "org.taskflow.benchmarks.$main"
