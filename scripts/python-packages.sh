#!/usr/bin/env bash
# Installs the Python packages listed in a requirements file (lines "module=package  # why"),
# each only if `import module` fails. Debian's own python3 refuses pip into the system
# (PEP 668), so pip is retried with --break-system-packages there; python3-pip is installed
# from Debian when pip itself is missing.
# Usage: bash scripts/python-packages.sh scripts/python-requirements.txt
set -euo pipefail
list=${1:?usage: python-packages.sh REQUIREMENTS}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "setup: installing python3-pip" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
fi
missing=()
while read -r line; do
  line=${line%%#*}
  line=$(echo "$line" | tr -d '[:space:]')
  [ -n "$line" ] || continue
  module=${line%%=*} package=${line#*=}
  python3 -c "import $module" 2>/dev/null || missing+=("$package")
done < "$list"
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} (PyPI)" >&2
  python3 -m pip install --quiet "${missing[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "${missing[@]}"
fi
