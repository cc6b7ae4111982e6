#!/usr/bin/env bash
# Installs what regenerating the import test corpus needs (Tests/Fixtures/corpus/generate.sh):
# LibreOffice's Writer without a GUI (`soffice --headless --convert-to pdf`, as councils publish)
# from Debian, and python-docx (writes the Word documents) from PyPI. Only the generator needs
# these: its outputs (.docx, .pdf, .txt, truth.json) are committed, so tests and CI never run
# LibreOffice. Usage: bash scripts/corpus-tools.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
packages=(libreoffice-writer-nogui poppler-utils fonts-liberation2)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "corpus-tools: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
list=$(mktemp)
trap 'rm -f "$list"' EXIT
printf "docx=python-docx>=1.2\nPIL=Pillow\n" > "$list"   # comments need python-docx 1.2; Pillow draws the logos and charts
bash scripts/python-packages.sh "$list"
python3 -c 'import docx, sys; v = tuple(int(p) for p in docx.__version__.split(".")[:2]); sys.exit(0 if v >= (1, 2) else "python-docx >= 1.2 is needed (comments)")'
