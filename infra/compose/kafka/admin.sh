#!/usr/bin/env bash
# Runs one Kafka tool as the super user admin, over SASL/SCRAM-SHA-512 on the CLIENT listener (kafka-N:9092), in a
# throwaway container of kafka-init (../kafka-admin.sh starts it). Writes /tmp/admin.properties (0600, inside that
# container only) from the secret kafka_admin_password, then runs the tool with the arguments given. Name the file
# yourself: --command-config /tmp/admin.properties (kafka-topics, kafka-acls, kafka-configs, kafka-consumer-groups),
# --consumer.config /tmp/admin.properties (kafka-console-consumer), --producer.config (kafka-console-producer).
set -euo pipefail
tool="${1:-}"
if [[ ! "$tool" =~ ^kafka-[a-z-]+\.sh$ ]]; then
  echo "usage: kafka-admin.sh kafka-<tool>.sh <arguments>   (e.g. kafka-topics.sh --bootstrap-server kafka-1:9092" >&2
  echo "       --command-config /tmp/admin.properties --list)" >&2
  exit 2
fi
shift
secret="${SECRETS_DIR:-/run/secrets}/kafka_admin_password"
[ -s "$secret" ] || { echo "admin.sh: $secret is missing (run init-secrets.sh)" >&2; exit 1; }
umask 077
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(tr -d '\r\n' < "$secret")";
PROPERTIES
exec "${KAFKA_BIN:-/opt/kafka/bin}/$tool" "$@"
