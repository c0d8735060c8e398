#!/usr/bin/env bash
# Install what is missing, build the release preset and start a device (an
# ASA 5520 on 9.1 unless options say otherwise) with its flash in the
# user's state directory.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
asa_build_release
exec build/release/asaemu "$@"
