#!/usr/bin/env bash
# Builds the four service images and the gateway image with infra/docker/Dockerfile from the executable jars.
#
#   ./mvnw -B -DskipTests package && infra/docker/build-images.sh [--push]
#
# STEADY_REGISTRY (default "steady") and STEADY_IMAGE_TAG (default: the Maven version, e.g. 0.1.0-SNAPSHOT) name
# the images: $STEADY_REGISTRY/<service>:$STEADY_IMAGE_TAG. Needs Docker with BuildKit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

registry="${STEADY_REGISTRY:-steady}"
tag="${STEADY_IMAGE_TAG:-$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 2 | tail -n 1)}"
push=false
[ "${1:-}" = "--push" ] && push=true

declare -A ports=([goals-service]=8081 [homework-service]=8082 [reminders-service]=8083 [analytics-service]=8084
                  [gateway]=8080)
for service in goals-service homework-service reminders-service analytics-service gateway; do
  jar="$service/target/$service-exec.jar"
  [ "$service" = gateway ] && jar="infra/gateway/target/steady-gateway-exec.jar"
  [ -f "$jar" ] || { echo "$jar is missing: run ./mvnw -B -DskipTests package first" >&2; exit 1; }
  image="$registry/$service:$tag"
  echo "Building $image ..."
  DOCKER_BUILDKIT=1 docker build -f infra/docker/Dockerfile \
    --build-arg SERVICE="$service" --build-arg SERVICE_PORT="${ports[$service]}" --build-arg JAR="$jar" -t "$image" .
  if $push; then
    docker push "$image"
  fi
done
