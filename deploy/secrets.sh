#!/usr/bin/env bash
# Writes deploy/secrets/ once: the database password for PostgreSQL, and the same password as a
# pgpass file for Steward's driver. Owner-only; never committed. Run again with --force to replace.
set -euo pipefail
dir="$(dirname "$0")/secrets"
if [ -f "$dir/db-password" ] && [ "${1:-}" != "--force" ]; then
  echo "$dir already holds the secrets"
  exit 0
fi
umask 077
mkdir -p "$dir"
password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
printf '%s' "$password" >"$dir/db-password"
printf 'db:5432:*:steward:%s\n' "$password" >"$dir/pgpass"
# The containers read them as their own users (postgres 999, steward 10001).
chmod 0444 "$dir/db-password" "$dir/pgpass"
echo "wrote $dir/db-password and $dir/pgpass"
