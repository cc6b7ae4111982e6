#!/usr/bin/env bash
# Installs the peers the import benchmark measures Quire against (never a dependency of
# Quire or of its tests): pandoc from Debian (Word → GFM, Tests/Tools/peer_pandoc.sh) and
# PyMuPDF 2.x with its layout models from PyPI (pymupdf4llm's PDF → Markdown, which now ships
# inside pymupdf; AGPL, so it is run, never vendored: Tests/Tools/peer_pymupdf4llm.py).
# Usage: bash scripts/peer-tools.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! command -v pandoc >/dev/null 2>&1; then
  echo "peer-tools: installing pandoc" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends pandoc >/dev/null
fi
list=$(mktemp)
trap 'rm -f "$list"' EXIT
cat > "$list" <<'LIST'
pymupdf=pymupdf>=2
pymupdf.layout=pymupdf-layout
LIST
bash scripts/python-packages.sh "$list"
