#!/usr/bin/env bash
# Install what is missing, build with AddressSanitizer and
# UndefinedBehaviorSanitizer (the dev preset, -Werror) and run every test
# through ctest; then the release build scripts/run.sh starts (static,
# with its stand-ins and its start-up layout) through the tests that run
# the programs themselves (its timing found two failover races).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ASA_PACKAGES="$ASA_PACKAGES $ASA_TEST_PACKAGES"
asa_install_deps
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
ctest --preset dev -j"$(nproc)"
asa_build_release
ctest --preset release -j"$(nproc)" -L 'golden|lab|keygen|fault'
