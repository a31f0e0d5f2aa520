#!/usr/bin/env bash
# Runs a Kafka tool as the Kafka super user admin (SASL/SCRAM over the CLIENT listener) in a throwaway container of
# the kafka-init service, which has the secret kafka_admin_password. kafka/admin.sh writes /tmp/admin.properties in
# that container (never on this host); name it with the tool's config option:
#
#   ./kafka-admin.sh kafka-topics.sh --bootstrap-server kafka-1:9092 --command-config /tmp/admin.properties --list
#   ./kafka-admin.sh kafka-console-consumer.sh --bootstrap-server kafka-1:9092 --consumer.config /tmp/admin.properties \
#     --topic steady.homework.events.analytics-service.dlt --from-beginning --max-messages 20
#
# STEADY_COMPOSE names the compose command (default docker-compose; e.g. "docker compose").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
read -ra compose <<< "${STEADY_COMPOSE:-docker-compose}"
tty=()
[ -t 0 ] && [ -t 1 ] || tty=(-T)
exec "${compose[@]}" run --rm --no-deps "${tty[@]}" --entrypoint bash kafka-init /scripts/admin.sh "$@"
