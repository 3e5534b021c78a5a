#!/usr/bin/env bash
# System packages Dalel needs on Debian 12: a C++ toolchain for better-sqlite3's native build, Chromium and Xvfb for
# the browser tests and browser mode, poppler-utils for checking exported PDFs, libopencv-dev (OpenCV 4.6), which
# @u4/opencv4nodejs links against, python3-sklearn, the peer the decision models are validated against, and the tesseract
# OCR engine with its Kazakh, Russian, English and orientation data (case documents; poppler-utils rasterises scanned
# PDFs for it). Safe to run again.
set -euo pipefail

packages=(build-essential python3 chromium xvfb poppler-utils libopencv-dev python3-sklearn tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus tesseract-ocr-eng tesseract-ocr-osd)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present (${packages[*]})"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup-system: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
