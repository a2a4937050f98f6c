#!/usr/bin/env bash
# Installs what SenseQuant needs from Debian's packages and PyPI. Idempotent: when everything
# is present it only checks, in well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTGBM_VERSION="4.6.0"
# chromium renders the HTML report in a test (headless), to catch a blank or broken page.
# postgresql: the shared ledger's tests start a throwaway server (initdb, pg_ctl) of their own;
# the package's own cluster is not used (a container has no init to start it anyway).
APT_PACKAGES=(zlib1g-dev libdeflate-dev libsqlite3-dev libgomp1 python3-pip chromium postgresql)
PYTHON="${PYTHON:-python3}"

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# python3-pip is only needed when the interpreter has no pip of its own.
if "$PYTHON" -m pip --version >/dev/null 2>&1; then
  missing=("${missing[@]/python3-pip/}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# importlib.metadata reads the version without importing lightgbm (and numpy, scipy...).
installed=$("$PYTHON" -c 'import importlib.metadata as m; print(m.version("lightgbm"))' 2>/dev/null || true)
if [ "$installed" != "$LIGHTGBM_VERSION" ]; then
  echo "setup: installing lightgbm==$LIGHTGBM_VERSION from PyPI (found: ${installed:-none})"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check "lightgbm==$LIGHTGBM_VERSION"
fi

# The project's own install location, searched by the LightGBM loader after $LIGHTGBM_LIB.
lib=$("$PYTHON" -c 'import importlib.util as u, os; print(os.path.join(u.find_spec("lightgbm").submodule_search_locations[0], "lib", "lib_lightgbm.so"))')
if [ ! -f "$lib" ]; then
  echo "setup: lightgbm $LIGHTGBM_VERSION is installed but $lib is missing" >&2
  exit 1
fi
mkdir -p .deps/lib
if [ "$(readlink .deps/lib/lib_lightgbm.so 2>/dev/null)" != "$lib" ]; then
  ln -sfn "$lib" .deps/lib/lib_lightgbm.so
  echo "setup: .deps/lib/lib_lightgbm.so -> $lib"
fi
