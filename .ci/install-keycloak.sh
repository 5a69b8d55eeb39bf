#!/usr/bin/env bash
# Installs Keycloak (the Quarkus distribution from Maven Central) for the Keycloak end-to-end test of
# esc-server (dev.openesc.server.keycloak). Idempotent and quiet: when the unpacked distribution is already
# there it only prints where. The test finds it through ESC_KEYCLOAK_HOME or at the default place below.
#
#   KEYCLOAK_VERSION  the version to install (default 26.5.6, the one seen working here)
#   ESC_KEYCLOAK_HOME where to unpack it (default ~/.cache/openesc/keycloak-<version>)
set -euo pipefail
cd "$(dirname "$0")/.."

version="${KEYCLOAK_VERSION:-26.5.6}"
home="${ESC_KEYCLOAK_HOME:-$HOME/.cache/openesc/keycloak-$version}"

if [ -x "$home/bin/kc.sh" ]; then
  echo "keycloak $version: $home"
  exit 0
fi

zip="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip"
if [ ! -f "$zip" ]; then
  ./mvnw -B -q -ntp dependency:get "-Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip" -Dtransitive=false
fi

# Unpack beside the target and move into place only when complete, so an interrupted run leaves no half tree.
parent="$(dirname "$home")"
mkdir -p "$parent"
staging="$(mktemp -d "$parent/.keycloak-unpack.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$zip" -d "$staging"
else
  (cd "$staging" && jar xf "$zip")
fi
chmod +x "$staging/keycloak-$version/bin/"*.sh
rm -rf "$home"
mv "$staging/keycloak-$version" "$home"
echo "keycloak $version: $home"
