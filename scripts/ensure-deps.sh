#!/bin/sh
# Install the npm dependencies (including the Node.js 24 binary of the `node` package) when they
# are missing or older than package-lock.json, then compile the TypeScript sources into dist/.
set -eu
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "kinko: installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund
fi

# Type-check and compile every run: tsc is incremental through dist/, so an unchanged tree is quick.
node_modules/.bin/tsc -p tsconfig.json
