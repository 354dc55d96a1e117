# Sourced by ./test.sh and deploy/local/up.sh (after setting ROOT to the repository): Redis,
# Azurite and Apertium's APY translation server on 127.0.0.1 the same way for both. The tests' C# harness has its own copy of these
# settings in tests/Broadcart.Testing (Azurite.cs, Topology.cs).

AZURITE_VERSION=3.37.0
AZURITE_MAIN="$ROOT/.tools/azurite/node_modules/azurite/dist/src/blob/main.js"

install_azurite() { # installs azurite@$AZURITE_VERSION into .tools when it is missing
  [ -f "$AZURITE_MAIN" ] || npm install --prefix "$ROOT/.tools/azurite" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION"
}

# The full form with BlobEndpoint= (the short UseDevelopmentStorage form assumes port 10000), with
# Azurite's well-known development account: public, the same in every Azurite.
azurite_connection_string() { # port
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==' "$1"
}

# Both exec, so that a caller that starts one with & holds the server's own pid.
run_redis() { # port: in memory only, nothing written to disk
  exec redis-server --bind 127.0.0.1 --port "$1" --save '' --appendonly no
}
run_azurite() { # port, folder for its data
  exec node "$AZURITE_MAIN" --blobHost 127.0.0.1 --blobPort "$1" --location "$2" --skipApiVersionCheck --silent
}

# Apertium from Debian's packages: the APY HTTP server and the pairs chat translation is tested
# with (English to and from Spanish and Catalan). APY loads every pair under its modes folder.
APERTIUM_PACKAGES="apertium-apy apertium-eng-spa apertium-eng-cat"
APERTIUM_MODES=/usr/share/apertium/modes
apertium_missing() { # prints the packages of $APERTIUM_PACKAGES that are not installed
  for pkg in $APERTIUM_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$pkg"
  done
}
run_apertium() { # port: one process, pipelines started on first use and kept
  exec apertium-apy -p "$1" -j 1 "$APERTIUM_MODES"
}

wait_port() { # port: true once something accepts connections on it (within 30 s)
  for _ in $(seq 1 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}
