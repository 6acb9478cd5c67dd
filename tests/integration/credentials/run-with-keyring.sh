#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs a program inside a private D-Bus session with a real, unlocked GNOME
# Keyring (Secret Service) in a throw-away home, so nothing touches the user's keys.
set -eu
home=$(mktemp -d "${TMPDIR:-/tmp}/porthole-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -m 700 "$home/run"
export HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
unset DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
status=0
# --unlock creates the login keyring with this password on first use and unlocks it
# without a prompt; the daemon leaves with the bus when dbus-run-session ends.
dbus-run-session -- sh -c '
  printf %s porthole-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 90
  "$@"' sh "$@" || status=$?
exit $status
