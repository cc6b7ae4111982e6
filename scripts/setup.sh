#!/usr/bin/env bash
# Installs the Debian packages Quire builds and tests with, if any is missing.
# Usage: bash scripts/setup.sh   (run as root, or with sudo available)
set -euo pipefail

packages=(
  pkg-config
  libcairo2-dev libpango1.0-dev libfontconfig-dev libglib2.0-dev   # drawing, shaping, fonts, GLib
  librsvg2-dev                                      # SVG logos drawn as vectors
  libgdk-pixbuf-2.0-dev                             # JPEG figures decoded (the PDF embeds the JPEG itself)
  libpoppler-glib-dev                               # PDF appendices drawn as vectors
  libcmark-gfm-dev libcmark-gfm-extensions-dev      # Markdown (CommonMark + GFM tables)
  libqpdf-dev zlib1g-dev                            # quire check reads PDFs (libqpdf); zlib for the finishing writer
  poppler-utils qpdf                                # pdfinfo/pdffonts/pdftotext/pdftoppm, qpdf --check (tests)
  binutils                                          # the linker; nm: what the executables carry (tests)
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "setup: add /opt/swift/usr/bin to PATH" >&2
  else
    echo "setup: Swift 6 is required (https://www.swift.org/install/linux/)" >&2
  fi
  exit 1
fi
