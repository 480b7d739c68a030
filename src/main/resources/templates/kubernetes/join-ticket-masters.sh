#!/usr/bin/env bash
# Run on the first master before the other masters join: also uploads the shared certificates (CAs, service account
# key) encrypted with the run's certificate key; kubeadm deletes them two hours later.
set -euo pipefail

{% include "kubernetes/join-ticket.inc" %}
kubeadm init phase upload-certs --upload-certs --certificate-key {{ fresh.certificateKey | sh }} >/dev/null
echo "caHash=sha256:$(ca_hash)"
