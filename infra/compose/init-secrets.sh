#!/usr/bin/env bash
# Makes the secret files the compose stack needs, where missing, in ${STEADY_SECRETS_DIR:-./secrets}: random
# passwords and keys, then an OPERATOR token for Prometheus (mint-operator-token.sh). Existing files are kept, so
# rerunning never rotates anything by accident. Needs openssl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
[ -f .env ] && set -a && . ./.env && set +a
dir="${STEADY_SECRETS_DIR:-./secrets}"
umask 077
mkdir -p "$dir"
chmod 0700 "$dir"

make() { # name command...
  local file="$dir/$1"
  shift
  if [ -s "$file" ]; then
    echo "kept    $file"
  else
    "$@" > "$file"
    echo "created $file"
  fi
  chmod 0644 "$file"   # the containers run as other users; the 0700 directory keeps others on this host out
}

make mongo_keyfile                   openssl rand -base64 756
make mongo_root_password             openssl rand -hex 24
make goals_mongodb_password          openssl rand -hex 24
make homework_mongodb_password       openssl rand -hex 24
make reminders_mongodb_password      openssl rand -hex 24
make analytics_mongodb_password      openssl rand -hex 24
make mongo_keys_keyfile              openssl rand -base64 756
make mongo_keys_root_password        openssl rand -hex 24
make goals_keys_mongodb_password     openssl rand -hex 24
make homework_keys_mongodb_password  openssl rand -hex 24
make reminders_keys_mongodb_password openssl rand -hex 24
make analytics_keys_mongodb_password openssl rand -hex 24
# version:base64-of-32-bytes, the current version first; rotation prepends a new one (docs/operations.md)
make master_keys                     sh -c 'printf "v1:%s\n" "$(openssl rand -base64 32)"'
make goals_export_key                openssl rand -base64 32
make privacy_digest_key              openssl rand -base64 32
make jwt_hmac_secret                 sh -c 'openssl rand -base64 48 | tr "+/" "-_" | tr -d "=\n"'
make grafana_admin_password          openssl rand -hex 16
if [ ! -s "$dir/alertmanager_webhook_url" ]; then
  echo "http://127.0.0.1:9/steady-alerts-not-configured" > "$dir/alertmanager_webhook_url"
  chmod 0644 "$dir/alertmanager_webhook_url"
  echo "created $dir/alertmanager_webhook_url (a placeholder: put your alert receiver's URL in it)"
fi
if [ ! -s "$dir/prometheus_bearer_token" ]; then
  ./mint-operator-token.sh > "$dir/prometheus_bearer_token"
  chmod 0644 "$dir/prometheus_bearer_token"
  echo "created $dir/prometheus_bearer_token"
fi
echo "Back up master_keys apart from every database backup: without it no journal text and no sealed event field can be read."
if [ -s "$dir/homework_master_key" ]; then
  echo "homework_master_key (deprecated) is still here: journal keys stored before versioned master keys need it until"
  echo "  steady_homework_journal_keys_awaiting_rewrap is 0 (docker-compose.yml, homework-service); then delete it."
fi
echo "Keep privacy_digest_key for good: erased clients' tombstones are found with it (docs/operations.md)."
