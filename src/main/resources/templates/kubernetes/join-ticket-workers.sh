#!/usr/bin/env bash
# Run on the first master before the workers join.
set -euo pipefail

{% include "kubernetes/join-ticket.inc" %}
echo "caHash=sha256:$(ca_hash)"
