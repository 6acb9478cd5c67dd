#!/bin/sh
# Installs what Porthole needs on Debian 12 to build, run and test (run as root).
# The test peers are real programs from Debian: the integration tests start them on 127.0.0.1.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  cmake ninja-build pkg-config g++ ca-certificates openssl python3 \
  qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
  qtkeychain-qt6-dev libvncserver-dev libhiredis-dev libgl-dev \
  libgtest-dev libgmock-dev libbenchmark-dev \
  >/dev/null
# porthole-proxy integration tests: real VNC server, Redis, noVNC files, headless Chromium (driven over
# its DevTools protocol from the C++ test, no npm), openssl for a throw-away certificate.
apt-get install -y -qq --no-install-recommends \
  tigervnc-standalone-server redis-server novnc chromium \
  >/dev/null
# Console viewer (issue 4): GnuTLS headers for libvncclient's VeNCrypt buffering check, and the
# integration-test peers: TigerVNC Xvnc + vncpasswd, xsetroot/xrandr, Debian's websockify.
apt-get install -y -qq --no-install-recommends \
  libgnutls28-dev tigervnc-standalone-server tigervnc-tools x11-xserver-utils websockify \
  >/dev/null
# Console gateway (issue 10): Debian's websockify serving gateway-minted tokens from Redis needs
# its TokenRedis plugin's modules; a billing system's curl call mints the token noVNC opens.
apt-get install -y -qq --no-install-recommends python3-redis python3-simplejson curl >/dev/null
# porthole-proxy.service is checked with systemd-analyze verify (package systemd; a fresh machine
# or a container may not have it, and the test would only skip).
apt-get install -y -qq --no-install-recommends systemd >/dev/null
# ss(8) reads the proxy's listen backlog in a test.
apt-get install -y -qq --no-install-recommends iproute2 >/dev/null
# A real QEMU guest (SeaBIOS, no disk) for the console's resolution-change test.
apt-get install -y -qq --no-install-recommends qemu-system-x86 >/dev/null
# Desktop app (issue 5): a real Secret Service for the keychain test (GNOME Keyring on a private
# dbus-run-session bus), Xvfb for the screenshot test, validators for the metainfo and .desktop file,
# and the SVG plugins that draw the icons.
apt-get install -y -qq --no-install-recommends \
  gnome-keyring dbus-daemon xvfb xauth appstream desktop-file-utils libqt6svg6 \
  >/dev/null
# Console windows (issue 14): a real window manager on Xvfb for the full-screen and placement tests,
# xprop/xwininfo to read what it was told, xdotool to type through the X server.
apt-get install -y -qq --no-install-recommends openbox x11-utils xdotool >/dev/null
# Consoles through SSH jump hosts (issue 12): libssh (no ssh is spawned); OpenSSH's sshd and
# ssh-agent as the test peers, TigerVNC's viewer for `porthole-cli forward`, remote-viewer for SPICE.
apt-get install -y -qq --no-install-recommends \
  libssh-dev openssh-server openssh-client tigervnc-viewer virt-viewer >/dev/null
# Fuzzing (issue 16): the fuzz preset builds tests/fuzz with clang-14 and its libFuzzer runtime.
apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
