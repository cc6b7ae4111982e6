#!/usr/bin/env bash
# A peer for the Word import benchmark, never a dependency: pandoc's Word → GitHub Markdown
# (tables with merged cells come out as HTML tables). bash scripts/peer-tools.sh installs it.
# Usage: bash Tests/Tools/peer_pandoc.sh PAPER.docx > out.md
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: peer_pandoc.sh PAPER.docx" >&2; exit 2; }
exec pandoc -f docx -t gfm --wrap=none "$1"
