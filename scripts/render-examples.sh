#!/usr/bin/env bash
# Builds Quire's two executables (release): quire, and quire-server beside it, which
# `quire serve` hands over to. Then renders every example paper in examples/ to out/<name>.pdf, with PNG
# previews in out/<name>/, and the example committee pack (public, full, supplement); prints
# each PDF's accessibility check. Installs missing Debian
# packages first.
# Usage: bash scripts/render-examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
bash scripts/setup.sh

swift build -c release --static-swift-stdlib --product quire
swift build -c release --static-swift-stdlib --product quire-server
quire=.build/release/quire
mkdir -p out
for paper in examples/*/paper.md; do
  name=$(basename "$(dirname "$paper")")
  "$quire" render "$paper" -o "out/$name.pdf"
  "$quire" render "$paper" --png "out/$name"
  echo "out/$name.pdf  $(pdfinfo "out/$name.pdf" | awk '/^Pages:/ {print $2}') pages"
  "$quire" check "out/$name.pdf" | sed 's/^/    /'
done
# The committee pack of the County Council meeting: public (exempt items withheld) and full.
# Its papers are links to the other examples, so the pack may read from examples/ (--root).
pack=examples/county-council-2017-10-19/pack.yaml
"$quire" pack "$pack" --root examples -o out/pack-public.pdf
"$quire" pack "$pack" --root examples --full --print -o out/pack-full-print.pdf
"$quire" pack "$pack" --root examples --supplement -o out/pack-supplement.pdf
for pdf in out/pack-public.pdf out/pack-full-print.pdf out/pack-supplement.pdf; do
  echo "$pdf  $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages"
  "$quire" check "$pdf" | sed 's/^/    /'
done
# The service: `quire serve` hands over to the quire-server built beside quire above.
echo "quire serve $("$quire" serve --version) is ready: $quire serve --port 8080"
