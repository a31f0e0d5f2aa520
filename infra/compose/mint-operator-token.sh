#!/usr/bin/env bash
# Prints an OPERATOR token (what /actuator/prometheus requires) for subject prometheus in tenant
# STEADY_OPERATOR_TENANT (default operations), valid HOURS (default 1, at most 24): the token the token-minter
# service keeps renewing for Prometheus, by hand (e.g. to try a scrape with curl). A thin wrapper of mint-token.sh.
#
#   ./mint-operator-token.sh [HOURS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
tenant="${STEADY_OPERATOR_TENANT:-}"
if [ -z "$tenant" ] && [ -f .env ]; then
  tenant="$(sed -n 's/^STEADY_OPERATOR_TENANT=//p' .env | tail -n 1)"
fi
[ $# -le 1 ] || { echo "usage: mint-operator-token.sh [HOURS]" >&2; exit 2; }
exec ./mint-token.sh OPERATOR "${tenant:-operations}" prometheus "${1:-1}"
