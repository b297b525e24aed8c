#!/usr/bin/env bash
# Check the printable HTML export in a real headless Chromium.
#
# Installs chromium and poppler-utils (pdftotext) with apt when they are missing (Debian/Ubuntu;
# needs root or sudo), then runs the print test with BRIEFING_REQUIRE_CHROMIUM=1 so that a
# missing browser fails instead of skipping. Elsewhere: install Chromium/Chrome and poppler
# yourself; set BRIEFING_CHROMIUM=/path/to/chrome if it is not on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
  || command -v google-chrome >/dev/null 2>&1 || [ -n "${BRIEFING_CHROMIUM:-}" ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)

if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "niet gevonden: ${need[*]}; installeer ze zelf (geen apt-get op deze machine)" >&2
    exit 2
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installeren: ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

[ -x .venv/bin/python ] || make .venv/.installed
BRIEFING_REQUIRE_CHROMIUM=1 .venv/bin/python -m pytest -q tests/maintain/test_maintain_print_chromium.py "$@"
