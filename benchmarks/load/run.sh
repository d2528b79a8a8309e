#!/usr/bin/env bash
# The load test through the gateway (Gatling): starts the whole suite on free ports (the five service jars, each in its
# own JVM, on the embedded infrastructure), signs up people who create some tasks, then sends a mixed workload
# (70% reads, 20% writes, 10% search) at a fixed arrival rate while sampling every service JVM's resident memory,
# and prints a table. Each mode first signs people up and warms the suite up for 30 s at its first rate (printed, not
# held to the targets). Modes:
#   smoke        1 minute at 20 req/s: p95 < 200 ms and no failed request (the system tests run this one)
#   soak         10 minutes at 100 req/s: the same targets, and every JVM's resident memory flat
#   saturation   20 s steps from 25 to 250 req/s, only measured: the first rate whose p95 passes 200 ms
# Usage, from anywhere (builds what it runs; run nothing else heavy meanwhile, the figures depend on the cores):
#   benchmarks/load/run.sh smoke|soak|saturation [-Drates=25,50 -Dseconds=30 -Dpeople=50]
# Gatling's HTML report and the suite's logs stay in benchmarks/load/target/<mode>.
# Needs a JDK 25, found as ./run-tests finds it (scripts/jdk.sh), and Node.js for the web app the gateway serves.
set -euo pipefail
cd "$(dirname "$0")/../.."

case "${1:-}" in
  smoke | soak | saturation) mode=$1 ;;
  *) echo "usage: benchmarks/load/run.sh smoke|soak|saturation [-Dname=value ...]" >&2; exit 2 ;;
esac
shift

. scripts/jdk.sh
echo "building the services and the load test (tests skipped)..."
./mvnw -B -q -DskipTests -pl gateway,auth-service,user-service,task-service,notification-service,benchmarks/load -am package
# This JVM hosts the embedded infrastructure and Gatling (whose log writer reads String's internals); every service
# runs in a JVM of its own.
exec "$JAVA_HOME/bin/java" -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED \
  -Dlogback.configurationFile=taskflow-launcher-logback.xml "$@" \
  -cp "benchmarks/load/target/load.jar:benchmarks/load/target/lib/*" \
  org.taskflow.benchmarks.load.LoadTest "$mode" . "benchmarks/load/target/$mode"
