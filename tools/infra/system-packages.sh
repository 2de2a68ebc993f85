#!/usr/bin/env bash
# Debian packages the tests drive for real: pdftotext (poppler-utils) reads the reports' PDFs back,
# Chromium renders the dashboards. Installed only when missing; fails loudly if they cannot be.
set -euo pipefail

missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "system packages: present"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "system packages: missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run as root" >&2
  exit 1
fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; then
  timeout 300 apt-get update -q >/dev/null
  timeout 600 apt-get install -y -q "${missing[@]}" >/dev/null
fi
command -v pdftotext >/dev/null && [[ -x /usr/bin/chromium ]] || { echo "system packages: install failed" >&2; exit 1; }
echo "system packages: installed ${missing[*]}"
