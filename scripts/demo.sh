#!/usr/bin/env bash
# The main job on the bundled sample: set up, then extract the event records of samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/report-miner extract samples/*.txt --out-dir out/samples
echo "records written to out/samples/"
