#!/usr/bin/env bash
# Runs once, in the PostgreSQL container, on an empty data volume: the `steward` role and its two
# databases, the store and the keyring (a backup of one holds nothing usable without the other).
set -euo pipefail
password=$(cat /run/secrets/db-password)
psql -v ON_ERROR_STOP=1 -U postgres -v pw="$password" <<'SQL'
create role steward login password :'pw';
create database store owner steward;
create database keyring owner steward;
SQL
