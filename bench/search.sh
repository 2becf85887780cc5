#!/usr/bin/env bash
# Audited reads per second over HTTP: wrk against POST /api/v1/subjects/search on a node serving the
# store bench/import.sh kept (KEEP=DIR), at a moderate load (p99) and at saturation. Needs the
# search route (HTTP subject API) and a token with subject:read in STEWARD_TOKEN.
#   bench/search.sh DIR [URL]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/search.sh DIR [URL]}
url=${2:-http://127.0.0.1:8080}
: "${STEWARD_TOKEN:?set STEWARD_TOKEN to a token with the subject:read permission}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
if ! curl -fs "$url/openapi.json" | grep -q '/api/v1/subjects/search'; then
  echo "the node at $url does not serve POST /api/v1/subjects/search yet" >&2
  exit 1
fi
cut -d, -f1 "$dir/subjects.csv" | tail -n +2 | shuf -n 100000 --random-source=<(yes) > "$dir/emails.txt"
export EMAILS="$dir/emails.txt"
echo "moderate load (2 threads, 8 connections):"
wrk -t2 -c8 -d30s --latency -s bench/search.lua "$url/api/v1/subjects/search"
echo "saturation (2 threads, 64 connections):"
wrk -t2 -c64 -d30s --latency -s bench/search.lua "$url/api/v1/subjects/search"
