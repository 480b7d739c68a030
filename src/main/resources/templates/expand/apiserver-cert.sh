#!/usr/bin/env bash
# Runbook A4: a new API server certificate for this master with the plan's names, then the API server restarted so
# it serves it. kubeadm keeps a certificate that is there, so the old one is moved to $work/old-pki first (kept:
# the way back). The restart takes the manifest away until the kubelet has stopped the container, then puts it back.
set -euo pipefail

{% include "kubernetes/api.inc" %}
{% include "expand/work.inc" %}
{% include "expand/sans.inc" %}
{% include "expand/apiserver.inc" %}
key=/etc/kubernetes/pki/apiserver.key
kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' > "$work/cluster.yaml"
{% include "expand/init-config.inc" %}
if ! names_all >/dev/null; then
    mkdir -p "$work/old-pki"
    if [[ ! -e "$work/old-pki/apiserver.crt" ]]; then
        cp -p "$crt" "$key" "$work/old-pki/"
    fi
    rm -f "$crt" "$key"
    kubeadm init phase certs apiserver --config "$work/init.yaml"
    names_all
fi
if [[ "$(served_serial)" == "$(openssl x509 -in "$crt" -noout -serial)" ]]; then
    echo "unchanged: the API server serves the certificate already"
    exit 0
fi
manifest=/etc/kubernetes/manifests/kube-apiserver.yaml
mv "$manifest" "$work/kube-apiserver.yaml"
for _ in $(seq 1 60); do
    [[ -z "$(crictl ps --name kube-apiserver -q 2>/dev/null)" ]] && break
    sleep 2
done
mv "$work/kube-apiserver.yaml" "$manifest"
want=$(openssl x509 -in "$crt" -noout -serial)
for _ in $(seq 1 90); do
    if [[ "$(served_serial)" == "$want" ]] && curl -sf --cacert /etc/kubernetes/pki/ca.crt "https://$address:$port/healthz" >/dev/null; then
        echo "changed: the API server restarted and serves $want, naming ${sans[*]}"
        exit 0
    fi
    sleep 2
done
echo "the API server did not come back with the new certificate in 3 minutes: see crictl ps -a --name kube-apiserver;" \
    "the old certificate is in $work/old-pki" >&2
exit 1
