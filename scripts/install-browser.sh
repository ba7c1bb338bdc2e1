#!/usr/bin/env bash
# The tests drive Debian's chromium-headless-shell (it makes no calls to outside hosts).
# Installed here when missing; test tools never download a browser of their own.
set -euo pipefail
BROWSER=/usr/lib/chromium/chromium-headless-shell
if [ -x "$BROWSER" ]; then exit 0; fi
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -q --no-install-recommends chromium-headless-shell fonts-noto-core >/dev/null
"$BROWSER" --version
