#!/usr/bin/env bash
# Container health check without curl: succeeds when /actuator/health/readiness answers 200 (UP, or DEGRADED while
# Kafka is unreachable: the outbox keeps accepting writes). Kubernetes uses its own HTTP probes instead.
set -u
# Health is on the management port where one is set (the gateway), on the server port otherwise.
port="${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}}"
# Not listening yet (start-up): fail quietly, Docker's health log needs no "Connection refused" lines.
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || exit 1
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
case "$status" in
  "HTTP/1.1 200"*) exit 0 ;;
  *) exit 1 ;;
esac
