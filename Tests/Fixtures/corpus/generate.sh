#!/usr/bin/env bash
# Regenerates the import test corpus (see README.md here). Needs LibreOffice and python-docx:
# bash scripts/corpus-tools.sh installs them. Usage: bash Tests/Fixtures/corpus/generate.sh [ID …]
set -euo pipefail
cd "$(dirname "$0")"
command -v soffice >/dev/null 2>&1 || { echo "generate: soffice missing: bash scripts/corpus-tools.sh" >&2; exit 1; }
python3 generate.py "$@"
