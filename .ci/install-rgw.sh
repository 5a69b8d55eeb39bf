#!/usr/bin/env bash
# Installs what the Ceph RGW tests need (esc-server rgw fixture, esc-cli AwsRunEndToEndTest): a one-node Ceph
# (monitor, OSD, radosgw as AWS STS + S3) and Debian's awscli. Idempotent and quiet; returns at once when all
# are installed. Debian 12 ships ceph 16.2 (pacific) and awscli 2.9.
set -euo pipefail

packages=(radosgw ceph-mon ceph-osd awscli)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Update the lists only when apt has none yet, or when the install fails on stale ones.
apt_install() {
  $sudo apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
}
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || ! apt_install 2>/dev/null; then
  $sudo apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
  apt_install
fi
for b in ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph-authtool ceph; do
  command -v "$b" >/dev/null || { echo "install-rgw: $b missing after install" >&2; exit 1; }
done
[ -x /usr/bin/aws ] || { echo "install-rgw: /usr/bin/aws missing after install" >&2; exit 1; }
