#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Side by side, in one run: Porthole (XmlRpcReader + VmPoolParser) and Python
# (xmlrpc.client.loads + xml.etree) parsing the same 10,000-VM oned response.
#   tests/bench/cloud/compare_vmpool.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
bench="$build/tests/bench/cloud/bench_vmpool"
[ -x "$bench" ] || { echo "build bench_vmpool first: cmake --build $build --target bench_vmpool" >&2; exit 2; }
fixture=$(mktemp /tmp/porthole-vmpool-XXXXXX.xml)
trap 'rm -f "$fixture"' EXIT INT TERM

"$bench" --write-fixture "$fixture"
echo "== Porthole: Google Benchmark (time per parse of the whole response)"
"$bench" --benchmark_filter='BM_VmPool_XmlRpcResponse|BM_VmPool_InnerDocumentOnly' --benchmark_min_time=2
echo "== Porthole: peak memory, response streamed from disk in 64 KiB reads"
"$bench" --peak-rss "$fixture"
echo "== Python"
python3 "$here/python_xmlrpc_vmpool.py" "$fixture" --repeat 3
