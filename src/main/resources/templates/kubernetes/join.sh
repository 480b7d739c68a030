#!/usr/bin/env bash
set -euo pipefail
{% set controlPlane = host.roles contains "master" %}
{% include "kubernetes/join.inc" %}