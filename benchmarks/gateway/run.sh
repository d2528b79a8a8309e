#!/usr/bin/env bash
# What the gateway costs: requests/s and p50/p99 latency of an authenticated GET returning a small JSON body,
# through a ladder of levels, in one run on this machine.
#   L0 nginx returning a constant (the machine's limit)   L1 the backend directly   L2 nginx reverse proxy to it
#   B a bare Spring Cloud Gateway (benchmarks/bare-gateway: one route, Boot defaults), the yardstick of the goals
#   L3 gateway, routing only   L4 + JWT validation   L5 + Redis rate limiting (limit out of reach)   L6 + circuit breaker, retry
# Each level is measured twice: saturated (CONNECTIONS, for throughput) and lightly loaded (1 connection, for the latency
# a request pays below saturation). The JVMs are warmed up first (JIT_WARMUP per level: on one shared core the JIT needs
# about a minute of traffic before the gateway's figures settle), then levels are interleaved round by round, each
# with a short WARMUP of its own; medians over rounds are reported.
# L3 sends the token in a header nothing reads (Spring Security would validate an Authorization header on any path),
# so every level gets requests of the same size.
#
# The goals, on the last line: L6 >= 1.0 x B (throughput, same run, same core) and light p99 added by L6 over L1 < 2 ms.
# For every gateway level the CPU time and the bytes allocated per request are printed (process CPU and Micrometer's
# jvm.gc.memory.allocated over the saturated run; bytes are not known for B, which exports no metrics).
# Usage, from the repository root, with nothing else busy on the machine:
#   (. scripts/jdk.sh && ./mvnw -B -q -pl gateway,benchmarks/bare-gateway -am package -DskipTests)
#   benchmarks/gateway/run.sh          (uses gateway/target/gateway.jar and the bare gateway's jar as they are)
# env: ROUNDS DURATION WARMUP JIT_WARMUP CONNECTIONS THREADS LEVELS GATEWAY_JAR GATEWAY_JAVA_OPTS GATEWAY_ARGS REDIS_CPUS
#      COMPARE_JAR (a second gateway jar, e.g. built before a change: started the same way beside the first, its gateway
#      levels measured as L3x..L6x right after their counterparts in every round, so both share the machine's moods)
#      COMPARE_ARGS (extra arguments for the second jar only: with COMPARE_JAR set to the same jar, an A/B of a setting)
#      PROFILE (a gateway level, e.g. L5, or B: after the warm-up, one extra saturated run of that level, outside the
#      measured rounds, under async-profiler; writes a flame graph) PROFILE_EVENT (cpu, alloc, wall or lock; default cpu)
#      PROFILE_FORMAT (html, a flame graph, by default; collapsed for stacks as text, one line each)
# Needs: JDK 25 (JAVA_HOME), nginx, wrk and redis-server (installed from Debian packages if missing), python3.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-2s}
JIT_WARMUP=${JIT_WARMUP:-15s}
PROFILE=${PROFILE:-}
PROFILE_EVENT=${PROFILE_EVENT:-cpu}
PROFILE_FORMAT=${PROFILE_FORMAT:-html}
ASYNC_PROFILER_VERSION=4.2
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
read -r -a LEVELS <<<"${LEVELS:-L0 L1 L2 B L3 L4 L5 L6}"
[[ " ${LEVELS[*]} " == *" L1 "* && " ${LEVELS[*]} " == *" L2 "* && " ${LEVELS[*]} " == *" B "* ]] \
	|| { echo "LEVELS must include L1, L2 and B" >&2; exit 1; }
COMPARE_JAR=${COMPARE_JAR:-}
if [[ -n "$COMPARE_JAR" ]]; then
	with_compare=()
	for level in "${LEVELS[@]}"; do
		with_compare+=("$level")
		[[ $level =~ ^L[3-6]$ ]] && with_compare+=("${level}x")
	done
	LEVELS=("${with_compare[@]}")
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/gateway"
. "$ROOT/scripts/jdk.sh"
JAVA="$JAVA_HOME/bin/java"
WORK=$(mktemp -d /tmp/taskflow-gateway-bench.XXXXXX)
PIDS=()

cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	if [[ -f "$WORK/nginx.pid" ]]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
	wait 2>/dev/null || true
}
trap cleanup EXIT

log() { echo "[bench] $*" >&2; }

install_missing() {
	local missing=()
	command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
	command -v wrk >/dev/null || missing+=(wrk)
	command -v redis-server >/dev/null || missing+=(redis-server)
	if ((${#missing[@]})); then
		log "installing ${missing[*]} from Debian packages"
		local sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_for() { # url [header]
	for _ in $(seq 1 120); do
		if curl -fsS -o /dev/null ${2:+-H "$2"} "$1" 2>/dev/null; then return 0; fi
		sleep 0.5
	done
	log "not answering: $1"; return 1
}

# async-profiler's agent, from its Maven Central artifact (the library for this machine's architecture)
fetch_profiler() {
	local arch; arch=$(uname -m); [[ $arch == aarch64 ]] && arch=linux-arm64 || arch=linux-x64
	curl -fsSL -o "$WORK/async-profiler.jar" \
		"https://repo1.maven.org/maven2/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/async-profiler-$ASYNC_PROFILER_VERSION.jar"
	unzip -q -j -o "$WORK/async-profiler.jar" "$arch/libasyncProfiler.so" -d "$WORK"
}
profiler() { "$JAVA" "$HERE/Profiler.java" "$(gateway_pid "$PROFILE")" "$WORK/libasyncProfiler.so" "$1"; }

install_missing
[[ -z "$PROFILE" ]] || fetch_profiler
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# CPU pinning: the load generator and the servers under test never share a core.
CPUS=$(nproc)
if ((CPUS >= 4)); then
	LOAD_CPUS="0-$((CPUS / 2 - 1))"; SERVER_CPUS="$((CPUS / 2))-$((CPUS - 1))"
elif ((CPUS >= 2)); then
	LOAD_CPUS="0"; SERVER_CPUS="1-$((CPUS - 1))"
else
	LOAD_CPUS="0"; SERVER_CPUS="0"
fi
SERVER_CPU_COUNT=$(taskset -c "$SERVER_CPUS" nproc)
# REDIS_CPUS moves Redis off the servers' cores, as it would be in production (its own host), for A/B runs.
REDIS_CPUS=${REDIS_CPUS:-$SERVER_CPUS}
log "pinning: wrk on CPU $LOAD_CPUS; nginx, backend and gateway on CPU $SERVER_CPUS ($SERVER_CPU_COUNT cores shared by all servers); Redis on CPU $REDIS_CPUS"

# The gateway jar and its libraries (the backend runs on the same Reactor Netty).
# Not built here, so that an A/B run measures exactly the jars it is given.
JAR=${GATEWAY_JAR:-$ROOT/gateway/target/gateway.jar}
BARE_JAR=${BARE_JAR:-$ROOT/benchmarks/bare-gateway/target/bare-gateway.jar}
for jar in "$JAR" "$BARE_JAR"; do
	[[ -f "$jar" ]] || { log "no $jar: build it first with ./mvnw -B -q -pl gateway,benchmarks/bare-gateway -am package -DskipTests"; exit 1; }
done
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/gateway" >/dev/null
[[ -z "$COMPARE_JAR" || -f "$COMPARE_JAR" ]] || { log "no $COMPARE_JAR"; exit 1; }

BACKEND_PORT=$(free_port); NGINX_CONST_PORT=$(free_port); NGINX_PROXY_PORT=$(free_port)
REDIS_PORT=$(free_port); GATEWAY_PORT=$(free_port); GATEWAY_MANAGEMENT_PORT=$(free_port)
BARE_PORT=$(free_port); BARE_MANAGEMENT_PORT=$(free_port)
ISSUER="http://bench.issuer"

log "starting backend on $BACKEND_PORT"
# one event loop per core it gets, as the gateway sizes its own (Reactor Netty's default of 4 on one core made the
# backend slower than nginx in front of it)
taskset -c "$SERVER_CPUS" "$JAVA" -Dreactor.netty.ioWorkerCount="$SERVER_CPU_COUNT" -cp "$WORK/gateway/lib/*" "$HERE/Backend.java" "$BACKEND_PORT" "$WORK/token" "$ISSUER" \
	>"$WORK/backend.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$BACKEND_PORT/api/tasks/42"
TOKEN=$(cat "$WORK/token")

log "starting nginx on $NGINX_CONST_PORT (constant) and $NGINX_PROXY_PORT (proxy)"
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<NGINX
worker_processes $SERVER_CPU_COUNT;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy; fastcgi_temp_path $WORK/nginx/fastcgi;
	uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
	keepalive_requests 1000000;
	upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 128; }
	server {
		listen 127.0.0.1:$NGINX_CONST_PORT;
		location / { default_type application/json; return 200 '{"id":"42","title":"Benchmark task","done":false}'; }
	}
	server {
		listen 127.0.0.1:$NGINX_PROXY_PORT;
		location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
	}
}
NGINX
taskset -c "$SERVER_CPUS" "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx.conf" -e "$WORK/nginx/error.log"
wait_for "http://127.0.0.1:$NGINX_PROXY_PORT/api/tasks/42"

log "starting redis-server on $REDIS_PORT"
taskset -c "$REDIS_CPUS" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
	>"$WORK/redis.log" 2>&1 &
PIDS+=($!)

start_jar() { # jar port management-port log arguments...: every gateway, ours and the bare one, is started alike
	log "starting $(basename "$1") on $2"
	# shellcheck disable=SC2086 # word splitting of the option list is wanted
	taskset -c "$SERVER_CPUS" "$JAVA" ${GATEWAY_JAVA_OPTS:-} -jar "$1" --server.port="$2" --management.server.port="$3" \
		"${@:5}" >"$4" 2>&1 &
	PIDS+=($!)
}
start_gateway() { # jar port management-port log [more arguments]
	# shellcheck disable=SC2086 # word splitting of the argument list is wanted
	start_jar "$@" --spring.config.additional-location="file:$HERE/gateway-bench.yaml" \
		--spring.data.redis.port="$REDIS_PORT" --taskflow.security.issuer="$ISSUER" \
		--taskflow.services.auth="http://127.0.0.1:$BACKEND_PORT" --taskflow.services.task="http://127.0.0.1:$BACKEND_PORT" \
		${GATEWAY_ARGS:-}
}
start_jar "$BARE_JAR" "$BARE_PORT" "$BARE_MANAGEMENT_PORT" "$WORK/bare-gateway.log" --backend.uri="http://127.0.0.1:$BACKEND_PORT"
BARE_PID=${PIDS[-1]}
start_gateway "$JAR" "$GATEWAY_PORT" "$GATEWAY_MANAGEMENT_PORT" "$WORK/gateway.log"
GATEWAY_PID=${PIDS[-1]}
wait_for "http://127.0.0.1:$BARE_MANAGEMENT_PORT/actuator/health/readiness"
wait_for "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/actuator/health/readiness"
if [[ -n "$COMPARE_JAR" ]]; then
	COMPARE_PORT=$(free_port); COMPARE_MANAGEMENT_PORT=$(free_port)
	# shellcheck disable=SC2086 # word splitting of the argument list is wanted
	start_gateway "$COMPARE_JAR" "$COMPARE_PORT" "$COMPARE_MANAGEMENT_PORT" "$WORK/gateway-compare.log" ${COMPARE_ARGS:-}
	COMPARE_PID=${PIDS[-1]}
	wait_for "http://127.0.0.1:$COMPARE_MANAGEMENT_PORT/actuator/health/readiness"
fi

declare -A URL=(
	[L0]="http://127.0.0.1:$NGINX_CONST_PORT/api/tasks/42"
	[L1]="http://127.0.0.1:$BACKEND_PORT/api/tasks/42"
	[L2]="http://127.0.0.1:$NGINX_PROXY_PORT/api/tasks/42"
	[B]="http://127.0.0.1:$BARE_PORT/api/tasks/42"
	[L3]="http://127.0.0.1:$GATEWAY_PORT/bench/routing/42"
	[L4]="http://127.0.0.1:$GATEWAY_PORT/api/bench/jwt/42"
	[L5]="http://127.0.0.1:$GATEWAY_PORT/api/bench/limited/42"
	[L6]="http://127.0.0.1:$GATEWAY_PORT/api/bench/full/42"
)
declare -A HEADER=()
for level in "${LEVELS[@]}"; do HEADER[$level]="Authorization: Bearer $TOKEN"; done
HEADER[L3]="X-Bench-Unread: $TOKEN"
if [[ -n "$COMPARE_JAR" ]]; then
	for level in L3 L4 L5 L6; do URL[${level}x]=${URL[$level]/:$GATEWAY_PORT\//:$COMPARE_PORT/}; done
	HEADER[L3x]=${HEADER[L3]}
fi
for level in "${LEVELS[@]}"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "${HEADER[$level]}" "${URL[$level]}")
	[[ "$code" == 200 ]] || { log "$level answers $code, not 200: ${URL[$level]}"; exit 1; }
done

# What a level's gateway process spends: CPU ticks from /proc and, where it exports them, Micrometer's bytes allocated
# (counted at each young collection; many happen in one run).
gateway_pid() { case $1 in B) echo "$BARE_PID" ;; L[3-6]) echo "$GATEWAY_PID" ;; L[3-6]x) echo "$COMPARE_PID" ;; esac; }
gateway_management_port() { case $1 in L[3-6]) echo "$GATEWAY_MANAGEMENT_PORT" ;; L[3-6]x) echo "$COMPARE_MANAGEMENT_PORT" ;; esac; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
allocated_bytes() { # management-port
	[[ -n "$1" ]] || { echo nan; return; }
	curl -fsS "http://127.0.0.1:$1/actuator/prometheus" 2>/dev/null \
		| awk '/^jvm_gc_memory_allocated_bytes_total/ {print $2; found = 1} END {if (!found) print "nan"}'
}
TICKS_PER_SECOND=$(getconf CLK_TCK)

run_wrk() { # level connections duration
	local threads=$THREADS; (($2 < threads)) && threads=$2
	taskset -c "$LOAD_CPUS" wrk -t"$threads" -c"$2" -d"$3" --latency -H "${HEADER[$1]}" "${URL[$1]}"
}

log "warming up: $JIT_WARMUP per level, gateway levels (B too) twice"
for level in "${LEVELS[@]}" B L3 L4 L5 L6 L3x L4x L5x L6x; do
	[[ " ${LEVELS[*]} " == *" $level "* ]] || continue
	run_wrk "$level" "$CONNECTIONS" "$JIT_WARMUP" >/dev/null
done

if [[ -n "$PROFILE" ]]; then
	log "profiling the gateway ($PROFILE_EVENT) during $DURATION of $PROFILE, outside the measured rounds"
	profiler "start,event=$PROFILE_EVENT"
	run_wrk "$PROFILE" "$CONNECTIONS" "$DURATION" >/dev/null
	profiler "stop,file=$WORK/profile-$PROFILE-$PROFILE_EVENT.$PROFILE_FORMAT"
fi

# Other processes on the machine skew every figure: sample them (1 s of top) at each round and say so in the output.
ours() { { printf '%s\n' "${PIDS[@]}"; cat "$WORK/nginx.pid"; pgrep -P "$(cat "$WORK/nginx.pid")"; } 2>/dev/null; }
others_busy() {
	top -b -n 2 -d 1 -w 200 | awk -v ours=" $(ours | tr '\n' ' ') " '
		/^top -/ {iteration++} iteration == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 10 && index(ours, " " $1 " ") == 0 \
			&& $12 != "top" && $12 != "wrk" {printf "%s%s %s%% (pid %s)", sep, $12, $9, $1; sep = ", "}'
}
INTERFERENCE="$WORK/interference.txt"
: >"$INTERFERENCE"

RESULTS="$WORK/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
	busy=$(others_busy)
	if [[ -n "$busy" ]]; then
		log "round $round: other processes busy: $busy"
		echo "round $round: $busy" >>"$INTERFERENCE"
	fi
	for level in "${LEVELS[@]}"; do
		run_wrk "$level" "$CONNECTIONS" "$WARMUP" >/dev/null
		for mode in saturated light; do
			conns=$CONNECTIONS; [[ $mode == light ]] && conns=1
			pid=$(gateway_pid "$level"); port=$(gateway_management_port "$level")
			ticks_before=nan; bytes_before=nan
			[[ -n "$pid" ]] && { ticks_before=$(cpu_ticks "$pid"); bytes_before=$(allocated_bytes "$port"); }
			run_wrk "$level" "$conns" "$DURATION" >"$WORK/wrk-$round-$level-$mode.txt"
			ticks_after=nan; bytes_after=nan
			[[ -n "$pid" ]] && { ticks_after=$(cpu_ticks "$pid"); bytes_after=$(allocated_bytes "$port"); }
			python3 - "$round" "$level" "$mode" "$WORK/wrk-$round-$level-$mode.txt" "$TICKS_PER_SECOND" \
				"$ticks_before" "$ticks_after" "$bytes_before" "$bytes_after" >>"$RESULTS" <<'PY'
import re, sys
round_, level, mode, path, hz, t0, t1, b0, b1 = sys.argv[1:]
text = open(path).read()
def ms(v):
    n, unit = re.match(r'([\d.]+)(us|ms|s)', v).groups()
    return float(n) * {'us': 0.001, 'ms': 1, 's': 1000}[unit]
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
p50 = ms(re.search(r'\s50%\s+(\S+)', text).group(1))
p99 = ms(re.search(r'\s99%\s+(\S+)', text).group(1))
# answers other than 2xx/3xx, and connect/read/write errors and time-outs
errors = sum(int(n) for n in re.findall(r'Non-2xx or 3xx responses: (\d+)', text))
socket = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
errors += sum(int(n) for n in socket.groups()) if socket else 0
requests = int(re.search(r'(\d+) requests in', text).group(1))
cpu_us = (float(t1) - float(t0)) / float(hz) * 1e6 / requests
alloc_kb = (float(b1) - float(b0)) / 1024 / requests
print(f"{round_}\t{level}\t{mode}\t{rps}\t{p50}\t{p99}\t{errors}\t{cpu_us}\t{alloc_kb}")
PY
			log "round $round $level $mode: $(tail -1 "$RESULTS" | cut -f4-9)"
		done
	done
done

JAVA_VERSION=$("$JAVA" -version 2>&1 | head -1)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain -- gateway benchmarks 2>/dev/null | grep -q . && echo "+uncommitted" || true)
export JAVA_VERSION COMMIT DIRTY CPUS LOAD_CPUS SERVER_CPUS REDIS_CPUS SERVER_CPU_COUNT ROUNDS DURATION JIT_WARMUP CONNECTIONS
export LEVELS_LIST="${LEVELS[*]}" OPTS="${GATEWAY_JAVA_OPTS:-(none)}" ARGS="${GATEWAY_ARGS:-(none)}" JAR INTERFERENCE
export COMPARE_JAR COMPARE_ARGS="${COMPARE_ARGS:-}"
python3 - "$RESULTS" <<'PY'
import os, statistics, sys
from collections import defaultdict
e = os.environ
rows = defaultdict(list)
for line in open(sys.argv[1]):
    r, level, mode, rps, p50, p99, errors, cpu_us, alloc_kb = line.split('\t')
    rows[(level, mode)].append((float(rps), float(p50), float(p99), int(errors), float(cpu_us), float(alloc_kb)))
def stat(level, mode, i):
    return statistics.median(x[i] for x in rows[(level, mode)])
def cost(level, i, digits):
    value = stat(level, 'saturated', i)
    return '-' if value != value else f"{value:.{digits}f}"
names = {'L0': 'nginx constant', 'L1': 'backend direct', 'L2': 'nginx proxy', 'B': 'bare gateway', 'L3': 'gateway routing',
         'L4': '+ JWT', 'L5': '+ rate limit', 'L6': '+ breaker/retry'}
names.update({level + 'x': names[level] + ' (cmp)' for level in ('L3', 'L4', 'L5', 'L6')})
levels = e['LEVELS_LIST'].split()
width = max(20, max(len(level + ' ' + names[level]) + 1 for level in levels))
print()
print(f"TaskFlow gateway benchmark: commit {e['COMMIT']}{e['DIRTY']}, {e['JAVA_VERSION']}, {e['JAR']}")
print(f"CPU pinning (taskset): {e['CPUS']} CPUs; wrk on CPU {e['LOAD_CPUS']}; nginx, backend and gateway "
      f"together on CPU {e['SERVER_CPUS']} ({e['SERVER_CPU_COUNT']} core(s); each JVM sees that many processors); "
      f"Redis on CPU {e['REDIS_CPUS']}")
print(f"gateway JVM options: {e['OPTS']}; extra arguments: {e['ARGS']}")
if e['COMPARE_JAR']:
    print(f"L3x..L6x (cmp): the same levels on {e['COMPARE_JAR']} with extra arguments "
          f"'{e['COMPARE_ARGS'] or '(none)'}', measured right after their counterparts")
print(f"{e['ROUNDS']} interleaved rounds of {e['DURATION']} per level and mode, after {e['JIT_WARMUP']} JIT warm-up "
      f"per level; medians. saturated: {e['CONNECTIONS']} connections; light: 1 connection (below saturation)")
print()
print(f"{'level':<{width}}{'req/s':>9}{'xB':>7}{'xL1':>7}{'xL2':>7}{'p50 ms':>9}{'p99 ms':>9}"
      f"{'light p50':>11}{'light p99':>11}{'+p99 vs L1':>12}{'CPU us/req':>12}{'KB/req':>8}{'errors':>8}")
l1 = stat('L1', 'saturated', 0); l2 = stat('L2', 'saturated', 0); bare = stat('B', 'saturated', 0)
l1_light_p99 = stat('L1', 'light', 2)
for level in levels:
    rps = stat(level, 'saturated', 0)
    errors = sum(x[3] for mode in ('saturated', 'light') for x in rows[(level, mode)])
    print(f"{level + ' ' + names[level]:<{width}}{rps:>9.0f}{rps / bare:>7.2f}{rps / l1:>7.2f}{rps / l2:>7.2f}"
          f"{stat(level, 'saturated', 1):>9.2f}{stat(level, 'saturated', 2):>9.2f}"
          f"{stat(level, 'light', 1):>11.3f}{stat(level, 'light', 2):>11.3f}"
          f"{stat(level, 'light', 2) - l1_light_p99:>12.3f}{cost(level, 4, 0):>12}{cost(level, 5, 1):>8}{errors:>8}")
interference = open(e['INTERFERENCE']).read().strip()
if interference:
    print("\nWARNING: other processes were using the CPUs during this run (figures are pessimistic):")
    print("  " + interference.replace("\n", "\n  "))
if 'L6' in levels:
    l6 = stat('L6', 'saturated', 0)
    added = stat('L6', 'light', 2) - l1_light_p99
    verdict = lambda ok: 'met' if ok else 'NOT met'
    print()
    print(f"L6 costs {cost('L6', 4, 0)} us of CPU and {cost('L6', 5, 1)} KB allocated per request")
    print(f"goals: L6 >= 1.0 x B: {l6 / bare:.2f} ({verdict(l6 / bare >= 1.0)}); "
          f"light p99 added by L6 over L1 < 2 ms: {added:.3f} ms ({verdict(added < 2)})")
PY
[[ -z "$PROFILE" ]] || log "profile of the gateway under $PROFILE ($PROFILE_EVENT): $WORK/profile-$PROFILE-$PROFILE_EVENT.$PROFILE_FORMAT"
log "raw wrk output and logs: $WORK"
