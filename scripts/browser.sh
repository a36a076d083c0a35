#!/usr/bin/env bash
# Debian's chromium for the browser tests (tests/e2e, driven by Playwright: it downloads no browser).
#
#   bash scripts/browser.sh     # install chromium (if needed), check it starts headless, print its path
#
# Installs `chromium` (and a font with Cyrillic glyphs for the screenshots) with apt-get when there is
# no `chromium` on PATH: root only, as in CI. Then renders a tiny page headless to prove the browser
# runs on this machine. Everything but the path goes to standard error; the exit status is 1 when
# chromium is missing and cannot be installed, or does not start.
set -euo pipefail

say() { echo "browser.sh: $*" >&2; }

if ! command -v chromium >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { say "chromium is not installed and only root can install it (apt-get install chromium)"; exit 1; }
  say "installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || say "apt-get update failed; trying the install with the package lists there are"
  apt-get install -y -qq chromium fonts-dejavu-core >&2 </dev/null || { say "apt-get install chromium failed"; exit 1; }
  command -v chromium >/dev/null 2>&1 || { say "no chromium on PATH after installing it"; exit 1; }
fi
CHROMIUM=$(command -v chromium)

# the flags the tests launch it with (tests/e2e/conftest.py); a throwaway profile
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
dom=$(timeout 120 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --user-data-dir="$profile" --dump-dom 'data:text/html,<p id=ok>ok</p>' 2>"$profile/stderr" </dev/null) || true
if [[ "$dom" != *'<p id="ok">ok</p>'* ]]; then
  tail -n 20 "$profile/stderr" >&2
  say "$CHROMIUM does not render a page headless (see above)"
  exit 1
fi
say "$("$CHROMIUM" --version 2>/dev/null | head -n 1) renders pages headless"
echo "$CHROMIUM"
