#!/bin/sh
# Frame rate and client CPU of `porthole-cli watch` straight over TCP and through an SSH jump
# host (a throw-away OpenSSH sshd on 127.0.0.1), with the viewer harness of ../shared/bench/viewer,
# alternating the two so that a change in the machine's load hits both.
#   tests/bench/ssh_tunnel_vs_direct.sh BUILD_DIR [profile] [seconds] [rounds]
set -eu
build=$(cd "${1:?build directory}" && pwd)
profile=${2:-video}
seconds=${3:-15}
rounds=${4:-2}
bench=${BENCH_DIR:-/work/shared/bench/viewer} # a copy may be needed: the harness builds into its own build/
cli=${PORTHOLE_CLI:-$build/app/porthole-cli}
dir=$(mktemp -d)
pidfile="$dir/sshd.pid"
cleanup() { [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT INT TERM
ssh-keygen -q -t ed25519 -N '' -f "$dir/host"
ssh-keygen -q -t ed25519 -N '' -f "$dir/id"
cp "$dir/id.pub" "$dir/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host
PidFile $pidfile
AuthorizedKeysFile $dir/authorized_keys
UsePAM no
StrictModes no
PermitRootLogin yes
AllowTcpForwarding yes
CONF
mkdir -p /run/sshd
/usr/sbin/sshd -f "$dir/sshd_config"
echo "[127.0.0.1]:$port $(cat "$dir/host.pub")" >"$dir/known_hosts"
user=$(id -un)
watch="$cli watch vnc://{HOST}:{PORT} --duration $((seconds + 6))"
via="--via ssh://$user@127.0.0.1:$port --ssh-identity $dir/id --ssh-known-hosts $dir/known_hosts"
i=0
while [ "$i" -lt "$rounds" ]; do
  i=$((i + 1))
  XVFB=no LABEL=direct "$bench/run.sh" custom "$profile" "$seconds" "$watch" | tail -1
  XVFB=no LABEL=ssh "$bench/run.sh" custom "$profile" "$seconds" "$watch $via" | tail -1
done
