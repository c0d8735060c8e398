# Sourced by the scripts: install the Debian packages asaemu needs when
# any is missing (apt-get as root, or sudo; otherwise print the command
# and stop), and build a preset out of tree.
# The archives a static release needs beyond these come with them, except
# zlib's (libxml2.a) and libtinfo's (libedit.a); libxml2.a's ICU and
# liblzma calls go to stand-ins (models/static/).
ASA_PACKAGES="gcc make cmake pkg-config libedit-dev libcmocka-dev \
libxml2-dev libxml2-utils libssl-dev libmd-dev zlib1g-dev libncurses-dev"
# What the SSH and real-client tests add (scripts/test.sh): Debian's sshd
# and ssh, sshpass, the cwrap wrappers serve-ssh.sh runs sshd under,
# netmiko and Ansible (its cisco.asa collection).
ASA_TEST_PACKAGES="openssh-server openssh-client sshpass libpam-wrapper \
libnss-wrapper libpam-modules python3-netmiko ansible"
# What the release preset adds: lld, which lays out what a start touches
# together (programs/startup.order).
ASA_RELEASE_PACKAGES="lld"
# What scripts/fuzz.sh adds: clang and its libFuzzer runtime (the default
# build and its smoke tests need neither).
ASA_FUZZ_PACKAGES="clang libclang-rt-14-dev"

asa_install_deps() {
	local missing=() p
	for p in $ASA_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -eq 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq "${missing[@]}" >/dev/null
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "asaemu needs: sudo apt-get install ${missing[*]}" >&2
		exit 1
	fi
}

# Install what is missing, then configure and build the release preset;
# compiler messages are shown only when the build fails.
asa_build_release() {
	local log
	ASA_PACKAGES="$ASA_PACKAGES $ASA_RELEASE_PACKAGES" asa_install_deps
	log=$(mktemp)
	if ! { cmake --preset release && cmake --build --preset release \
		-j"$(nproc)"; } >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		exit 1
	fi
	rm -f "$log"
}
