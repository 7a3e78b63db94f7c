#!/usr/bin/env bash
# Installs the Node.js tools some tests run (tools/node/package.json: the JSON Schema validator
# ajv-cli, the YAML 1.2 reader `yaml`, and yaml-language-server) into DIR/node_modules, exactly
# as tools/node/package-lock.json pins them, from the npm registry. Node.js and npm come from
# Debian's packages when the machine has none. Nothing is done when DIR already holds this lock.
#
#   tools/node-tools.sh DIR      (ctest runs it as the fixture `node_tools`, DIR = build/node)
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
dir=${1:?usage: node-tools.sh DIR}
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "node-tools.sh: installing Debian's nodejs and npm" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi
mkdir -p "$dir"
if cmp -s "$source_dir/tools/node/package-lock.json" "$dir/package-lock.json" &&
   [ -x "$dir/node_modules/.bin/ajv" ] && [ -x "$dir/node_modules/.bin/yaml-language-server" ]; then
  exit 0
fi
cp "$source_dir/tools/node/package.json" "$source_dir/tools/node/package-lock.json" "$dir/"
(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2
echo "node-tools.sh: node $(node --version): ajv-cli, yaml and yaml-language-server in $dir/node_modules" >&2
