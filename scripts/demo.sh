#!/usr/bin/env bash
# The main job on the bundled sample: set up, import samples/ into the embedded SQLite
# database out/demo.db (a second run adds nothing) and print the event table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/report-miner import samples --db sqlite:///out/demo.db
.venv/bin/report-miner events --db sqlite:///out/demo.db
