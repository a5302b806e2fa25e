#!/bin/sh
# Installs the peers of bench/check.mjs into a cache folder outside the repository
# (~/.cache/kinko/bench, or $KINKO_BENCH_CACHE). Run by hand before the benchmark; no test runs it.
# Each peer is tried on its own: one that fails to install is reported and the others go on.
#
#   sh bench/install-peers.sh
set -u
CACHE="${KINKO_BENCH_CACHE:-$HOME/.cache/kinko/bench}"
mkdir -p "$CACHE/bin"
failed=0

# Checkov from PyPI, in its own virtual environment.
if [ -x "$CACHE/checkov-venv/bin/checkov" ]; then
  echo "checkov: already in $CACHE/checkov-venv"
elif python3 -m venv "$CACHE/checkov-venv" && "$CACHE/checkov-venv/bin/pip" install --quiet checkov; then
  echo "checkov: installed in $CACHE/checkov-venv"
else
  echo "checkov: install failed" >&2
  failed=1
fi

# kube-linter built from the Go module proxy.
if [ -x "$CACHE/bin/kube-linter" ]; then
  echo "kube-linter: already in $CACHE/bin"
elif GOBIN="$CACHE/bin" GOFLAGS=-mod=mod go install golang.stackrox.io/kube-linter/cmd/kube-linter@latest; then
  echo "kube-linter: installed in $CACHE/bin"
else
  echo "kube-linter: install failed" >&2
  failed=1
fi

# kube-score built from the Go module proxy, at a pinned release.
if [ -x "$CACHE/bin/kube-score" ]; then
  echo "kube-score: already in $CACHE/bin"
elif GOBIN="$CACHE/bin" GOFLAGS=-mod=mod go install github.com/zegl/kube-score/cmd/kube-score@v1.20.0; then
  echo "kube-score: installed in $CACHE/bin"
else
  echo "kube-score: install failed" >&2
  failed=1
fi

# Polaris is not tried: the Go module proxy answers 403 Forbidden for
# github.com/fairwindsops/polaris (and its /v9 and /v10 paths) on 2026-12-04.

exit "$failed"
