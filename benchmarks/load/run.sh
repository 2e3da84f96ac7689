#!/usr/bin/env bash
# Load benchmark: Kiln against raw Netty, same endpoints, same JVM flags, alternating A B over rounds.
# Bounded (wrk -d) and on 127.0.0.1 only. Usage: benchmarks/load/run.sh [rounds] [seconds] [http|db|ws]
# (db: TechEmpower's database tests against an embedded PostgreSQL both servers query;
#  ws: a WebSocket echo and a broadcast to 1,000 sockets, driven by WsLoad instead of wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
mvn -B -q -DskipTests install
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$PWD/benchmarks/target/classpath.txt"
exec python3 benchmarks/load/run.py "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "${1:-3}" "${2:-10}" "${3:-http}"
