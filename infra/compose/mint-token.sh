#!/usr/bin/env bash
# Prints a bearer token for the compose stack: RS256, signed with the stack's private key
# (${STEADY_SECRETS_DIR:-./secrets}/jwt_signing_key.pem), whose public key must be in the JWK set the services verify
# against (jwks/jwks.json beside it, served by the jwks service); init-secrets.sh makes both. The header names the
# key (kid: its RFC 7638 thumbprint, as in jwks.json). Claims: iss (STEADY_JWT_ISSUER, default steady-compose), aud
# (STEADY_JWT_AUDIENCE, default steady), sub, tenant, role, iat, exp. HOURS: 1 unless given, at most 24 (the services
# refuse any token that lives longer, operators' included: steady.security.jwt.max-lifetime).
#
#   ./mint-token.sh ROLE TENANT SUBJECT [HOURS]     ROLE: CLIENT, THERAPIST, ADMIN or OPERATOR
#   ./mint-token.sh ADMIN acme admin-1 8
#
# For operators of this stack and its token-minter service (Prometheus' token); people's tokens come from your
# identity provider. Needs bash and openssl. Variables are read from the environment, else from .env (not run, as
# docker-compose reads it); STEADY_JWT_SIGNING_KEY_PATH and STEADY_JWKS_PATH override where the two files are.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

fail() { echo "mint-token.sh: $*" >&2; exit 2; }
setting() { # NAME DEFAULT: NAME from the environment, else from .env, else DEFAULT
  local value="${!1:-}"
  if [ -z "$value" ] && [ -f .env ]; then
    value="$(sed -n "s/^$1=//p" .env | tail -n 1)"
  fi
  printf '%s' "${value:-$2}"
}

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  fail "usage: mint-token.sh ROLE TENANT SUBJECT [HOURS]  (ROLE: CLIENT|THERAPIST|ADMIN|OPERATOR; HOURS: 1-24, default 1)"
fi
role="$1" tenant="$2" subject="$3" hours="${4:-1}"
case "$role" in
  CLIENT | THERAPIST | ADMIN | OPERATOR) ;;
  *) fail "ROLE must be CLIENT, THERAPIST, ADMIN or OPERATOR, not '$role'" ;;
esac
for value in "$tenant" "$subject"; do
  [[ "$value" =~ ^[A-Za-z0-9._@:+-]+$ ]] || fail "TENANT and SUBJECT take letters, digits and . _ @ : + - only, not '$value'"
done
[[ "$hours" =~ ^([1-9]|1[0-9]|2[0-4])$ ]] \
  || fail "HOURS must be a whole number from 1 to 24, not '$hours': the services refuse tokens that live longer than 24 h"

secrets_dir="$(setting STEADY_SECRETS_DIR ./secrets)"
key="${STEADY_JWT_SIGNING_KEY_PATH:-$secrets_dir/jwt_signing_key.pem}"
jwks="${STEADY_JWKS_PATH:-$secrets_dir/jwks/jwks.json}"
[ -s "$key" ] || fail "$key is missing (run ./init-secrets.sh)"
[ -s "$jwks" ] || fail "$jwks is missing (run ./init-secrets.sh)"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
hex_b64url() { # big-endian hex -> base64url of its bytes
  local hex="$1"
  [ $((${#hex} % 2)) -eq 0 ] || hex="0$hex"
  printf '%b' "$(printf '%s' "$hex" | sed 's/../\\x&/g')" | b64url
}

# The public key as in the JWK set, and its kid; the services would answer 401 to a key they do not publish.
n="$(hex_b64url "$(openssl rsa -in "$key" -noout -modulus | sed 's/^Modulus=//')")"
e="$(hex_b64url "$(openssl rsa -in "$key" -noout -text | sed -n 's/^publicExponent: [0-9]* (0x\([0-9a-fA-F]*\))$/\1/p')")"
[ -n "$n" ] && [ -n "$e" ] || fail "$key is not an RSA private key"
kid="$(printf '{"e":"%s","kty":"RSA","n":"%s"}' "$e" "$n" | openssl dgst -sha256 -binary | b64url)"
grep -qF "$n" "$jwks" && grep -qF "$kid" "$jwks" \
  || fail "the public key of $key (kid $kid) is not in $jwks: the services would refuse the token"

now="$(date +%s)"
exp=$((now + hours * 3600))
header="$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$kid")"
claims="$(printf '{"iss":"%s","aud":"%s","sub":"%s","tenant":"%s","role":"%s","iat":%d,"exp":%d}' \
  "$(setting STEADY_JWT_ISSUER steady-compose)" "$(setting STEADY_JWT_AUDIENCE steady)" "$subject" "$tenant" "$role" \
  "$now" "$exp")"
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
signature="$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" -binary | b64url)"   # RSASSA-PKCS1-v1_5
printf '%s.%s\n' "$unsigned" "$signature"
