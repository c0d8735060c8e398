# Sourced by the SSH and client tests: a device in a fresh lab behind
# scripts/serve-ssh.sh on a free port. The device knows the user admin
# (password secret, privilege 15), "aaa authentication ssh console LOCAL"
# and "ssh 127.0.0.1 255.255.255.255 inside".
#
# ssh_lab_start ASAEMU   sets LAB, PORT, SSH_OPTS; 77 to skip
# ssh_device_config LINE...  runs config lines on the device (attached)
# ssh_lab_stop           stops sshd and the device by their pids

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
	printf '%s\n' "${lines[@]}" | "$ASAEMU_BIN" attach --lab "$LAB" \
		--name asa >>"$LAB/config.log" 2>&1
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
	"$ASAEMU_BIN" --lab "$LAB" --name asa --detach --no-daemon \
		--clock "$SSH_CLOCK" >"$LAB/device.log" 2>&1 &
	DEVICE_PID=$!
	for _ in $(seq 50); do
		[ -S "$LAB/asa/.private/attach.sock" ] && break
		sleep 0.1
	done
	ssh_device_config 'interface GigabitEthernet0/1' 'nameif inside' \
		'exit' 'username admin password secret privilege 15' \
		'aaa authentication ssh console LOCAL' \
		'ssh 127.0.0.1 255.255.255.255 inside' || return 1
	ASAEMU=$ASAEMU_BIN "$root/scripts/serve-ssh.sh" --lab "$LAB" \
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
	# A login's client outlives sshd now and then: under LeakSanitizer,
	# the hang-up that ends it can kill LSan's tracer at exit, and the
	# client then spins for ever. Each is stopped by its pid, if that is
	# still this lab's client.
	if [ -s "$LAB/.sshd/asa/sessions.pid" ]; then
		for pid in $(cat "$LAB/.sshd/asa/sessions.pid"); do
			tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" |
				grep -qF "attach --lab $LAB " &&
				kill -KILL "$pid" 2>/dev/null
		done
	fi
	if [ -n "$DEVICE_PID" ]; then
		kill "$DEVICE_PID" 2>/dev/null
		wait "$DEVICE_PID" 2>/dev/null
	fi
	[ "${KEEP_LAB:-0}" = 1 ] && echo "lab kept: $LAB" && return
	rm -rf "$LAB"
}
