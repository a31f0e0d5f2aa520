#!/usr/bin/env bash
# Makes the secret files the compose stack needs, where missing, in ${STEADY_SECRETS_DIR:-./secrets}: random
# passwords and keys, and the token-signing key pair: an RSA 3072 private key (jwt_signing_key.pem, 0600, read only
# by mint-token.sh and the token-minter service) and its public JWK set (jwks/jwks.json, which the jwks service
# serves to the services). Existing files are kept, so rerunning never rotates anything by accident. Needs openssl
# and python3. STEADY_SECRETS_DIR comes from the environment, else from .env.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dir="${STEADY_SECRETS_DIR:-}"
if [ -z "$dir" ] && [ -f .env ]; then
  dir="$(sed -n 's/^STEADY_SECRETS_DIR=//p' .env | tail -n 1)"   # read, not run, as docker-compose reads .env
fi
dir="${dir:-./secrets}"
command -v openssl >/dev/null || { echo "init-secrets.sh needs openssl" >&2; exit 1; }
command -v python3 >/dev/null || { echo "init-secrets.sh needs python3 (for the JWK set)" >&2; exit 1; }
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
# Kafka SCRAM-SHA-512 passwords (kafka-init sets them as the users' credentials): admin, a super user for operators
# (./kafka-admin.sh), and one per service, read only by kafka-init and that service
make kafka_admin_password            openssl rand -hex 24
make goals_kafka_password            openssl rand -hex 24
make homework_kafka_password         openssl rand -hex 24
make reminders_kafka_password        openssl rand -hex 24
make analytics_kafka_password        openssl rand -hex 24
# version:base64-of-32-bytes, the current version first; rotation prepends a new one (docs/operations.md)
make master_keys                     sh -c 'printf "v1:%s\n" "$(openssl rand -base64 32)"'
make goals_export_key                openssl rand -base64 32
make privacy_digest_key              openssl rand -base64 32
make grafana_admin_password          openssl rand -hex 16
if [ ! -s "$dir/alertmanager_webhook_url" ]; then
  echo "http://127.0.0.1:9/steady-alerts-not-configured" > "$dir/alertmanager_webhook_url"
  chmod 0644 "$dir/alertmanager_webhook_url"
  echo "created $dir/alertmanager_webhook_url (a placeholder: put your alert receiver's URL in it)"
fi

# Token signing (RS256). The private key stays 0600: only mint-token.sh on this host and the token-minter service
# read it. The JWK set is public and has a directory of its own, which the jwks service mounts (nothing else here).
key="$dir/jwt_signing_key.pem"
jwks="$dir/jwks/jwks.json"
if [ -s "$key" ]; then
  echo "kept    $key"
else
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$key" 2>/dev/null
  rm -f "$jwks"   # a new key pair: a JWK set left from another key would not verify its tokens
  echo "created $key"
fi
chmod 0600 "$key"
mkdir -p "$dir/jwks"
chmod 0755 "$dir/jwks"
if [ -s "$jwks" ]; then
  echo "kept    $jwks"
else
  modulus="$(openssl rsa -in "$key" -noout -modulus | sed 's/^Modulus=//')"
  exponent="$(openssl rsa -in "$key" -noout -text | sed -n 's/^publicExponent: [0-9]* (0x\([0-9a-fA-F]*\))$/\1/p')"
  # One RSA key: n and e in base64url without padding, kid its RFC 7638 thumbprint (mint-token.sh derives the same).
  python3 - "$modulus" "$exponent" > "$jwks.new" <<'JWKS'
import base64, hashlib, json, sys

def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

def unsigned(hex_digits):
    return bytes.fromhex(hex_digits if len(hex_digits) % 2 == 0 else "0" + hex_digits)

n, e = b64url(unsigned(sys.argv[1])), b64url(unsigned(sys.argv[2]))
thumbprint_input = json.dumps({"e": e, "kty": "RSA", "n": n}, separators=(",", ":"), sort_keys=True)
kid = b64url(hashlib.sha256(thumbprint_input.encode("ascii")).digest())
print(json.dumps({"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid, "n": n, "e": e}]}, indent=2))
JWKS
  chmod 0644 "$jwks.new"
  mv -f "$jwks.new" "$jwks"
  echo "created $jwks"
fi

echo "Back up master_keys apart from every database backup: without it no journal text and no sealed event field can be read."
if [ -s "$dir/homework_master_key" ]; then
  echo "homework_master_key (deprecated) is still here: journal keys stored before versioned master keys need it until"
  echo "  steady_homework_journal_keys_awaiting_rewrap is 0 (docker-compose.yml, homework-service); then delete it."
fi
echo "Keep privacy_digest_key for good: erased clients' tombstones are found with it (docs/operations.md)."
for unused in jwt_hmac_secret prometheus_bearer_token; do
  if [ -e "$dir/$unused" ]; then
    echo "$unused is no longer used (tokens are RS256, checked against jwks/jwks.json; the token-minter service"
    echo "  renews Prometheus' token): delete it."
  fi
done
