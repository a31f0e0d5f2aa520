#!/usr/bin/env bash
# Entrypoint of every Steady image: turns secret files into environment variables, then starts the service with
# the container-sized JVM options. For each STEADY_*, SPRING_*, MONGODB_* or KAFKA_* variable ending in _FILE,
# the variable without the suffix is exported with the file's content (trailing newlines removed), e.g.
#   STEADY_MASTER_KEYS_FILE=/run/secrets/master_keys                  ->  STEADY_MASTER_KEYS=<content>
#   MONGODB_PASSWORD_FILE=/run/secrets/goals_mongodb_password         ->  MONGODB_PASSWORD=<content>
# (a MONGODB_URI may then contain the Spring placeholder ${MONGODB_PASSWORD}).
# STEADY_APP_DIR (default /app, the image's layers) is the exploded application the JVM starts from; tests point it
# at a directory they extracted themselves (infra/e2e ContainerImageLayoutE2E).
set -euo pipefail

for file_var in $(compgen -e); do
  case "$file_var" in
    STEADY_*_FILE | SPRING_*_FILE | MONGODB_*_FILE | KAFKA_*_FILE) ;;
    *) continue ;;
  esac
  var="${file_var%_FILE}"
  path="${!file_var}"
  if [ -n "${!var:-}" ]; then
    echo "steady-entrypoint: both $var and $file_var are set; set only one" >&2
    exit 64
  fi
  if [ ! -f "$path" ] || [ ! -r "$path" ]; then
    echo "steady-entrypoint: $file_var=$path is not a readable file (missing secret?)" >&2
    exit 66
  fi
  value="$(cat -- "$path")"
  export "$var=$value"
  unset "$file_var"
done

# shellcheck disable=SC2086 # JAVA_OPTS and JAVA_OPTS_APPEND are lists of options
exec java ${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-} -cp "${STEADY_APP_DIR:-/app}" \
  org.springframework.boot.loader.launch.JarLauncher "$@"
