#!/usr/bin/env bash
# What `make build` needs besides Python and npm packages, installed when missing (root or sudo, Debian/Ubuntu apt):
# FriBiDi (libfribidi0), which Pillow's Raqm layout loads to draw the EPUB covers' Arabic titles (Pillow's wheels
# leave it to the system).
set -euo pipefail
if ! ldconfig -p 2>/dev/null | grep -q 'libfribidi\.so\.0'; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -q --no-install-recommends libfribidi0 >/dev/null
fi
