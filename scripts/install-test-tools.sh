#!/usr/bin/env bash
# npm test's set-up (its pretest script): the end-to-end tests open the HTML report in Debian's
# Chromium (/usr/bin/chromium, driven by Playwright; never a browser download) and paste the
# report's curl commands into bash (curl). When either is missing, it is installed with apt-get
# (as root, or through sudo), saying so first; when that cannot be done, one sentence says what
# to install by hand.
set -uo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ "${#missing[@]}" -eq 0 ] && exit 0

fail() {
  echo "npm test needs Debian's ${missing[*]} and $1; install them (apt-get install -y ${missing[*]}) and run npm test again." >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "this machine has no apt-get"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); else
    fail "this user cannot install them (not root, no sudo without a password)"
  fi
fi

echo "npm test: installing ${missing[*]} with apt-get (the end-to-end tests open the report in Chromium and run its curl commands)"
"${as_root[@]}" apt-get update -qq >/dev/null || fail "apt-get update failed"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
  fail "apt-get install failed"
echo "npm test: installed ${missing[*]}"
