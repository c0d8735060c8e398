#!/usr/bin/env bash
# Serve one device of a lab over SSH with Debian's OpenSSH sshd.
#
#   scripts/serve-ssh.sh [--port P] [--lab DIR] [--name NAME] [--foreground]
#   scripts/serve-ssh.sh --stop [--lab DIR] [--name NAME]
#
# The lab and name default as asaemu's (\$XDG_STATE_HOME/asaemu, the
# default serial number JMX1234L0AB).
# sshd listens on 127.0.0.1:P (default 2222). Every login runs
# "asaemu attach --lab DIR --name NAME" (ForceCommand): no shell, no
# forwarding of any kind, no subsystem, no agent or X11; a pty when the
# client asks for one. Each login is one more session of the same device.
#
# Who may log in is the device's decision, taken with its running
# configuration (username, aaa authentication ssh console LOCAL, ssh
# A.B.C.D MASK NAMEIF): sshd asks PAM, and the PAM stack is one pam_exec
# of "asaemu auth --lab DIR --name NAME". Nothing is written outside the
# state folder DIR/.sshd/NAME/ (host keys, sshd_config, pid file, log):
#   - PAM: libpam-wrapper (LD_PRELOAD, PAM_WRAPPER_SERVICE_DIR) reads the
#     service file "sshd" from the state folder, not /etc/pam.d;
#   - accounts: sshd logs in only names that getpwnam knows. libnss-wrapper
#     (LD_PRELOAD) answers from the state folder's passwd/group files, and
#     through its module hook from scripts/nss_asaemu.c, built here, which
#     resolves every plausible name to the account that runs this script
#     (shell /bin/sh, home the state folder). So the device's user list
#     may change at run time; a name the device does not know is refused
#     by the device, at the password.
# It works as root (sshd's privilege separation user "sshd" comes from
# the system) and as any other user (sshd then runs unprivileged and
# every login is that user).
#
# ASAEMU: the asaemu binary (default build/release/asaemu, built if
# missing). ASAEMU_SSH_LISTEN: the address (default 127.0.0.1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

port=2222 lab= name=JMX1234L0AB foreground=0 stop=0
usage() {
	echo "usage: $0 [--port P] [--lab DIR] [--name NAME] [--foreground]" \
		"| --stop [--lab DIR] [--name NAME]" >&2
	exit 2
}
while [ $# -gt 0 ]; do
	case $1 in
	--port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
	--lab) [ $# -ge 2 ] || usage; lab=$2; shift 2 ;;
	--name) [ $# -ge 2 ] || usage; name=$2; shift 2 ;;
	--foreground) foreground=1; shift ;;
	--stop) stop=1; shift ;;
	-h | --help) usage ;;
	*) usage ;;
	esac
done
case $port in '' | *[!0-9]*) usage ;; esac
case $name in '' | *[!A-Za-z0-9._-]* | .*) echo "$0: bad name: $name" >&2; exit 2 ;; esac
if [ -z "$lab" ]; then
	lab=${XDG_STATE_HOME:-$HOME/.local/state}/asaemu
fi
mkdir -p "$lab"
lab=$(cd "$lab" && pwd)
# PAM service files cannot quote a path.
case $lab in *[[:space:]]*) echo "$0: the lab path has a blank: $lab" >&2; exit 2 ;; esac
state=$lab/.sshd/$name
pidfile=$state/sshd.pid

# 0 and the pid when the sshd of the pid file runs.
running() {
	local pid
	[ -s "$pidfile" ] || return 1
	pid=$(cat "$pidfile")
	kill -0 "$pid" 2>/dev/null || return 1
	echo "$pid"
}

if [ "$stop" = 1 ]; then
	if pid=$(running); then
		kill "$pid"
		for _ in $(seq 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		echo "sshd $pid stopped"
	else
		echo "sshd for $name is not running" >&2
	fi
	rm -f "$pidfile"
	exit 0
fi

# Debian's sshd and client, the cwrap wrappers, PAM's pam_exec, a compiler
# for the NSS module.
. "$root/scripts/deps.sh"
ASA_PACKAGES="$ASA_PACKAGES openssh-server openssh-client libpam-wrapper \
libnss-wrapper libpam-modules"
asa_install_deps

if [ -z "${ASAEMU:-}" ]; then
	ASAEMU=$root/build/release/asaemu
	[ -x "$ASAEMU" ] || (cd "$root" && asa_build_release)
fi
[ -x "$ASAEMU" ] || { echo "$0: no asaemu at $ASAEMU" >&2; exit 1; }
ASAEMU=$(cd "$(dirname "$ASAEMU")" && pwd)/$(basename "$ASAEMU")

if pid=$(running); then
	echo "$0: sshd $pid already serves $name (port $(cat "$state/port"))" >&2
	exit 1
fi

libdir=$(dpkg-query -L libnss-wrapper | grep '/libnss_wrapper\.so$')
libdir=${libdir%/*}
pam_exec=$(dpkg-query -L libpam-modules | grep '/pam_exec\.so$')
pam_permit=$(dpkg-query -L libpam-modules | grep '/pam_permit\.so$')
pam_deny=$(dpkg-query -L libpam-modules | grep '/pam_deny\.so$')

mkdir -p "$state"
chmod 700 "$state"

# Host keys, made once per state folder: clients see the same device.
for t in ed25519 ecdsa rsa; do
	[ -s "$state/ssh_host_${t}_key" ] ||
		ssh-keygen -q -t "$t" -N '' -C "asaemu $name" \
			-f "$state/ssh_host_${t}_key"
done

# The NSS module, rebuilt when its source is newer.
nss_src=$root/scripts/nss_asaemu.c
nss_so=$state/libnss_asaemu.so
if [ ! -s "$nss_so" ] || [ "$nss_src" -nt "$nss_so" ]; then
	cc -std=c11 -O2 -Wall -shared -fPIC -o "$nss_so.tmp" "$nss_src"
	mv "$nss_so.tmp" "$nss_so"
fi

# Names the files answer before the module: sshd's privilege separation
# user (only root needs it) and the groups sshd looks up. Without root,
# sshd cannot give a pty to the group "tty": the group is left out, and
# sshd keeps the pty in the user's own group.
uid=$(id -u) gid=$(id -g)
{
	getent passwd sshd || true
} >"$state/passwd"
{
	getent group "$gid" || echo "asaemu:x:$gid:"
	[ "$uid" != 0 ] || getent group tty || true
	[ "$uid" != 0 ] || getent group 65534 || true
} | awk -F: '!seen[$3]++' >"$state/group"

# The PAM service: sshd's own name. The password goes to asaemu auth on
# stdin (expose_authtok); PAM_USER and PAM_RHOST say who and from where.
q() { printf '%q' "$1"; }
mkdir -p "$state/pam.d"
cat >"$state/pam.d/sshd" <<EOF
auth     required $pam_exec expose_authtok quiet $ASAEMU auth --lab $lab --name $name
auth     optional $pam_permit
account  required $pam_permit
session  required $pam_permit
password required $pam_deny
EOF

cat >"$state/sshd_config" <<EOF
# Written by scripts/serve-ssh.sh; rewritten at each start.
ListenAddress ${ASAEMU_SSH_LISTEN:-127.0.0.1}
Port $port
HostKey $state/ssh_host_ed25519_key
HostKey $state/ssh_host_ecdsa_key
HostKey $state/ssh_host_rsa_key
PidFile $pidfile
UsePAM yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication no
HostbasedAuthentication no
GSSAPIAuthentication no
AuthorizedKeysFile none
PermitEmptyPasswords no
# As root every login is root (the owner of the lab), confined below.
PermitRootLogin yes
# Each login's pid (the shell's, which the client replaces) in
# sessions.pid, so whoever stops the lab can stop what is left of them.
ForceCommand echo \$\$ >>$(q "$state/sessions.pid"); exec $(q "$ASAEMU") attach --lab $(q "$lab") --name $(q "$name")
PermitTTY yes
DisableForwarding yes
AllowTcpForwarding no
AllowStreamLocalForwarding no
AllowAgentForwarding no
X11Forwarding no
PermitTunnel no
PermitListen none
PermitOpen none
GatewayPorts no
PermitUserRC no
PermitUserEnvironment no
PrintMotd no
PrintLastLog no
UseDNS no
StrictModes no
MaxAuthTries 6
LoginGraceTime 30
LogLevel VERBOSE
EOF
# Sanitizer settings reach the sessions (sshd gives them a fresh
# environment): the test suite runs an ASan build behind sshd.
# sshd takes the first SetEnv line only: one line for all.
setenv=
for v in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS; do
	[ -z "${!v:-}" ] || setenv="$setenv \"$v=${!v}\""
done
[ -z "$setenv" ] || echo "SetEnv$setenv" >>"$state/sshd_config"
echo "$port" >"$state/port"

# sshd's privilege separation folder, which Debian's systemd unit makes.
if [ "$uid" = 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd
	chmod 755 /run/sshd
fi

export LD_PRELOAD="$libdir/libpam_wrapper.so $libdir/libnss_wrapper.so"
export PAM_WRAPPER=1 PAM_WRAPPER_SERVICE_DIR=$state/pam.d
export NSS_WRAPPER_PASSWD=$state/passwd NSS_WRAPPER_GROUP=$state/group
export NSS_WRAPPER_MODULE_SO_PATH=$nss_so NSS_WRAPPER_MODULE_FN_PREFIX=asaemu
export ASAEMU_NSS_UID=$uid ASAEMU_NSS_GID=$gid ASAEMU_NSS_HOME=$state
export ASAEMU_NSS_SHELL=/bin/sh

/usr/sbin/sshd -t -f "$state/sshd_config"
if [ "$foreground" = 1 ]; then
	echo "sshd $$ listening on ${ASAEMU_SSH_LISTEN:-127.0.0.1}:$port" \
		"for $name (foreground)"
	exec /usr/sbin/sshd -D -e -f "$state/sshd_config"
fi
rm -f "$pidfile"
/usr/sbin/sshd -f "$state/sshd_config" -E "$state/sshd.log"
for _ in $(seq 50); do
	[ -s "$pidfile" ] && break
	sleep 0.1
done
if ! pid=$(running); then
	echo "$0: sshd did not start; see $state/sshd.log" >&2
	tail -5 "$state/sshd.log" >&2 || true
	exit 1
fi
echo "sshd $pid listening on ${ASAEMU_SSH_LISTEN:-127.0.0.1}:$port for $name"
echo "pid file: $pidfile"
