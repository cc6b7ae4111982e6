#!/usr/bin/env bash
# Builds Quire (release) and renders every example in examples/ to out/<name>.pdf, with PNG
# previews in out/<name>/, and prints each PDF's accessibility check. Installs missing Debian
# packages first.
# Usage: bash scripts/render-examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
bash scripts/setup.sh

swift build -c release --static-swift-stdlib --product quire
quire=.build/release/quire
mkdir -p out
for paper in examples/*/paper.md; do
  name=$(basename "$(dirname "$paper")")
  "$quire" render "$paper" -o "out/$name.pdf"
  "$quire" render "$paper" --png "out/$name"
  echo "out/$name.pdf  $(pdfinfo "out/$name.pdf" | awk '/^Pages:/ {print $2}') pages"
  "$quire" check "out/$name.pdf" | sed 's/^/    /'
done
