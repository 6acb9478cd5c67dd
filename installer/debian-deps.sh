#!/bin/sh
# Installs what Porthole needs on Debian 12, from Debian's own packages:
#   --build  building and running the programs, the default preset's tests included (GoogleTest,
#            Google Benchmark: small), and making the .deb packages
#   --test   that, plus the real peers the integration tests start on 127.0.0.1 (VNC servers,
#            Redis, Chromium, QEMU, Xvfb…: most of the packages) and the package test's tools;
#            the default, what CI runs
# As root or as a user with sudo (the script asks sudo, or su, for root itself). One line per
# group; apt's own errors stay visible. Test daemons Debian enables at installation (Redis,
# sshd) are disabled again: the tests start their own copies and nothing of them runs at boot.
set -eu
mode="test"
case "${1:-}" in
"" | --test) mode="test" ;;
--build) mode="build" ;;
-h | --help)
    sed -n '2,10s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
*)
    echo "debian-deps.sh: unknown option '$1' (--build or --test)" >&2
    exit 2
    ;;
esac

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        echo "debian-deps: root needed, asking sudo"
        exec sudo "$0" "$@"
    fi
    echo "debian-deps: root needed and there is no sudo: asking su for the root password"
    exec su root -c "'$0' $*"
fi

# Package groups, one package a line (lists that merge cleanly).
BUILD_TOOLS="
cmake
ninja-build
pkg-config
g++
ca-certificates
"
# libssh: consoles through SSH jump hosts (issue 12; no ssh program is spawned). Qt Charts' CMake
# package needs Qt6OpenGL's, which qt6-base-dev only recommends (libqt6opengl6-dev).
BUILD_LIBRARIES="
qt6-base-dev
qt6-websockets-dev
qt6-charts-dev
libqt6opengl6-dev
qt6-tools-dev
qt6-tools-dev-tools
qt6-l10n-tools
qtkeychain-qt6-dev
libvncserver-dev
libturbojpeg0-dev
libhiredis-dev
libgl-dev
libgnutls28-dev
libssh-dev
"
# At run time only: Qt's SVG image plugin draws the icons (the VM list's state icons); Qt's own
# catalogues translate its standard buttons and key names (qtbase_de.qm, qtbase_fr.qm).
RUN_PLUGINS="
libqt6svg6
qt6-translations-l10n
"
# Packages: CPack's Depends come from dpkg-shlibdeps (dpkg-dev), which needs file; the man
# pages from the programs' --help (help2man).
PACKAGING="
dpkg-dev
file
help2man
"
# The default preset builds the tests and benchmarks: their libraries, and the validators its
# configure step registers as tests (metainfo, .desktop file), belong to building.
TEST_LIBRARIES="
libgtest-dev
libgmock-dev
libbenchmark-dev
appstream
desktop-file-utils
"
# The peers the integration tests start, by issue: the proxy (4) against TigerVNC, Redis, noVNC in
# headless Chromium and Debian's websockify (with its TokenRedis modules, issue 10), curl as a
# billing system, openssl for throw-away certificates; systemd-analyze for the unit; ss (iproute2)
# for the proxy's listen backlog; QEMU for a real guest; GNOME Keyring on a private bus, Xvfb,
# openbox and the X tools for the desktop (5, 14); OpenSSH's sshd and ssh-agent as SSH jump hosts,
# TigerVNC's viewer for `porthole-cli forward`, remote-viewer for SPICE (12).
TEST_PEERS="
openssl
python3
tigervnc-standalone-server
tigervnc-tools
x11-xserver-utils
websockify
python3-redis
python3-simplejson
redis-server
novnc
chromium
curl
systemd
iproute2
qemu-system-x86
gnome-keyring
dbus-daemon
xvfb
xauth
openbox
x11-utils
xdotool
openssh-server
openssh-client
tigervnc-viewer
virt-viewer
"
# tests/package/test-packages.sh: lint, harden-check and install the .debs into a fresh Debian 12.
# Fuzzing (issue 16): the fuzz preset builds tests/fuzz with clang-14 and its libFuzzer runtime.
FUZZING="
clang-14
libclang-rt-14-dev
"
PACKAGE_TEST="
lintian
devscripts
debootstrap
bash-completion
man-db
"
# Installed and enabled at boot by Debian (package:unit); the tests run their own instances.
TEST_DAEMONS="
redis-server:redis-server
openssh-server:ssh
"

export DEBIAN_FRONTEND=noninteractive
if [ "$mode" = test ]; then
    steps=8
else
    steps=5
fi
step=0
group() {
    step=$((step + 1))
    title=$1
    shift
    # shellcheck disable=SC2048,SC2086 # the lists are word lists, one package a line
    set -- $*
    echo "debian-deps: [$step/$steps] $title ($# packages)"
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

echo "debian-deps: [0/$steps] apt-get update"
apt-get update -qq
# The daemons that were there before stay as the machine's owner set them.
new_daemons=""
for daemon in $TEST_DAEMONS; do
    dpkg-query -W -f '${Status}' "${daemon%%:*}" 2>/dev/null | grep -q ' installed$' || new_daemons="$new_daemons ${daemon#*:}"
done

group "compilers and build tools" "$BUILD_TOOLS"
group "Qt 6, libvncclient, QtKeychain, hiredis, libssh" "$BUILD_LIBRARIES"
group "run-time plugins" "$RUN_PLUGINS"
group "packaging: dpkg-shlibdeps, file, help2man" "$PACKAGING"
group "test libraries: GoogleTest, Google Benchmark, validators" "$TEST_LIBRARIES"
if [ "$mode" = test ]; then
    group "test peers: VNC servers, Redis, noVNC, Chromium, QEMU, Xvfb, keyring (the largest)" "$TEST_PEERS"
    group "package test: lintian, hardening-check, debootstrap" "$PACKAGE_TEST"
    group "fuzzing: clang-14 and its libFuzzer run-time" "$FUZZING"
    for daemon in $new_daemons; do
        if [ -d /run/systemd/system ]; then
            systemctl disable --now "$daemon" >/dev/null 2>&1 || true
        else
            # No systemd running (a container, a chroot): systemctl edits the links offline (and
            # the init script's through systemd-sysv-install); a sysvinit machine has update-rc.d.
            systemctl disable "$daemon" >/dev/null 2>&1 || update-rc.d "$daemon" disable >/dev/null 2>&1 || true
            invoke-rc.d "$daemon" stop >/dev/null 2>&1 || true
        fi
        if systemctl is-enabled --quiet "$daemon" 2>/dev/null; then
            echo "debian-deps: $daemon is still enabled at boot: systemctl disable $daemon" >&2
        else
            echo "debian-deps: $daemon installed for the tests, not enabled at boot"
        fi
    done
fi
echo "debian-deps: done ($mode)"
