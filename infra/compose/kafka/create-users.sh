#!/usr/bin/env bash
# One-shot (compose service kafka-init, after create-topics.sh): Kafka's SCRAM-SHA-512 users and the services' ACLs.
# Users: admin (a super user: operators, ./kafka-admin.sh) and one per service, named like the service, each with
# the password in its secret file (kafka_admin_password, <short name>_kafka_password; init-secrets.sh makes them).
# Setting a user again sets its password again: rerunning kafka-init after changing a file rotates that password
# (then restart the service, which logs in with the new one).
# ACLs: the rules of production's KafkaUsers (infra/k8s/base/kafka-users/users.yaml; change both together), for the
# topic prefix of this deployment (TOPIC_PREFIX, steady.events.topic-prefix of the services):
#   - its event topic steady.<short>.events and key topic steady.<short>.keys: Write, Describe (one writer per topic)
#   - the event topics it consumes, and all four key topics: Read, Describe
#   - its dead-letter topics <consumed topic>.<service>.dlt (create-topics.sh makes them): Write, Describe
#   - its outbox relay's transactional id steady-outbox-<service> (prefixed too): Write, Describe
#   - its consumer group <service> (not prefixed): Read, Describe; the cluster: Describe
# Nothing else is allowed (allow.everyone.if.no.acl.found=false). ACLs of earlier versions that these rules no longer
# grant are not removed: kafka-acls.sh --remove (docs/operations.md).
# It runs over the brokers' internal listener (BOOTSTRAP_SERVERS, User:ANONYMOUS, a super user there), since no
# SCRAM user exists before it; then it checks that admin can log in over CLIENT (CLIENT_BOOTSTRAP_SERVERS).
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:?}"
client_bootstrap="${CLIENT_BOOTSTRAP_SERVERS:?}"
prefix="${TOPIC_PREFIX:-}"
secrets="${SECRETS_DIR:-/run/secrets}"
bin="${KAFKA_BIN:-/opt/kafka/bin}"
umask 077
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

services=(goals-service homework-service reminders-service analytics-service)
# The event topics each service consumes (its binding steadyEvents-in-0), by short name.
declare -A consumes=(
  [goals-service]="goals homework reminders analytics"
  [homework-service]="goals"
  [reminders-service]="goals homework analytics"
  [analytics-service]="goals homework"
)

password() { # secret file -> its value (URL-safe: it goes into JAAS configs and URIs unquoted)
  local file="$secrets/$1" value
  if [ ! -s "$file" ]; then
    echo "create-users.sh: $file is missing or empty (run init-secrets.sh)" >&2
    return 1
  fi
  value="$(tr -d '\r\n' < "$file")"
  if [[ ! "$value" =~ ^[A-Za-z0-9._~-]+$ ]]; then
    echo "create-users.sh: $file must hold a URL-safe password (e.g. hex)" >&2
    return 1
  fi
  printf '%s' "$value"
}

scram_user() { # name secret-file
  local secret
  secret="$(password "$2")"
  # From a file, not the command line: other users of the host could read a command line (ps). In the file form
  # the value has no brackets (--add-config 'SCRAM-SHA-512=[password=...]' strips them; a file is read as is).
  printf 'SCRAM-SHA-512=password=%s\n' "$secret" > "$work/scram.properties"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$1" \
    --add-config-file "$work/scram.properties"
  rm -f "$work/scram.properties"
}

allow() { # principal operations(comma-separated) resource-options...
  local principal="$1" operations="$2"
  shift 2
  local args=()
  IFS=, read -ra ops <<< "$operations"
  for op in "${ops[@]}"; do args+=(--operation "$op"); done
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$principal" --allow-host '*' \
    "${args[@]}" "$@" >/dev/null
}

scram_user admin kafka_admin_password
echo "SCRAM user admin is set."

for service in "${services[@]}"; do
  short="${service%-service}"
  scram_user "$service" "${short}_kafka_password"

  writes=(--topic "${prefix}steady.${short}.events" --topic "${prefix}steady.${short}.keys")
  reads=()
  for topic in ${consumes[$service]}; do
    reads+=(--topic "${prefix}steady.${topic}.events")
    writes+=(--topic "${prefix}steady.${topic}.events.${service}.dlt")
  done
  for topic in goals homework reminders analytics; do
    reads+=(--topic "${prefix}steady.${topic}.keys")
  done
  # Write/Describe apply to topics and transactional ids alike, Read/Describe to topics and groups alike.
  allow "$service" Write,Describe "${writes[@]}" --transactional-id "${prefix}steady-outbox-${service}"
  allow "$service" Read,Describe "${reads[@]}" --group "$service"
  allow "$service" Describe --cluster
  echo "SCRAM user $service is set, with its ACLs."
done

# admin over CLIENT, as the services log in: SCRAM reaches the brokers through the metadata log within moments.
cat > "$work/admin.properties" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(password kafka_admin_password)";
EOF
for attempt in 1 2 3 4 5 6; do
  if "$bin/kafka-topics.sh" --bootstrap-server "$client_bootstrap" --command-config "$work/admin.properties" \
      --list >/dev/null; then
    echo "admin logs in over SASL/SCRAM-SHA-512. Kafka's users and ACLs are in place."
    exit 0
  fi
  echo "admin could not log in over CLIENT yet (attempt $attempt); retrying in 5 s" >&2
  sleep 5
done
echo "create-users.sh: admin cannot log in over CLIENT ($client_bootstrap)" >&2
exit 1
