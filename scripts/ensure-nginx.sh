#!/usr/bin/env bash
# One browser test serves the built site with the production nginx configuration. Make sure nginx is there.
set -euo pipefail
server="${NGINX_PATH:-/usr/sbin/nginx}"
[ -x "$server" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "nginx is missing: installing Debian's nginx package for the production-server test…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The package would start a system nginx on port 80; the test runs its own, so keep it from starting
  # (policy-rc.d exit 101: "action forbidden"), unless the machine already has a policy of its own.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
  fi
  apt-get install -y -qq nginx >/dev/null
  [ -z "$policy" ] || rm -f "$policy"
  exit 0
fi
echo "The production-server test needs nginx at $server. Install it (Debian/Ubuntu: sudo apt-get install nginx)" >&2
echo "or point NGINX_PATH at an nginx binary." >&2
exit 1
