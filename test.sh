#!/usr/bin/env bash
# Installs and starts what the tests need (each only if missing), runs every test, stops what it
# started, and ends with the line "N passed, M failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RUN="$ROOT/.test-run"
mkdir -p "$RUN"
# shellcheck source=deploy/local/services.sh
. "$ROOT/deploy/local/services.sh"

log() { printf '\n== %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- dependencies -------------------------------------------------------------------------
apt_updated=0
apt_install() {
  local pkg=$1
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq >"$RUN/apt.log" 2>&1 || die "apt-get update failed (see $RUN/apt.log)"
    apt_updated=1
  fi
  log "installing $pkg from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >>"$RUN/apt.log" 2>&1 \
    || die "could not install '$pkg': run 'apt-get install $pkg' (see $RUN/apt.log)"
}

command -v dotnet >/dev/null || die "the .NET 10 SDK is missing: install it (dotnet on PATH)"
command -v node >/dev/null && command -v npm >/dev/null || die "Node.js and npm are missing: apt-get install nodejs npm"
command -v redis-server >/dev/null || apt_install redis-server
[ -x /usr/bin/chromium ] || apt_install chromium
for pkg in $(apertium_missing); do apt_install "$pkg"; done
if [ ! -f "$AZURITE_MAIN" ]; then
  log "installing azurite@$AZURITE_VERSION from npm"
  install_azurite >"$RUN/npm.log" 2>&1 || die "could not install azurite from npm (see $RUN/npm.log)"
fi

# --- servers ------------------------------------------------------------------------------
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  # Azurite frees its port on SIGTERM but can linger for a minute: make sure.
  sleep 1
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null; done
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

REDIS_PORT=$(free_port)
run_redis "$REDIS_PORT" >"$RUN/redis.log" 2>&1 &
PIDS+=($!)
wait_port "$REDIS_PORT" || die "redis-server did not start on 127.0.0.1:$REDIS_PORT"

AZURITE_PORT=$(free_port)
rm -rf "$RUN/azurite" && mkdir -p "$RUN/azurite"
run_azurite "$AZURITE_PORT" "$RUN/azurite" >"$RUN/azurite.log" 2>&1 &
PIDS+=($!)
wait_port "$AZURITE_PORT" || die "azurite did not start on 127.0.0.1:$AZURITE_PORT"

APERTIUM_PORT=$(free_port)
run_apertium "$APERTIUM_PORT" >"$RUN/apertium.log" 2>&1 &
PIDS+=($!)
wait_port "$APERTIUM_PORT" || die "apertium-apy did not start on 127.0.0.1:$APERTIUM_PORT (see $RUN/apertium.log)"

export BROADCART_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export BROADCART_TEST_APERTIUM="http://127.0.0.1:$APERTIUM_PORT"
export BROADCART_TEST_BLOB="$(azurite_connection_string "$AZURITE_PORT")"
export BROADCART_TEST_CHROMIUM=/usr/bin/chromium
export BROADCART_TEST_AZURITE_MAIN="$AZURITE_MAIN"

# --- tests --------------------------------------------------------------------------------
log "building"
dotnet build Broadcart.slnx -c Debug -nologo -v quiet >"$RUN/build.log" 2>&1 || { tail -40 "$RUN/build.log"; die "the build failed"; }

log "running every test (one test project at a time: two cores, and the cluster tests run six server processes)"
rm -rf "$RUN/results"
dotnet test Broadcart.slnx --no-build -nologo -m:1 --logger "trx" --logger "console;verbosity=normal" --results-directory "$RUN/results" 2>&1 | tee "$RUN/test.log" | grep -E '^\s+(Passed|Failed) Broadcart\.|^(Passed|Failed)!|Error Message|Total tests' 
test_rc=${PIPESTATUS[0]}

passed=0; failed=0; executed=0
for trx in "$RUN"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); executed=$((executed + ${e:-0}))
done
if [ "$failed" != 0 ]; then
  # The console filter above shows only the names: print each failure's message and stack, so
  # a CI log alone says what broke.
  log "what failed"
  awk '/^[[:space:]]+Failed Broadcart\./ {show=1; n=0} /^[[:space:]]+Passed Broadcart\./ || /^Total tests/ {show=0} show && n++ < 40' "$RUN/test.log"
fi
if [ "$test_rc" != 0 ] && [ "$failed" = 0 ]; then
  echo "dotnet test exited $test_rc without a failed test: counting the run as one failure (see $RUN/test.log)"
  failed=1
fi
log "the TypeScript client (clients/js): built with tsc, its tests under node's test runner against a real node"
if (cd clients/js && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build) >"$RUN/client-js-build.log" 2>&1; then
  (cd clients/js && node --test test/*.test.mjs) >"$RUN/client-js.log" 2>&1
  js_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$RUN/client-js.log"); js_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$RUN/client-js.log")
  grep -E '^(not )?ok [0-9]+ - ' "$RUN/client-js.log" | sed 's/^/  /'
  if [ -z "$js_pass" ]; then
    tail -30 "$RUN/client-js.log"; echo "  Failed clients/js: no test summary (see $RUN/client-js.log)"; js_pass=0; js_fail=1
  elif [ "${js_fail:-0}" != 0 ]; then
    grep -A20 '^not ok' "$RUN/client-js.log" | head -60
  fi
  passed=$((passed + js_pass)); failed=$((failed + ${js_fail:-0})); executed=$((executed + js_pass + ${js_fail:-0}))
else
  tail -30 "$RUN/client-js-build.log"
  echo "  Failed clients/js: npm ci or tsc failed (see $RUN/client-js-build.log)"
  failed=$((failed + 1))
fi

log "benchmark smoke run (tiny sizes, correctness only: every message delivered, oversell 0)"
if dotnet run --no-build --project bench/Broadcart.Bench -- all --smoke >"$RUN/bench-smoke.log" 2>&1; then
  echo "  Passed bench smoke"
  passed=$((passed + 1))
else
  tail -30 "$RUN/bench-smoke.log"
  echo "  Failed bench smoke (see $RUN/bench-smoke.log)"
  failed=$((failed + 1))
fi

if [ "$executed" = 0 ]; then
  echo "no test was executed"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
