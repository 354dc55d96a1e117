#!/usr/bin/env bash
# The production topology on one machine, as plain processes: Redis, Azurite, Apertium's APY
# (chat translation), two silos and two API nodes on 127.0.0.1. Installs Redis and Apertium
# (Debian) and Azurite (npm) when missing, waits until
# every API node is ready, prints the URLs. deploy/local/down.sh stops exactly what this started.
# Ports, the state folder and the build are settings (defaults below), so that a test can run it
# beside other servers: REDIS_PORT, AZURITE_PORT, APERTIUM_PORT, SILO_PORTS, GATEWAY_PORTS, API_PORTS ("a b"),
# BROADCART_LOCAL_STATE, CONFIGURATION (Release), NO_BUILD=1 to use what is built already.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
STATE=${BROADCART_LOCAL_STATE:-"$ROOT/.local-cluster"}
CONFIGURATION=${CONFIGURATION:-Release}
# shellcheck source=deploy/local/services.sh
. "$ROOT/deploy/local/services.sh"
if [ -f "$STATE/pids" ]; then
  echo "a local cluster is already running (see $STATE); run deploy/local/down.sh first" >&2
  exit 1
fi
mkdir -p "$STATE"

REDIS_PORT=${REDIS_PORT:-6390}
AZURITE_PORT=${AZURITE_PORT:-10010}
APERTIUM_PORT=${APERTIUM_PORT:-2737}
read -r -a SILO_PORTS <<<"${SILO_PORTS:-11121 11122}"
read -r -a GATEWAY_PORTS <<<"${GATEWAY_PORTS:-30011 30012}"
read -r -a API_PORTS <<<"${API_PORTS:-5081 5082}"
SIGNING_KEY=${SIGNING_KEY:-$(head -c 48 /dev/urandom | base64 | tr -d '\n')}
CLUSTER_ID=local

command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; }
missing=$(apertium_missing)
[ -z "$missing" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; }
install_azurite

if [ "${NO_BUILD:-0}" != 1 ]; then
  echo "building"
  { dotnet build src/Silo -c "$CONFIGURATION" -nologo -v quiet && dotnet build src/Api -c "$CONFIGURATION" -nologo -v quiet; } >"$STATE/build.log" \
    || { tail -20 "$STATE/build.log"; exit 1; }
fi

start() { # name, command...
  local name=$1; shift
  "$@" >"$STATE/$name.log" 2>&1 &
  echo "$! $name" >>"$STATE/pids"
}
listening() { wait_port "$1" || { echo "$2 did not open port $1" >&2; exit 1; }; }

start redis run_redis "$REDIS_PORT"
mkdir -p "$STATE/azurite"
start azurite run_azurite "$AZURITE_PORT" "$STATE/azurite"
start apertium run_apertium "$APERTIUM_PORT"
listening "$REDIS_PORT" redis; listening "$AZURITE_PORT" azurite; listening "$APERTIUM_PORT" apertium

export Orleans__ClusterId=$CLUSTER_ID Orleans__ServiceId=broadcart
export Orleans__Membership=Redis Orleans__ReminderStore=Redis Orleans__StateStore=Blob Orleans__AdvertisedAddress=127.0.0.1
export Redis__Configuration="127.0.0.1:$REDIS_PORT"
export Translation__Provider=apertium Translation__ApertiumUrl="http://127.0.0.1:$APERTIUM_PORT"
Blob__ConnectionString=$(azurite_connection_string "$AZURITE_PORT")
export Blob__ConnectionString
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production

for i in 0 1; do
  Orleans__SiloPort=${SILO_PORTS[$i]} Orleans__GatewayPort=${GATEWAY_PORTS[$i]} \
    start "silo$((i+1))" dotnet "src/Silo/bin/$CONFIGURATION/net10.0/Broadcart.Silo.dll"
done
for i in 0 1; do
  Orleans__Mode=Client Auth__SigningKey="$SIGNING_KEY" Auth__DevTokens=${DEV_TOKENS:-true} \
    Payments__WebhookSecret=${WEBHOOK_SECRET:-local-webhook-secret} ASPNETCORE_URLS="http://127.0.0.1:${API_PORTS[$i]}" \
    start "api$((i+1))" dotnet "src/Api/bin/$CONFIGURATION/net10.0/Broadcart.Api.dll" --contentRoot "$ROOT/src/Api"
done

for port in "${API_PORTS[@]}"; do
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "API on $port is not ready; logs in $STATE" >&2; exit 1; }
done

cat <<MSG
Broadcart local cluster is up (logs and pids in $STATE):
  API node 1:   http://127.0.0.1:${API_PORTS[0]}/   (streamer.html, viewer.html, merchant.html, /scalar/v1)
  API node 2:   http://127.0.0.1:${API_PORTS[1]}/
  Admin:        http://127.0.0.1:${API_PORTS[0]}/admin.html   (the Orleans dashboard, for admins)
  Silos:        127.0.0.1:${SILO_PORTS[0]}, 127.0.0.1:${SILO_PORTS[1]} (gateways ${GATEWAY_PORTS[0]}, ${GATEWAY_PORTS[1]})
  Redis:        127.0.0.1:$REDIS_PORT      Azurite blob: http://127.0.0.1:$AZURITE_PORT      Apertium APY: http://127.0.0.1:$APERTIUM_PORT
Stop it with deploy/local/down.sh
MSG
