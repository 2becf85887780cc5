#!/usr/bin/env bash
# Builds the base of Steward's container image without a registry or a Docker daemon: Debian
# bookworm (debootstrap's minbase) with Debian's OpenJDK 17 JRE and the day's security updates, a
# `steward` user (uid and gid 10001) that owns /var/lib/steward, packed as a `docker save` tar that
# Jib reads as `tar://...` (pom.xml, profile `image`). Only Debian's mirrors are reached.
#
# Usage: deploy/base-image.sh [OUT]   (default target/base-image/steward-base.tar)
# A base younger than STEWARD_BASE_MAX_AGE_DAYS (default 1) is kept, so repeated builds are quick
# and a day-old base picks up Debian's security updates. Needs root (debootstrap, chroot).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/base-image/steward-base.tar}
max_age=${STEWARD_BASE_MAX_AGE_DAYS:-1}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

if [ -f "$out" ] && [ -n "$(find "$out" -mtime -"$max_age" 2>/dev/null)" ]; then
  echo "base image $out is younger than $max_age day(s): kept"
  exit 0
fi
if ! command -v debootstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
fi

started=$(date +%s)
work=$(mktemp -d)
trap 'umount "$work/root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
root="$work/root"

debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log" >&2; exit 1; }

# Security updates: debootstrap installs from the release alone.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
mount -t proc proc "$root/proc" # the JRE's post-install script runs java
chroot "$root" apt-get update -qq
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get -y -qq upgrade >"$work/upgrade.log" 2>&1 ||
  { tail -20 "$work/upgrade.log" >&2; exit 1; }
umount "$root/proc"

chroot "$root" groupadd --system --gid 10001 steward
chroot "$root" useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/steward \
  --no-create-home --shell /usr/sbin/nologin steward
install -d -m 0700 -o 10001 -g 10001 "$root/var/lib/steward"

# What a server never reads: package caches and lists, documentation, translations.
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/log/* "$root"/tmp/* \
  "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
  "$root"/usr/share/locale/*
: >"$root/etc/machine-id"
java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' \
  "$root/usr/lib/jvm/java-17-openjdk-amd64/release")

# One layer, in a fixed order with fixed times, so the same packages give the same digest.
mkdir -p "$work/image"
tar --numeric-owner --sort=name --mtime='2000-01-01 00:00Z' -C "$root" -cf "$work/layer.tar" .
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
mkdir -p "$work/image/$diff_id"
mv "$work/layer.tar" "$work/image/$diff_id/layer.tar"
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cat >"$work/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"User":"10001:10001","WorkingDir":"/var/lib/steward",
  "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"],
  "Labels":{"org.opencontainers.image.base.name":"debian:bookworm (debootstrap minbase)",
            "dev.steward.java.runtime":"$java_version"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/base-image.sh"}]}
EOF
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/image/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["steward-base:17"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_id" "$diff_id" >"$work/image/manifest.json"

mkdir -p "$(dirname "$out")"
# Names without a leading "./": Jib refuses entries that look like paths outside the archive.
tar -C "$work/image" -cf "$out.part" manifest.json "$config_id.json" "$diff_id"
mv "$out.part" "$out"
echo "base image $out: Java $java_version, $(du -h "$out" | cut -f1), built in" \
  "$(( $(date +%s) - started )) s"
