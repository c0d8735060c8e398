#!/bin/sh
# Stand-in for "asaemu attach" and "asaemu auth" while they do not exist:
# auth accepts admin/secret from 127.0.0.1; attach runs a console asaemu on
# LAB/NAME (one session at a time).
real=${ASAEMU_REAL:-$(cd "$(dirname "$0")/../.." && pwd)/build/release/asaemu}
cmd=$1; shift
lab= name=
while [ $# -gt 0 ]; do
	case $1 in
	--lab) lab=$2; shift 2 ;;
	--name) name=$2; shift 2 ;;
	*) shift ;;
	esac
done
case $cmd in
auth)
	pw=$(head -c 1024 | tr -d '\000\n')
	echo "auth user=$PAM_USER rhost=$PAM_RHOST" >>"$lab/standin.log"
	[ "$PAM_USER" = admin ] && [ "$pw" = secret ] && exit 0
	exit 1 ;;
attach)
	echo "attach conn=$SSH_CONNECTION cmd=${SSH_ORIGINAL_COMMAND-}" >>"$lab/standin.log"
	if [ -n "${SSH_ORIGINAL_COMMAND+x}" ]; then
		printf '%s\n' "$SSH_ORIGINAL_COMMAND" |
			"$real" --flash "$lab/$name" --clock 2013-03-01T12:00:00Z
		exit
	fi
	exec "$real" --flash "$lab/$name" --clock 2013-03-01T12:00:00Z ;;
esac
exit 2
