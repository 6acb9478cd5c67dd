#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The same work as bench_vmpool, done the way a Python tool would do it.

xmlrpc.client.loads() on the whole response, then xml.etree.ElementTree on the
result string, into one dict per VM with the fields Porthole's VirtualMachine
has. Reads the response written by `bench_vmpool --write-fixture FILE`.

    python3 python_xmlrpc_vmpool.py FILE [--repeat N]

Prints the best and mean time per parse and the process's peak RSS (ru_maxrss,
measured in a fresh child process so the numbers are not mixed up with earlier
repetitions).
"""
import argparse
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import xmlrpc.client

VNC_LCM_STATES = {3, 4, 12, 13, 16, 17, 18, 24, 25, 26, 27, 28, 29, 57, 62, 69}


def to_int(text, default):
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


def vm_dict(vm):
    graphics = vm.find("TEMPLATE/GRAPHICS")
    g = None
    if graphics is not None:
        g = {
            "type": graphics.findtext("TYPE", ""),
            "listen": graphics.findtext("LISTEN", ""),
            "port": to_int(graphics.findtext("PORT"), -1),
            "password": graphics.findtext("PASSWD", ""),
        }
    hostnames = vm.findall("HISTORY_RECORDS/HISTORY/HOSTNAME")
    ips = []
    for nic in vm.findall("TEMPLATE/*"):
        if nic.tag in ("NIC", "NIC_ALIAS"):
            for child in nic:
                if child.tag in ("IP", "IP6", "IP6_GLOBAL", "IP6_ULA") and child.text:
                    ips.append(child.text.strip())
    state = to_int(vm.findtext("STATE"), 0)
    lcm = to_int(vm.findtext("LCM_STATE"), 0)
    return {
        "id": to_int(vm.findtext("ID"), -1),
        "name": vm.findtext("NAME", ""),
        "uid": to_int(vm.findtext("UID"), -1),
        "gid": to_int(vm.findtext("GID"), -1),
        "owner": vm.findtext("UNAME", ""),
        "group": vm.findtext("GNAME", ""),
        "state": state,
        "lcm_state": lcm,
        "host": hostnames[-1].text if hostnames else "",
        "graphics": g,
        "ips": ips,
        "memory": int(float(vm.findtext("TEMPLATE/MEMORY", "0"))),
        "cpu": float(vm.findtext("TEMPLATE/CPU", "0")),
        "vcpu": to_int(vm.findtext("TEMPLATE/VCPU"), 0),
        "console": state == 3 and lcm in VNC_LCM_STATES and g is not None and g["type"].strip().upper() == "VNC",
    }


def parse(body):
    (result,), _method = xmlrpc.client.loads(body)
    ok, document = result[0], result[1]
    if not ok:
        raise RuntimeError(document)
    root = ET.fromstring(document)
    vms = [root] if root.tag == "VM" else root.findall("VM")
    return [vm_dict(vm) for vm in vms]


def once(path):
    with open(path, "rb") as f:
        body = f.read()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    vms = parse(body)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return vms, elapsed, before, peak, len(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--single", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.single:
        vms, elapsed, before, peak, size = once(args.file)
        last = vms[-1]
        assert last["id"] == 0 and last["console"] and len(last["ips"]) == 3, last
        print(f"{len(vms)} {elapsed:.4f} {before} {peak} {size}")
        return 0

    times = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, __file__, args.file, "--single"],
                             check=True, capture_output=True, text=True).stdout.split()
        count, elapsed, before, peak, size = int(out[0]), float(out[1]), int(out[2]), int(out[3]), int(out[4])
        times.append(elapsed)
    print(f"python {sys.version.split()[0]} xmlrpc.client.loads + xml.etree.ElementTree: "
          f"vms={count} response_bytes={size} best_ms={min(times) * 1000:.0f} "
          f"mean_ms={sum(times) / len(times) * 1000:.0f} rss_before_kb={before} peak_rss_kb={peak} "
          f"peak_delta_over_response={(peak - before) * 1024 / size:.2f} peak_over_response={peak * 1024 / size:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
