#!/usr/bin/env bash
# Sets Dalel up on Debian 12: system packages, Node.js 22 (scripts/setup-node.sh), then the npm dependencies,
# building the native modules against Node 22's headers and @u4/opencv4nodejs against the system's OpenCV. That
# package's build reads its settings only from the environment (not from our package.json, since npm runs its build
# inside node_modules), so they are exported here; without them it tries to download and compile OpenCV itself.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
bash scripts/setup-node.sh
hash -r

# Native modules are built against the headers of the Node that runs them (shipped with it), never downloaded.
node_home=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [ -f "$node_home/include/node/node.h" ]; then export npm_config_nodedir="$node_home"; fi
# onnxruntime-node's install script would fetch GPU libraries from the internet; its CPU binaries ship in the package.
export ONNXRUNTIME_NODE_INSTALL=skip

export OPENCV4NODEJS_DISABLE_AUTOBUILD=1
export OPENCV_INCLUDE_DIR=/usr/include/opencv4
export OPENCV_LIB_DIR=/usr/lib/x86_64-linux-gnu
export OPENCV_BIN_DIR=/usr/bin
export JOBS=max
npm ci
