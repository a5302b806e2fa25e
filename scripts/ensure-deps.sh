#!/bin/sh
# Install the npm dependencies (including the Node.js 24 binary of the `node` package) when they
# are missing or older than package-lock.json, then compile the TypeScript sources into dist/.
set -eu
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "kinko: installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund
fi

# Compile when a source is newer than the last build; tsc is incremental through dist/.tsbuildinfo.
if [ ! -f dist/.tsbuildinfo ] || [ -n "$(find src test tsconfig.json package-lock.json -newer dist/.tsbuildinfo -print -quit)" ]; then
  node_modules/.bin/tsc -p tsconfig.json
  touch dist/.tsbuildinfo
fi
