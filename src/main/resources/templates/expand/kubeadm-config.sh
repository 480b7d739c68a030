#!/usr/bin/env bash
# Runbook A3: the endpoint and the names go into the ClusterConfiguration the cluster keeps, which kubeadm join
# reads: it refuses a new control-plane node without a controlPlaneEndpoint. kubeadm uploads it (upload-config),
# so the ConfigMap keeps its own form; no running component reads it. The first copy is kept in $work.
set -euo pipefail

{% include "kubernetes/api.inc" %}
{% include "expand/work.inc" %}
{% include "expand/endpoint.inc" %}
{% include "expand/sans.inc" %}
if [[ ! -e "$work/kubeadm-config.before.yaml" ]]; then
    kubectl -n kube-system get cm kubeadm-config -o yaml > "$work/kubeadm-config.before.yaml"
fi
kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' > "$work/cluster.was.yaml"
# controlPlaneEndpoint set or replaced; apiServer.certSANs: the ones there, then the plan's that are missing
awk -v ep="$endpoint" -v want="$(printf '%s\n' "${sans[@]}")" '
    function block(   i, out, seen) {
        out = "  certSANs:"
        for (i = 1; i <= nhave; i++) { out = out "\n  - " have[i]; seen[have[i]] = 1 }
        for (i = 1; i <= nwant; i++) if (w[i] != "" && !(w[i] in seen)) { out = out "\n  - " w[i]; seen[w[i]] = 1 }
        return out
    }
    BEGIN { nwant = split(want, w, "\n") }
    NR == FNR {
        if ($0 ~ /^apiServer:/) { api = 1; next }
        if ($0 ~ /^[^ ]/) { api = 0 }
        if (api && $0 ~ /^  certSANs:/) { s = 1; next }
        if (api && s && $0 ~ /^ *- /) { v = $0; sub(/^ *- */, "", v); gsub(/"/, "", v); have[++nhave] = v; next }
        s = 0
        next
    }
    /^controlPlaneEndpoint:/ { print "controlPlaneEndpoint: " ep; ep_done = 1; next }
    /^apiServer: *\{\} *$/ { print "apiServer:"; print block(); api_done = 1; next }
    /^apiServer:/ { print; print block(); api_done = 1; api = 1; next }
    /^[^ ]/ { api = 0 }
    api && /^  certSANs:/ { skip = 1; next }
    api && skip && /^ *- / { next }
    { skip = 0; print }
    END {
        if (!ep_done) print "controlPlaneEndpoint: " ep
        if (!api_done) { print "apiServer:"; print block() }
    }' "$work/cluster.was.yaml" "$work/cluster.was.yaml" > "$work/cluster.yaml"
{% include "expand/init-config.inc" %}
diff -u "$work/cluster.was.yaml" "$work/cluster.yaml" || true
kubeadm init phase upload-config kubeadm --config "$work/init.yaml"
echo "changed: controlPlaneEndpoint $endpoint and certSANs ${sans[*]} in kube-system/kubeadm-config"
