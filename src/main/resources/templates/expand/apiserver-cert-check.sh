#!/usr/bin/env bash
# Exits 0 when this master's API server certificate names the endpoint and every master, and the API server serves
# that very certificate (a new file is only served after a restart). Reads only.
set -euo pipefail

{% include "expand/sans.inc" %}
{% include "expand/apiserver.inc" %}
names_all
file=$(openssl x509 -in "$crt" -noout -serial)
served=$(served_serial)
if [[ "$served" != "$file" ]]; then
    echo "the API server serves ${served:-nothing} ($address:$port), the file is $file: it has not restarted since"
    exit 1
fi
echo "the API server serves $file, which names ${sans[*]}"
