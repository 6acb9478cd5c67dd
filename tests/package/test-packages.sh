#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian packages as an operator gets them (issue 15), run by .ci/run after the suite, as root:
#   1. cpack in the build directory (the ci preset's build: RelWithDebInfo = Debian's -O2 -g, with
#      dpkg-buildflags' hardening), lintian, dpkg-deb checks of Depends and file lists,
#      hardening-check and the proxy's NEEDED libraries;
#   2. a fresh `debootstrap --variant=minbase bookworm` root, from the Debian mirror this machine's
#      apt uses: `apt-get install ./…deb`, the programs as a user and an operator run them (the
#      demo under xvfb-run with its state icons drawn, a console through the installed proxy
#      started as the unit starts it), then `apt-get purge` leaving nothing behind.
# Usage: tests/package/test-packages.sh [--static] [BUILD_DIR]   (default build-ci; needs lintian,
# devscripts, debootstrap, dpkg-dev, file: installer/debian-deps.sh --test installs them)
#   --static  part 1 only, without root, the packages in a temporary directory: the ctest
#             Packages.LintAndContents (tests/package/CMakeLists.txt)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
static=""
if [ "${1:-}" = --static ]; then
    static=1
    shift
fi
build=$(cd "${1:-$source_dir/build-ci}" && pwd)
work=$(mktemp -d /tmp/porthole-package-test.XXXXXX)
# The packages stay in the build directory for the operator after a full run; a static run (in
# ctest, beside other tests and a developer's own cpack) makes its own.
packages=$build/packages
[ -z "$static" ] || packages=$work/packages
root=$work/root
started=$SECONDS

step() { printf '== %s (%d s)\n' "$*" $((SECONDS - started)); }
fail() {
    echo "package test FAILED: $*" >&2
    exit 1
}
# Waits (at most $3 seconds) until file $1 has a line matching $2, as QTRY_* does: by polling.
wait_for_line() {
    local deadline=$((SECONDS + $3))
    until grep -q -- "$2" "$1"; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}
# Processes whose root is the Debian root: started by this script, nothing else runs there.
processes_in_root() {
    local proc
    for proc in /proc/[0-9]*; do
        [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ] && echo "${proc#/proc/}"
    done
    return 0
}
# (In pipelines grep reads all its input, never -q: under pipefail an early exit would fail the writer.)
# Runs a command in the Debian root, with a clean environment.
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 "$@"; }

# Processes in the root (ours: nothing else runs there), then the mounts, then the files.
cleanup() {
    local pid
    if [ -d "$root" ]; then
        for pid in $(processes_in_root); do
            kill -9 "$pid" 2>/dev/null || true
        done
        for mount in dev/pts dev proc; do
            mountpoint -q "$root/$mount" && umount -l "$root/$mount" || true
        done
    fi
    [ -n "${PORTHOLE_KEEP_PACKAGE_TEST:-}" ] || rm -rf --one-file-system "$work"
}
trap cleanup EXIT

step "packages (cpack -G DEB in $build)"
rm -rf "$packages"
(cd "$build" && cpack -G DEB -B "$packages" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log"
    fail "cpack"
}
version=$(sed -n '1s/^porthole (\([^)]*\)).*/\1/p' "$source_dir/installer/debian/changelog")
desktop=$packages/porthole_${version}_amd64.deb
proxy=$packages/porthole-proxy_${version}_amd64.deb
for file in "$desktop" "$proxy" "$packages/porthole-dbgsym_${version}_amd64.ddeb" \
    "$packages/porthole-proxy-dbgsym_${version}_amd64.ddeb"; do
    [ -f "$file" ] || fail "no $(basename "$file") (cpack made: $(ls "$packages"))"
done

step "lintian"
# --fail-on: an error or a warning fails; the overrides the packages ship (installer/debian/
# *.lintian-overrides) are the reviewed exceptions, each with its reason.
lintian --fail-on error,warning --display-info --tag-display-limit 0 "$desktop" "$proxy" \
    "$packages/"*.ddeb | tee "$work/lintian.log" || fail "lintian (above)"

step "dpkg-deb: Depends and file lists"
field() { dpkg-deb -f "$1" "$2"; }
desktop_depends=$(field "$desktop" Depends)
proxy_depends=$(field "$proxy" Depends)
echo "porthole Depends: $desktop_depends"
echo "porthole-proxy Depends: $proxy_depends"
for package in libqt6svg6 qt6-translations-l10n libqt6widgets6 libqt6websockets6 libvncclient1 libqt6keychain1 libssh-4 libc6; do
    grep -qE "(^|, )$package( |,|$)" <<<"$desktop_depends" || fail "porthole does not depend on $package"
done
for package in libqt6core6 libqt6network6 libhiredis0.14 adduser; do
    grep -qE "(^|, )$package( |,|$)" <<<"$proxy_depends" || fail "porthole-proxy does not depend on $package"
done
if grep -qE 'libqt6gui|libqt6widgets|libx11|libxcb|libvncclient|libqt6keychain|libgl|libegl' <<<"$proxy_depends"; then
    fail "porthole-proxy depends on a GUI library: $proxy_depends"
fi
[ "$(field "$desktop" Recommends)" = "qt6-wayland, gnome-keyring | kwalletmanager | keepassxc" ] || fail "porthole Recommends"
[ "$(field "$desktop" Suggests)" = "virt-viewer, tigervnc-viewer" ] || fail "porthole Suggests: $(field "$desktop" Suggests)"
[ "$(field "$proxy" Suggests)" = "novnc, redis-server, nginx" ] || fail "porthole-proxy Suggests"
contents() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./|/|'; }
contents "$desktop" >"$work/desktop.files"
contents "$proxy" >"$work/proxy.files"
for path in /usr/bin/porthole /usr/bin/porthole-cli /usr/share/applications/io.github.porthole.Porthole.desktop \
    /usr/share/metainfo/io.github.porthole.Porthole.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/io.github.porthole.Porthole.svg \
    /usr/share/man/man1/porthole.1.gz /usr/share/man/man1/porthole-cli.1.gz \
    /usr/share/bash-completion/completions/porthole-cli /usr/share/doc/porthole/copyright \
    /usr/share/doc/porthole/changelog.Debian.gz; do
    grep -qx "$path" "$work/desktop.files" || fail "porthole has no $path"
done
for path in /usr/bin/porthole-proxy /lib/systemd/system/porthole-proxy.service /etc/default/porthole-proxy \
    /usr/share/man/man1/porthole-proxy.1.gz /usr/share/bash-completion/completions/porthole-proxy \
    /usr/share/doc/porthole-proxy/copyright /usr/share/doc/porthole-proxy/changelog.Debian.gz \
    /usr/share/doc/porthole-proxy/examples/nginx/porthole-proxy.conf; do
    grep -qx "$path" "$work/proxy.files" || fail "porthole-proxy has no $path"
done
grep -qE 'porthole-proxy|/lib/systemd' "$work/desktop.files" && fail "porthole ships proxy files"
grep -qE '/usr/bin/porthole(-cli)?$|applications|icons' "$work/proxy.files" && fail "porthole-proxy ships desktop files"
shared=$(comm -12 <(grep -v '/$' "$work/desktop.files" | sort) <(grep -v '/$' "$work/proxy.files" | sort))
[ -z "$shared" ] || fail "files in both packages: $shared"
dpkg-deb --ctrl-tarfile "$proxy" | tar -tf - | grep -x './conffiles' >/dev/null || fail "porthole-proxy has no conffiles"
[ "$(dpkg-deb --ctrl-tarfile "$proxy" | tar -xOf - ./conffiles)" = /etc/default/porthole-proxy ] ||
    fail "porthole-proxy's conffiles"

step "cpack refuses to package without dpkg-shlibdeps"
# A PATH with every program but dpkg-shlibdeps: a package without Depends must not come out.
mkdir -p "$work/no-shlibdeps"
for program in /usr/bin/* /bin/*; do
    [ "$(basename "$program")" = dpkg-shlibdeps ] || ln -sf "$program" "$work/no-shlibdeps/" 2>/dev/null || true
done
rm -f "$work/no-shlibdeps/dpkg-shlibdeps"
if (cd "$build" && PATH=$work/no-shlibdeps cpack -G DEB -B "$work/refused" >"$work/refused.log" 2>&1); then
    fail "cpack made packages without dpkg-shlibdeps: $(ls "$work/refused")"
fi
grep 'Packaging needs dpkg-shlibdeps' "$work/refused.log" >/dev/null || fail "cpack without dpkg-shlibdeps: $(tail -5 "$work/refused.log")"
rm -rf "$work/refused" "$work/no-shlibdeps"

step "binaries: stripped, hardened, the proxy without GUI libraries"
mkdir -p "$work/unpacked"
dpkg-deb -x "$desktop" "$work/unpacked"
dpkg-deb -x "$proxy" "$work/unpacked"
for program in porthole porthole-cli porthole-proxy; do
    binary=$work/unpacked/usr/bin/$program
    file "$binary" | grep ', stripped' >/dev/null || fail "$program is not stripped: $(file "$binary")"
    build_id=$(readelf -n "$binary" | sed -n 's/.*Build ID: \([0-9a-f]*\)/\1/p')
    package=porthole
    [ "$program" = porthole-proxy ] && package=porthole-proxy
    dpkg-deb -c "$packages/${package}-dbgsym_${version}_amd64.ddeb" >"$work/dbgsym.files"
    grep -q "usr/lib/debug/.build-id/${build_id:0:2}/${build_id:2}.debug" "$work/dbgsym.files" ||
        fail "${package}-dbgsym has no debug info for $program (build id $build_id)"
    # Stack protector, _FORTIFY_SOURCE, RELRO, BIND_NOW and PIE: what Debian 12's dpkg-buildflags
    # gives (CET's control flow protection comes with Debian 13's; stack clash shows "unknown").
    hardening-check --nocfprotection "$binary" || fail "hardening-check $program"
done
needed=$(objdump -p "$work/unpacked/usr/bin/porthole-proxy" | awk '/NEEDED/ {print $2}' | tr '\n' ' ')
echo "porthole-proxy NEEDED: $needed"
grep -qiE 'Qt6Gui|Qt6Widgets|libX11|libxcb|vncclient|keychain|libGL|libEGL' <<<"$needed" &&
    fail "porthole-proxy links a GUI library: $needed"

step "man pages and bash completion"
for page in porthole porthole-cli porthole-proxy; do
    package_dir=$work/unpacked/usr/share/man/man1
    zcat "$package_dir/$page.1.gz" | grep "^\.TH \"\?${page^^}\"\? " >/dev/null || fail "$page.1 has no .TH for $page"
    # The program's own --help is in it (help2man at build time).
    zcat "$package_dir/$page.1.gz" | grep -- 'version' >/dev/null || fail "$page.1 lacks the options"
    warnings=$(zcat "$package_dir/$page.1.gz" | LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l - 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || fail "man $page: $warnings"
done
completion() {
    # The words bash would offer after "$@" (the last word is the one being completed).
    PATH="$work/unpacked/usr/bin:$PATH" bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        "$(complete -p "$1" | sed "s/.*-F \([^ ]*\).*/\1/")" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' completion "$@"
}
cli_completion=$work/unpacked/usr/share/bash-completion/completions/porthole-cli
proxy_completion=$work/unpacked/usr/share/bash-completion/completions/porthole-proxy
[ "$(completion "$cli_completion" porthole-cli v | sort | tr '\n' ' ')" = "version vm vms " ] ||
    fail "porthole-cli v<Tab>: $(completion "$cli_completion" porthole-cli v)"
[ "$(completion "$cli_completion" porthole-cli --user alice --json tok | tr '\n' ' ')" = "token " ] ||
    fail "porthole-cli --user alice --json tok<Tab>"
completion "$cli_completion" porthole-cli --pin | grep -x -- --pin-sha256 >/dev/null || fail "porthole-cli --pin<Tab>"
[ "$(completion "$cli_completion" porthole-cli --demo vm snapshot- | sort | tr '\n' ' ')" = \
    "snapshot-create snapshot-delete snapshot-revert " ] ||
    fail "porthole-cli vm snapshot-<Tab>: $(completion "$cli_completion" porthole-cli --demo vm snapshot-)"
[ -z "$(completion "$cli_completion" porthole-cli vms 1)" ] || fail "porthole-cli vms 1<Tab> offers words"
completion "$proxy_completion" porthole-proxy --token-p | grep -x -- --token-plugin >/dev/null || fail "porthole-proxy --token-p<Tab>"
[ "$(completion "$proxy_completion" porthole-proxy --token-plugin TokenR)" = TokenRedis ] ||
    fail "porthole-proxy --token-plugin TokenR<Tab>"

if [ -n "$static" ]; then
    step "passed (the static checks; without --static, as root, the packages are installed too)"
    exit 0
fi

step "a fresh Debian 12 (debootstrap --variant=minbase bookworm)"
# The mirror this machine's apt uses (its sources.list or deb822 .sources), not a host named here.
sources=$work/debian.sources
python3 - "$sources" <<'EOF'
import glob, re, sys
stanzas = []
for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for stanza in re.split(r"\n\s*\n", open(path).read()):
        fields = dict(re.findall(r"^([A-Za-z-]+):[ \t]*(.*)$", stanza, re.M))
        if "deb" in fields.get("Types", "").split() and re.search(r"\bbookworm", fields.get("Suites", "")):
            stanzas.append((fields["URIs"].split()[0], fields["Suites"].split(), fields.get("Components", "main").split()))
for path in ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
    try:
        lines = open(path).read().splitlines()
    except FileNotFoundError:
        continue
    for line in lines:
        m = re.match(r"^deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+(bookworm\S*)\s+(.*)$", line.strip())
        if m:
            stanzas.append((m.group(1), [m.group(2)], m.group(3).split()))
if not stanzas:
    sys.exit("no Debian bookworm source in /etc/apt: cannot choose a mirror")
with open(sys.argv[1], "w") as out:
    for uri, suites, components in stanzas:
        # main only: what the packages may depend on.
        out.write(f"Types: deb\nURIs: {uri}\nSuites: {' '.join(suites)}\nComponents: main\n"
                  "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n")
EOF
mirror=$(awk '/^URIs: / && !/-security/ {print $2; exit}' "$sources")
echo "mirror: $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
    tail -20 "$work/debootstrap.log"
    fail "debootstrap"
}
rm -f "$root/etc/apt/sources.list"
cp "$sources" "$root/etc/apt/sources.list.d/debian.sources"
# A container has no init; nothing the packages install may start (policy-rc.d, as pbuilder does).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
in_root apt-get update -qq
find "$root" -xdev -not -path "$root/proc/*" -not -path "$root/dev/*" -not -path "$root/tmp/*" \
    -not -path "$root/var/cache/*" -not -path "$root/var/lib/apt/*" -not -path "$root/var/log/*" |
    sed "s|^$root||" | sort >"$work/before.files"

step "what each package brings into a minimal Debian 12, beside Debian's websockify and remmina"
cp "$desktop" "$proxy" "$root/tmp/"
# apt's own summary without installing anything: packages and disk space.
weight() {
    in_root apt-get install --assume-no "$@" 2>&1 |
        awk '/newly installed/ {n = $3} /After this operation/ {s = $4 " " $5} END {printf "%s packages, %s\n", n, s}'
}
{
    echo "porthole-proxy: $(weight "/tmp/$(basename "$proxy")")"
    echo "porthole:       $(weight "/tmp/$(basename "$desktop")")"
    echo "websockify:     $(weight websockify)"
    echo "remmina:        $(weight remmina)"
    echo "(without Recommends)"
    echo "porthole-proxy: $(weight --no-install-recommends "/tmp/$(basename "$proxy")")"
    echo "porthole:       $(weight --no-install-recommends "/tmp/$(basename "$desktop")")"
    echo "websockify:     $(weight --no-install-recommends websockify)"
    echo "remmina:        $(weight --no-install-recommends remmina)"
} | tee "$work/weights.txt"

step "apt-get install ./porthole-proxy_…deb (alone: no GUI stack comes with it)"
in_root apt-get install -y -qq "/tmp/$(basename "$proxy")" >"$work/install-proxy.log" 2>&1 || {
    cat "$work/install-proxy.log"
    fail "apt-get install porthole-proxy"
}
for package in libqt6gui6 libqt6widgets6 libx11-6 libvncclient1 libgl1; do
    in_root dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep installed >/dev/null &&
        fail "installing porthole-proxy brought $package"
done
echo "installed size: porthole-proxy $(in_root dpkg-query -W -f '${Installed-Size}' porthole-proxy) KiB"
# The system user, its token directory, the conffile; the unit enabled but not started.
in_root getent passwd porthole-proxy | grep ':/var/lib/porthole-proxy:/usr/sbin/nologin$' >/dev/null ||
    fail "no system user porthole-proxy: $(in_root getent passwd porthole-proxy)"
[ "$(in_root stat -c '%U:%G %a' /var/lib/porthole-proxy/tokens)" = "porthole-proxy:porthole-proxy 750" ] ||
    fail "token directory: $(in_root stat -c '%U:%G %a' /var/lib/porthole-proxy/tokens)"
in_root dpkg-query -W -f '${Conffiles}' porthole-proxy | grep '/etc/default/porthole-proxy' >/dev/null ||
    fail "/etc/default/porthole-proxy is not a conffile"
[ "$(readlink "$root/etc/systemd/system/multi-user.target.wants/porthole-proxy.service")" = \
    /lib/systemd/system/porthole-proxy.service ] || fail "porthole-proxy.service is not enabled"
for pid in $(processes_in_root); do
    fail "installing started a process: $(tr '\0' ' ' <"/proc/$pid/cmdline")"
done
in_root porthole-proxy --version | grep -x 'porthole-proxy [0-9.]* (Qt [0-9.]*)' >/dev/null || fail "porthole-proxy --version"

step "apt-get install ./porthole_…deb"
in_root apt-get install -y -qq "/tmp/$(basename "$desktop")" >"$work/install-desktop.log" 2>&1 || {
    cat "$work/install-desktop.log"
    fail "apt-get install porthole"
}
echo "installed size: porthole $(in_root dpkg-query -W -f '${Installed-Size}' porthole) KiB"
in_root porthole --version | tee "$work/version.txt"
grep -qE '^porthole [0-9.]+ \(Qt [0-9.]+, libvncclient [0-9.]+\)$' "$work/version.txt" || fail "porthole --version"
[ "$(grep -oi porthole "$work/version.txt" | wc -l)" = 1 ] || fail "porthole --version names it more than once"
in_root porthole-cli --demo vms | tee "$work/vms.txt"
grep -qE '^ +0 +web-1 +oneadmin .* runn ' "$work/vms.txt" || fail "porthole-cli --demo vms"

step "porthole --demo under xvfb-run: the VM list with its state icons"
# The test's own tools, not the packages' dependencies.
in_root apt-get install -y -qq --no-install-recommends xvfb xauth >"$work/install-xvfb.log" 2>&1 || {
    cat "$work/install-xvfb.log"
    fail "apt-get install xvfb"
}
mkdir -p "$root/tmp/home"
# The root has its own /tmp but shares the machine's abstract X sockets: a display number free in both.
display=150
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ] ||
    grep -q "@/tmp/.X11-unix/X$display\$" /proc/net/unix; do
    display=$((display + 1))
done
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp/home LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb \
    timeout 120 xvfb-run -n "$display" -s '-screen 0 1280x800x24 -nolisten tcp' \
    porthole --demo --screenshot /tmp/home/demo.png >"$work/demo.log" 2>&1 || {
    cat "$work/demo.log"
    fail "porthole --demo under xvfb-run"
}
grep -q 'VM list loaded (ok)' "$work/demo.log" || fail "the demo's VM list did not load: $(cat "$work/demo.log")"
cp "$root/tmp/home/demo.png" "$work/demo.png"
[ -z "${PORTHOLE_KEEP_SCREENSHOT:-}" ] || cp "$work/demo.png" "$PORTHOLE_KEEP_SCREENSHOT"
python3 "$here/state-icon-colours.py" "$work/demo.png" 50 ||
    fail "the state icons are not drawn (libqt6svg6?) in the installed porthole's screenshot"

step "porthole-proxy as the unit runs it: --check and a console through it"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# A token file in the package's token directory, checked as the unit's user.
demo_port=$(free_port)
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp/home LC_ALL=C.UTF-8 \
    porthole-cli serve-demo --listen "127.0.0.1:$demo_port" >"$work/serve-demo.log" 2>&1 &
wait_for_line "$work/serve-demo.log" 'Press Ctrl+C' 60 || fail "porthole-cli serve-demo: $(cat "$work/serve-demo.log")"
vnc_target=$(sed -n 's|^  VM 0 console: vnc://||p' "$work/serve-demo.log")
printf 'package-test-token: %s\n' "$vnc_target" >"$root/var/lib/porthole-proxy/tokens/demo"
chmod 640 "$root/var/lib/porthole-proxy/tokens/demo"
in_root chgrp porthole-proxy /var/lib/porthole-proxy/tokens/demo
in_root chroot --userspec=porthole-proxy:porthole-proxy / \
    porthole-proxy --check --target-config /var/lib/porthole-proxy/tokens | tee "$work/check.txt" ||
    fail "porthole-proxy --check as porthole-proxy"
grep -q ': 1 tokens, 0 problems$' "$work/check.txt" || fail "porthole-proxy --check: $(cat "$work/check.txt")"
# The gateway the options file describes, pointed at the demo cloud; started with the unit's own
# ExecStart line and EnvironmentFile, as the unit's user (systemctl cannot run in a chroot).
proxy_port=$(free_port)
sed -i "s|^PORTHOLE_PROXY_OPTIONS=.*|PORTHOLE_PROXY_OPTIONS=\"--opennebula http://127.0.0.1:$demo_port/RPC2 --token-ttl 600 127.0.0.1:$proxy_port\"|" \
    "$root/etc/default/porthole-proxy"
unit=$root/lib/systemd/system/porthole-proxy.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
environment_file=$(sed -n 's/^EnvironmentFile=//p' "$unit")
user=$(sed -n 's/^User=//p' "$unit")
[ "$user" = porthole-proxy ] || fail "the unit runs as '$user'"
chroot --userspec="$user:$user" "$root" /usr/bin/env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 /bin/sh -c \
    "set -a; . $environment_file; set +a; exec $exec_start" >"$work/proxy.log" 2>&1 &
wait_for_line "$work/proxy.log" 'console gateway for oned' 60 || fail "porthole-proxy did not start: $(cat "$work/proxy.log")"
# A token from the gateway (as the demo's oneadmin), then a console screenshot through it.
echo password | in_root porthole-cli --endpoint "http://127.0.0.1:$demo_port/RPC2" --user oneadmin --password-stdin \
    --json token 0 --vnctoken-endpoint "http://127.0.0.1:$proxy_port/RPC2" \
    --proxy-url "ws://127.0.0.1:$proxy_port/websockify" >"$work/token.json" || fail "a token from the installed gateway"
console_url=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["url"])' "$work/token.json")
# VM 0 of the demo has no VNC password.
in_root porthole-cli screenshot "$console_url" -o /tmp/home/console.png | tee "$work/screenshot.txt" || fail "a console through the installed porthole-proxy"
[ -s "$root/tmp/home/console.png" ] || fail "no console screenshot"
grep -q 'session open: ' "$work/proxy.log" || fail "the console did not pass the installed proxy: $(cat "$work/proxy.log")"

step "apt-get purge: nothing of the packages stays"
for pid in $(processes_in_root); do
    kill "$pid" 2>/dev/null || true
done
deadline=$((SECONDS + 20))
while [ -n "$(processes_in_root)" ] && [ $SECONDS -lt $deadline ]; do
    sleep 0.1
done
[ -z "$(processes_in_root)" ] || fail "the proxy or the demo cloud did not stop on SIGTERM"
in_root apt-get purge -y -qq porthole porthole-proxy >"$work/purge.log" 2>&1 || {
    cat "$work/purge.log"
    fail "apt-get purge"
}
in_root apt-get autoremove --purge -y -qq >>"$work/purge.log" 2>&1 || fail "apt-get autoremove --purge"
rm -rf "$root/tmp/"*
left=$(find "$root" -xdev -iname '*porthole*' -not -path "$root/proc/*" -not -path "$root/var/log/*" | sed "s|^$root||")
[ -z "$left" ] || fail "left after purge: $left"
in_root getent passwd porthole-proxy >/dev/null && fail "the porthole-proxy user is left after purge"
in_root getent group porthole-proxy >/dev/null && fail "the porthole-proxy group is left after purge"
in_root dpkg-query -W porthole porthole-proxy >/dev/null 2>&1 && fail "dpkg still knows the packages"
# Beyond names: what is there now that was not before the packages came. Every file of the
# packages has "porthole" in its path (checked above); what is left here comes from the
# dependencies' own maintainer scripts (caches, machine-id) and is only shown.
in_root apt-get purge -y -qq xvfb xauth >/dev/null 2>&1
in_root apt-get autoremove --purge -y -qq >/dev/null 2>&1
find "$root" -xdev -not -path "$root/proc/*" -not -path "$root/dev/*" -not -path "$root/tmp/*" \
    -not -path "$root/var/cache/*" -not -path "$root/var/lib/apt/*" -not -path "$root/var/log/*" |
    sed "s|^$root||" | sort >"$work/after.files"
# dpkg's and ld.so's bookkeeping changes with any installation.
new=$(comm -13 "$work/before.files" "$work/after.files" | grep -vE '^/var/lib/dpkg/' || true)
[ -z "$new" ] || printf 'left by the dependencies after autoremove --purge:\n%s\n' "$new"

step "passed"
cat "$work/weights.txt"
