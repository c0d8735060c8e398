# Sourced by the SSH and client tests: a device in a fresh lab behind
# scripts/serve-ssh.sh on a free port. The device knows the user admin
# (password secret, privilege 15), "aaa authentication ssh console LOCAL"
# and "ssh 127.0.0.1 255.255.255.255 inside".
#
# ssh_lab_start ASAEMU   sets LAB, PORT, SSH_OPTS, SSH_STANDIN; 77 to skip
# ssh_device_config LINE...  runs config lines on the device
# ssh_lab_stop           stops sshd and the device by their pids
#
# Until "asaemu attach" and "asaemu auth" exist (SSH_STANDIN=1), logins
# go through tests/ssh/standin-asaemu.sh: auth accepts admin/secret, and
# attach runs a console asaemu on the device's flash.

SSH_CLOCK=2013-03-01T12:00:00Z
DEVICE_PID=

ssh_free_port() {
	/usr/bin/python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

ssh_device_config() {
	local lines=("enable" "" "configure terminal" "$@" "write memory")
	if [ "$SSH_STANDIN" = 1 ]; then
		printf '%s\n' "${lines[@]}" | "$ASAEMU_BIN" --flash "$LAB/asa" \
			--clock "$SSH_CLOCK" >"$LAB/config.log" 2>&1
	else
		printf '%s\n' "${lines[@]}" | "$ASAEMU_BIN" attach --lab "$LAB" \
			--name asa >"$LAB/config.log" 2>&1
	fi
}

ssh_lab_start() {
	ASAEMU_BIN=$1
	if [ ! -x /usr/sbin/sshd ] || ! command -v sshpass >/dev/null ||
		[ ! -e /usr/lib/x86_64-linux-gnu/libpam_wrapper.so ]; then
		if [ "$(id -u)" != 0 ]; then
			echo "skip: needs openssh-server sshpass libpam-wrapper" \
				"libnss-wrapper (scripts/deps.sh)"
			return 77
		fi
	fi
	LAB=$(mktemp -d)
	PORT=$(ssh_free_port)
	SSH_OPTS="-p $PORT -o StrictHostKeyChecking=no
		-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
		-o PubkeyAuthentication=no -o ConnectTimeout=10"
	if "$ASAEMU_BIN" --help 2>&1 | grep -q -- '--detach'; then
		SSH_STANDIN=0
		"$ASAEMU_BIN" --lab "$LAB" --name asa --detach --no-daemon \
			--clock "$SSH_CLOCK" >"$LAB/device.log" 2>&1 &
		DEVICE_PID=$!
		for _ in $(seq 50); do
			[ -S "$LAB/asa/.private/attach.sock" ] && break
			sleep 0.1
		done
		SERVE_ASAEMU=$ASAEMU_BIN
	else
		SSH_STANDIN=1
		# sshd and pam_exec give it a fresh environment: bake the path.
		SERVE_ASAEMU=$LAB/standin
		printf '#!/bin/sh\nASAEMU_REAL=%q exec %q "$@"\n' \
			"$ASAEMU_BIN" "$root/tests/ssh/standin-asaemu.sh" \
			>"$SERVE_ASAEMU"
		chmod +x "$SERVE_ASAEMU"
	fi
	ssh_device_config 'interface GigabitEthernet0/1' 'nameif inside' \
		'exit' 'username admin password secret privilege 15' \
		'aaa authentication ssh console LOCAL' \
		'ssh 127.0.0.1 255.255.255.255 inside' || return 1
	ASAEMU=$SERVE_ASAEMU "$root/scripts/serve-ssh.sh" --lab "$LAB" \
		--name asa --port "$PORT" >"$LAB/serve.log" 2>&1 || {
		cat "$LAB/serve.log"
		return 1
	}
}

ssh_lab_stop() {
	local pid
	[ -n "${LAB:-}" ] || return 0
	if [ -s "$LAB/.sshd/asa/sshd.pid" ]; then
		pid=$(cat "$LAB/.sshd/asa/sshd.pid")
		kill "$pid" 2>/dev/null
	fi
	if [ -n "$DEVICE_PID" ]; then
		kill "$DEVICE_PID" 2>/dev/null
		wait "$DEVICE_PID" 2>/dev/null
	fi
	[ "${KEEP_LAB:-0}" = 1 ] && echo "lab kept: $LAB" && return
	rm -rf "$LAB"
}
