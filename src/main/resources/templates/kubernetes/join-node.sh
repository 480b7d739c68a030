#!/usr/bin/env bash
# The seed's first step for a new master (runbook B1): it joins as a plain node, without --control-plane, through the
# cluster's endpoint; its control plane is made by hand in the steps after (certificates, kubeconfigs, etcd, manifests).
set -euo pipefail
{% set controlPlane = false %}
{% include "kubernetes/join.inc" %}