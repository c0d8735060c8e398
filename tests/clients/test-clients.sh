#!/usr/bin/env bash
# Real clients against a device behind scripts/serve-ssh.sh (ctest label
# "clients"): netmiko (tests/clients/netmiko_asa.py) and Ansible's
# cisco.asa collection (tests/clients/asa.yml).
#
#   tests/clients/test-clients.sh ASAEMU [netmiko|ansible]
set -u
asaemu=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
which=${2:-all}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/tests/ssh/lib.sh"

ssh_lab_start "$asaemu" || exit $?
trap ssh_lab_stop EXIT
ssh_device_config 'enable password enablepw' || exit 1

rc=0
if [ "$which" = all ] || [ "$which" = netmiko ]; then
	/usr/bin/python3 -c 'import netmiko' 2>/dev/null ||
		{ echo "skip: no python3-netmiko"; exit 77; }
	timeout 120 /usr/bin/python3 "$here/netmiko_asa.py" "$PORT" || rc=1
fi
if [ "$which" = all ] || [ "$which" = ansible ]; then
	command -v ansible-playbook >/dev/null ||
		{ echo "skip: no ansible"; exit 77; }
	export ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_NOCOLOR=1 \
		ANSIBLE_LOCAL_TEMP=$LAB/ansible-tmp ANSIBLE_PERSISTENT_COMMAND_TIMEOUT=60 \
		ANSIBLE_PARAMIKO_LOOK_FOR_KEYS=False
	timeout 300 ansible-playbook -i "127.0.0.1," \
		-e "ansible_port=$PORT" "$here/asa.yml" || rc=1
fi
exit $rc
