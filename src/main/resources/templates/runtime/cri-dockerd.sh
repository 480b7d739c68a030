#!/usr/bin/env bash
# Installs cri-dockerd from its release on GitHub (it is in no apt repository), starts its socket and service from the
# units the step places, and restarts it when the binary or a unit changed. Running it again changes nothing.
set -euo pipefail

{% include "runtime/cri-dockerd.inc" %}
# Where the release is published for this userland: arm64, or arm for 32-bit.
arch={{ host.debArch | sh }}
case "$arch" in
    arm64) asset_arch=arm64 ;;
    armhf) asset_arch=arm ;;
    amd64) asset_arch=amd64 ;;
    *) echo "cri-dockerd publishes no build for a $arch userland" >&2; exit 2 ;;
esac
url="https://github.com/Mirantis/cri-dockerd/releases/download/v$version/cri-dockerd-$version.$asset_arch.tgz"
changed=()
if [[ ! -x "$binary" || "$(installed_version)" != "$version" ]]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    curl -fsSL --retry 3 -o "$work/cri-dockerd.tgz" "$url"
    tar -xzf "$work/cri-dockerd.tgz" -C "$work"
    install -o root -g root -m 0755 "$work/cri-dockerd/cri-dockerd" "$binary"
    changed+=("$binary $version from $url")
fi
systemctl daemon-reload
if ! systemctl -q is-enabled cri-docker.socket 2>/dev/null || ! systemctl -q is-active cri-docker.socket; then
    systemctl enable --now cri-docker.socket
    changed+=("cri-docker.socket listening")
fi
service_apply
service_report
