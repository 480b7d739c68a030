#!/usr/bin/env bash
# The cluster as it is, read on its control-plane node before growing it: prints key=value lines, nothing else,
# and changes nothing. Runs as root (admin.conf and the PKI are root's). Parsed by
# dev.rpik8s.discovery.ClusterReadingParser. What is YAML (kubeadm-config's ClusterConfiguration, each node) goes
# out base64-encoded on one line and is read as YAML there, never guessed at here with awk.
export LC_ALL=C
K=/etc/kubernetes

# Newlines become spaces, trailing spaces go.
fact() { local v=${2//$'\n'/ }; printf '%s=%s\n' "$1" "${v%"${v##*[! ]}"}"; }
present() { if [ -e "$2" ]; then fact "$1" present; else fact "$1" absent; fi; }

fact cr.version 1
fact hostname "$(hostname 2>/dev/null)"
if hash kubeadm 2>/dev/null; then fact kubeadm "$(kubeadm version -o short 2>/dev/null)"; else fact kubeadm ""; fi
present admin.conf $K/admin.conf
present etcd.manifest $K/manifests/etcd.yaml

# This node's own API server, from its manifest: kubectl asks it directly, since the endpoint in admin.conf may be
# a name or a VIP that does not answer from here.
address='' port=6443
while IFS= read -r line; do
    [[ $line =~ --advertise-address=([^[:space:]\"]+) ]] && address=${BASH_REMATCH[1]}
    [[ $line =~ --secure-port=([0-9]+) ]] && port=${BASH_REMATCH[1]}
done 2>/dev/null < $K/manifests/kube-apiserver.yaml
fact apiserver.address "$address"
fact apiserver.port "$port"
# The names the certificate on disk is good for (openssl 1.1 and 3 both print them on the line after the heading).
sans=$(openssl x509 -noout -text -in $K/pki/apiserver.crt 2>/dev/null | sed -n '/X509v3 Subject Alternative Name/{n;p;q}')
fact apiserver.sans "${sans#"${sans%%[! ]*}"}"

[ -r $K/admin.conf ] && [ -n "$address" ] || exit 0
k() { kubectl --kubeconfig $K/admin.conf --server "https://$address:$port" --request-timeout=10s "$@"; }

if config=$(k -n kube-system get configmap kubeadm-config -o 'jsonpath={.data.ClusterConfiguration}' 2>&1); then
    fact config "$(printf '%s' "$config" | base64 -w0)"
else
    fact config.error "${config%%$'\n'*}"
fi
if names=$(k get nodes -o name 2>&1); then
    n=0
    for name in $names; do
        [[ $name == node/* ]] || continue   # "No resources found" is no node
        n=$((n + 1))
        fact "node.$n" "$(k get node "${name#node/}" -o yaml 2>/dev/null | base64 -w0)"
    done
    fact nodes "$n"
else
    fact nodes.error "${names%%$'\n'*}"
fi
# The pod network by its DaemonSet (flannel, Calico, Weave Net), in any namespace.
fact daemonsets "$(k get daemonsets -A -o name 2>/dev/null)"
