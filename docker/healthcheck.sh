#!/usr/bin/env bash
# Container health check for a TaskFlow service: succeeds only when the service's readiness group answers
# HTTP 200. Uses bash's /dev/tcp because the JRE base image is not guaranteed to carry curl or wget.
# Port: the management port (MANAGEMENT_SERVER_PORT, else SERVER_PORT) if set, else the service's fixed default from
# docs/contracts.md (the gateway keeps probes on a management port of its own).
set -euo pipefail

case "${TASKFLOW_SERVICE:-}" in
  gateway) default_port=9080 ;;
  auth-service) default_port=9000 ;;
  user-service) default_port=8081 ;;
  task-service) default_port=8082 ;;
  notification-service) default_port=8083 ;;
  *) default_port=8080 ;;
esac
port="${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-$default_port}}"
path="${1:-/actuator/health/readiness}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 4 status <&3
[[ "$status" =~ ^HTTP/1\.[01]\ 200 ]]
