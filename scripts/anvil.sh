#!/usr/bin/env bash
# Installs Foundry's anvil, the second JSON-RPC node the SDK tests run against, into .tools/anvil:
# outside the package's dependencies, so installing the package never pulls it in. The npm
# registry carries a Linux x64 build; elsewhere nothing is installed and the tests skip anvil.
set -euo pipefail

ANVIL_VERSION="1.7.1"
prefix="$(cd "$(dirname "$0")/.." && pwd)/.tools/anvil"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "anvil: no build for $(uname -s)-$(uname -m); the SDK tests will run on hardhat node only" >&2
  exit 0
fi
if [ -x "$prefix/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" ]; then
  exit 0
fi
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund \
  "@foundry-rs/anvil-linux-amd64@$ANVIL_VERSION" >&2
