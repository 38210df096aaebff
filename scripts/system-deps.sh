#!/usr/bin/env bash
# System packages the test suite needs: PostgreSQL 15 (storage tests run on PGlite and on a real
# server), Chromium (end-to-end tests of the task pane), LibreOffice Calc and Writer (independent readers of
# the .xlsx and .docx files we write), openpyxl (uploads saved by another library). Installs what is missing when run as root on Debian; otherwise says what to install.
set -euo pipefail
need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
[ -x /usr/sbin/nginx ] || need+=(nginx)
# openpyxl saves fixtures the way units' scripts do (absolute part paths, no cached results)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# Writer opens the annual annex (.docx); the -nogui flavour needs no desktop
ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "Missing system packages: ${need[*]} — install them (Debian: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
