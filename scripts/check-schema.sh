#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Validate the shipped data against its XML Schemas:
#   check-schema.sh XMLLINT SRCDIR
# Exits non-zero if any file fails.
set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 XMLLINT SRCDIR" >&2
	exit 2
fi
xmllint=$1
src=$2
rc=0
"$xmllint" --noout --nonet --schema "$src/models/schema/features.xsd" \
    "$src/licensing/features.xml" || rc=1
for f in "$src"/models/data/*.xml; do
	"$xmllint" --noout --nonet --schema "$src/models/schema/models.xsd" \
	    "$f" || rc=1
done
exit $rc
