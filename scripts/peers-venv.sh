#!/bin/bash
# The Typst that `quire bench --peers` times: typst-py in a virtual environment of its own
# (.build/peers-venv), so no other package installed beside it slows `import typst` (45-50 ms
# in a crowded environment against about 15 ms alone). Idempotent; needs python3-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/peers-venv
if ! python3 -c "import venv, ensurepip" 2>/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -q && $sudo apt-get install -y -q python3-venv
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import typst" 2>/dev/null || "$venv/bin/pip" install -q typst
"$venv/bin/python" -c "import importlib.metadata as m; print('typst', m.version('typst'), 'in', '$venv')"
