#!/usr/bin/env bash
# Prints an HS256 bearer token with role OPERATOR (what /actuator/prometheus requires), signed with the compose
# stack's jwt_hmac_secret, valid for DAYS (default 365). For the Prometheus scraper of this stack only; with an
# identity provider (STEADY_JWT_JWK_SET_URI set) issue the scraper's token there instead.
#
#   ./mint-operator-token.sh [DAYS] > secrets/prometheus_bearer_token
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
[ -f .env ] && set -a && . ./.env && set +a
secret_file="${STEADY_SECRETS_DIR:-./secrets}/jwt_hmac_secret"
[ -s "$secret_file" ] || { echo "$secret_file is missing (run ./init-secrets.sh)" >&2; exit 1; }
days="${1:-365}"
now="$(date +%s)"
exp=$((now + days * 86400))

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header='{"alg":"HS256","typ":"JWT"}'
claims="$(printf '{"iss":"%s","aud":"%s","sub":"prometheus","tenant":"%s","role":"OPERATOR","iat":%d,"exp":%d}' \
  "${STEADY_JWT_ISSUER:-steady-compose}" "${STEADY_JWT_AUDIENCE:-steady}" "${STEADY_OPERATOR_TENANT:-operations}" "$now" "$exp")"
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
# The services use the secret's UTF-8 bytes as the HMAC key (not base64-decoded).
signature="$(printf '%s' "$unsigned" | openssl dgst -sha256 -hmac "$(tr -d '\n' < "$secret_file")" -binary | b64url)"
printf '%s.%s\n' "$unsigned" "$signature"
