#!/usr/bin/env bash
# One-shot (compose service kafka-init): creates Steady's topics with production settings, if missing.
# Event topics: one per producing service, keyed by client id, kept forever (projections are rebuilt by replaying
# them; erasure works by crypto-shredding and tombstones, not by deleting events). Key topics: one per producing
# service (steady.<service>.keys), its clients' event data keys wrapped by the master key, keyed by key id and
# compacted, so an erased client's key (tombstoned on erasure) leaves Kafka within about two hours (segment.ms +
# max.compaction.lag.ms, as the services' steady.keys.topic-segment and topic-max-compaction-lag); every service
# reads all four.
# Dead-letter topics: <topic>.<consumer group>.dlt for every topic a service reads (docs/events.md), kept 30 days.
# The same topics are declared for Kubernetes as Strimzi KafkaTopic resources (infra/k8s/base/kafka-topics).
# BOOTSTRAP_SERVERS is the brokers' internal listener (kafka-internal, no SASL); create-users.sh runs next.
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:?}"
partitions="${EVENT_PARTITIONS:-24}"
prefix="${TOPIC_PREFIX:-}"
topics="${KAFKA_BIN:-/opt/kafka/bin}/kafka-topics.sh"

create() { # name partitions configs...
  local name="$1" count="$2"
  shift 2
  local args=()
  for config in "$@"; do args+=(--config "$config"); done
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$count" --replication-factor 3 "${args[@]}"
}

event_config=(min.insync.replicas=2 retention.ms=-1 retention.bytes=-1 cleanup.policy=delete
              compression.type=zstd unclean.leader.election.enable=false max.message.bytes=1048588)
key_config=(min.insync.replicas=2 cleanup.policy=compact segment.ms=3600000 max.compaction.lag.ms=3600000
            min.cleanable.dirty.ratio=0.1 compression.type=zstd unclean.leader.election.enable=false)
dlt_config=(min.insync.replicas=2 retention.ms=2592000000 cleanup.policy=delete compression.type=zstd
            unclean.leader.election.enable=false)

for topic in goals homework reminders analytics; do
  create "${prefix}steady.${topic}.events" "$partitions" "${event_config[@]}"
  create "${prefix}steady.${topic}.keys" "$partitions" "${key_config[@]}"
done

# <topic>.<consumer group>.dlt; the groups are the services' names (steady.consumer.group).
for dlt in \
    steady.goals.events.goals-service steady.homework.events.goals-service \
    steady.reminders.events.goals-service steady.analytics.events.goals-service \
    steady.goals.events.homework-service \
    steady.goals.events.reminders-service steady.homework.events.reminders-service \
    steady.analytics.events.reminders-service \
    steady.goals.events.analytics-service steady.homework.events.analytics-service; do
  create "${prefix}${dlt}.dlt" 3 "${dlt_config[@]}"
done

"$topics" --bootstrap-server "$bootstrap" --list
echo "Steady's topics are in place."
