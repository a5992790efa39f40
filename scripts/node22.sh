#!/usr/bin/env bash
# Runs the given command with Node.js >= 22 first on PATH (Hardhat 3 refuses older versions).
# When the machine's Node is older, Node 22 is installed once from the npm registry (package
# `node`, which ships the binary) into ~/.cache/node22. Machines that have Node 22+ are untouched.
set -euo pipefail

NODE22_VERSION="22.23.3"
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$major" -lt 22 ]; then
  prefix="${NODE22_PREFIX:-$HOME/.cache/node22}"
  if [ ! -x "$prefix/node_modules/.bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is too old for Hardhat 3; installing Node $NODE22_VERSION into $prefix" >&2
    npm install --prefix "$prefix" --no-save --no-audit --no-fund "node@$NODE22_VERSION" >&2
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
fi
exec "$@"
