#!/bin/sh
# Install Debian's chromium for the browser test of evidence.html (test/e2e/evidence-browser.test.ts).
# Needs root and the Debian package mirror; without chromium that test is skipped with a message.
set -eu
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "kinko: chromium is not installed; run as root: apt-get install -y chromium" >&2
  exit 1
fi
apt-get update
apt-get install -y --no-install-recommends chromium
