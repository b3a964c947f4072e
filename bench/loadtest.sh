#!/usr/bin/env bash
# Runs the WebSocket load generator; every argument is passed through (try --help).
# All clients come from this machine's one address, and the server caps the lobbies one address may
# create (--max-lobbies-per-address, default 4): start the server with a cap of at least --lobbies, e.g.
#   java -jar server/target/jet-raiders-server.jar --max-lobbies-per-address 64 &
# Builds bench/target/benchmarks.jar first if it is missing or older than the sources.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"

needs_build() {
  [[ ! -f "$jar" ]] && return 0
  # bench depends on engine and server (the binary protocol's client decoder and encoders)
  [[ -n "$(find "$here/src/main" "$here/pom.xml" "$root/pom.xml" "$root/engine/src/main" "$root/engine/pom.xml" \
      "$root/server/src/main" "$root/server/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

if needs_build; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -q -B -pl bench -am package -DskipTests) >&2
fi

exec java ${LOADTEST_JAVA_OPTS:-} -cp "$jar" org.jetraiders.bench.load.LoadTest "$@"
