#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started (the pids it recorded), API nodes first.
set -uo pipefail
cd "$(dirname "$0")/../.."
STATE=${BROADCART_LOCAL_STATE:-"$(pwd)/.local-cluster"}
[ -f "$STATE/pids" ] || { echo "no local cluster is running"; exit 0; }
tac "$STATE/pids" | while read -r pid name; do
  kill -TERM "$pid" 2>/dev/null && echo "stopping $name ($pid)"
done
sleep 3
# Azurite frees its port on SIGTERM but can linger; nothing recorded may outlive down.sh.
while read -r pid name; do kill -KILL "$pid" 2>/dev/null; done <"$STATE/pids"
# Return only once they are gone (a zombie counts: it holds no port and its parent is not ours).
alive() { local stat; stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; [ "$(sed 's/.*) //' <<<"$stat" | cut -d' ' -f1)" != Z ]; }
while read -r pid name; do
  for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" && echo "$name ($pid) did not stop" >&2
done <"$STATE/pids"
rm -f "$STATE/pids"
echo "stopped"
