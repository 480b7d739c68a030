#!/usr/bin/env bash
# Exits 0 when this master's etcd runs and votes: asked of its own member (endpoint status is answered locally, with
# or without quorum): not a learner, and it knows a leader. Reads only.
set -euo pipefail

{% include "etcd/etcdctl.inc" %}
if ! status=$(ec endpoint status -w json 2>&1); then
    echo "this master's etcd does not answer: $status"
    exit 1
fi
if [[ "$status" == *'"isLearner":true'* ]]; then
    echo "this master's etcd is a learner, not promoted yet"
    exit 1
fi
if [[ "$status" != *'"leader":'* ]]; then
    echo "this master's etcd knows no leader"
    exit 1
fi
echo "this master's etcd votes"
