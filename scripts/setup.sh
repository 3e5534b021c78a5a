#!/usr/bin/env bash
# Sets Dalel up on Debian 12: system packages, then the npm dependencies, building @u4/opencv4nodejs against the
# system's OpenCV. That package's build reads its settings only from the environment (not from our package.json,
# since npm runs its build inside node_modules), so they are exported here; without them it tries to download and
# compile OpenCV itself. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh

export OPENCV4NODEJS_DISABLE_AUTOBUILD=1
export OPENCV_INCLUDE_DIR=/usr/include/opencv4
export OPENCV_LIB_DIR=/usr/lib/x86_64-linux-gnu
export OPENCV_BIN_DIR=/usr/bin
export JOBS=max
npm ci
