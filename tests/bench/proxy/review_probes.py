#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The security review's probes, repeated against porthole-proxy and websockify in one run.

Run by hand (never by ctest), everything on 127.0.0.1:
  tests/bench/proxy/review_probes.py build-ci/app/porthole-proxy

  pingflood   one session with a valid token sends WebSocket pings for 3 s and never reads;
              the proxy's peak RSS (VmHWM) before and after.
  badtokens   a 20,000-file token directory (Sunstone's layout); a live session's round trip
              (64 bytes, p50/p99) while another client presents 10 unknown tokens a second.
  redishole   tokens in redis-server, which is then stopped (SIGSTOP: it accepts, never
              answers); a live session's round trip while 2 lookups a second hang.
Each probe prints one line per proxy; compare within the run (the machine is shared).
"""
import base64
import os
import random
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


class Echo:
    """A TCP echo backend that first sends nothing (RFB would greet; an echo is enough here)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(c,), daemon=True).start()

    @staticmethod
    def _serve(c):
        try:
            while True:
                b = c.recv(65536)
                if not b:
                    return
                c.sendall(b)
        except OSError:
            pass


def ws_connect(port, token, timeout=10):
    s = socket.create_connection(("127.0.0.1", port), timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /websockify?token={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
               f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
               "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: binary\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        b = s.recv(4096)
        if not b:
            raise OSError("closed during the upgrade")
        head += b
    if not head.startswith(b"HTTP/1.1 101"):
        raise OSError(head.split(b"\r\n")[0].decode())
    return s, head.split(b"\r\n\r\n", 1)[1]


def frame(opcode, payload):
    mask = os.urandom(4)
    n = len(payload)
    if n < 126:
        header = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
    elif n < 65536:
        header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def read_frame(s, buf):
    def need(n):
        nonlocal buf
        while len(buf) < n:
            b = s.recv(65536)
            if not b:
                raise OSError("closed")
            buf += b
    need(2)
    n = buf[1] & 0x7F
    off = 2
    if n == 126:
        need(4)
        n = struct.unpack("!H", buf[2:4])[0]
        off = 4
    elif n == 127:
        need(10)
        n = struct.unpack("!Q", buf[2:10])[0]
        off = 10
    need(off + n)
    payload, buf = buf[off:off + n], buf[off + n:]
    return payload, buf


class LiveSession:
    """A session that measures 64-byte round trips through the proxy to the echo backend."""

    def __init__(self, port, token):
        self.s, self.buf = ws_connect(port, token)
        self.samples = []
        self.stop = False

    def run(self, seconds):
        end = time.time() + seconds
        payload = os.urandom(64)
        while time.time() < end:
            t0 = time.perf_counter()
            self.s.sendall(frame(2, payload))
            got = b""
            while len(got) < 64:
                p, self.buf = read_frame(self.s, self.buf)
                got += p
            self.samples.append((time.perf_counter() - t0) * 1e6)
            time.sleep(0.01)

    def summary(self):
        q = statistics.quantiles(self.samples, n=100)
        return f"round trip p50 {statistics.median(self.samples):.0f} µs, p99 {q[98]:.0f} µs, max {max(self.samples):.0f} µs over {len(self.samples)}"


def rss_kib(pid, field="VmHWM"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def start(command, port):
    p = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_port(port):
        p.kill()
        raise SystemExit(f"{command[0]} did not listen")
    return p


def proxies(porthole, source_args_porthole, source_args_websockify, port):
    return [
        ("porthole-proxy", [porthole, *source_args_porthole, f"127.0.0.1:{port}"]),
        ("websockify", ["websockify", *source_args_websockify, f"127.0.0.1:{port}"]),
    ]


def pingflood(porthole, echo, tmp):
    tokens = os.path.join(tmp, "tokens")
    with open(tokens, "w") as f:
        f.write(f"good: 127.0.0.1:{echo.port}\n")
    for name, cmd in proxies(porthole, ["--token-source", tokens],
                             ["--token-plugin", "TokenFile", "--token-source", tokens], free_port()):
        port = int(cmd[-1].split(":")[1])
        p = start(cmd, port)
        before = rss_kib(p.pid)
        s, _ = ws_connect(port, "good")
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # and never read
        ping = frame(9, b"x" * 125)
        end = time.time() + 3
        sent = 0
        s.settimeout(0.5)
        while time.time() < end:
            try:
                s.sendall(ping * 64)
                sent += 64
            except (socket.timeout, OSError):
                break  # the proxy stopped reading us: the flood is held back
        peak = rss_kib(p.pid)
        print(f"pingflood  {name:15s} RSS peak {before / 1024:.1f} → {peak / 1024:.1f} MiB after {sent} pings of 125 bytes sent in 3 s")
        s.close()
        p.terminate()
        p.wait()


def badtokens(porthole, echo, tmp):
    d = os.path.join(tmp, "tokendir")
    os.mkdir(d)
    for i in range(20000):
        with open(os.path.join(d, f"vm{i}"), "w") as f:
            f.write(f"tok{i}: 127.0.0.1:{echo.port}\n")
    with open(os.path.join(d, "live"), "w") as f:
        f.write(f"live: 127.0.0.1:{echo.port}\n")
    port = free_port()
    variants = proxies(porthole, ["--token-source", d], ["--token-plugin", "TokenFile", "--token-source", d], port)
    # Without the guess limit every bad token is looked up: the directory's own cost.
    variants.insert(1, ("porthole, no limit", [porthole, "--token-guess-limit", "0", "--token-source", d,
                                               f"127.0.0.1:{port}"]))
    for name, cmd in variants:
        port = int(cmd[-1].split(":")[1])
        p = start(cmd, port)
        live = LiveSession(port, "live")
        live.run(2)
        quiet = live.summary()
        live.samples = []
        stop = threading.Event()

        def guesses():
            while not stop.is_set():
                try:
                    s, _ = ws_connect(port, "bad%08x" % random.getrandbits(32), 2)
                    s.close()
                except OSError:
                    pass
                stop.wait(0.1)
        t = threading.Thread(target=guesses, daemon=True)
        t.start()
        live.run(10)
        stop.set()
        t.join()
        print(f"badtokens  {name:18s} quiet: {quiet}; with 10 bad tokens/s: {live.summary()}")
        p.terminate()
        p.wait()


def redishole(porthole, echo, tmp):
    rport = free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(rport), "--save", "", "--appendonly", "no"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(rport)
    with socket.create_connection(("127.0.0.1", rport)) as r:
        value = f'{{"host":"127.0.0.1:{echo.port}"}}'
        r.sendall(f"*3\r\n$3\r\nSET\r\n$4\r\nlive\r\n${len(value)}\r\n{value}\r\n".encode())
        r.recv(100)
    source = f"127.0.0.1:{rport}"
    for name, cmd in proxies(porthole, ["--token-plugin", "TokenRedis", "--token-source", source],
                             ["--token-plugin", "TokenRedis", "--token-source", source], free_port()):
        port = int(cmd[-1].split(":")[1])
        p = start(cmd, port)
        try:
            live = LiveSession(port, "live")
        except OSError as e:
            print(f"redishole  {name:15s} no live session: {e}")
            p.terminate()
            p.wait()
            continue
        os.kill(redis.pid, signal.SIGSTOP)
        stop = threading.Event()

        def lookups():
            while not stop.is_set():
                def one():
                    try:
                        s, _ = ws_connect(port, "other", 5)
                        s.close()
                    except OSError:
                        pass
                threading.Thread(target=one, daemon=True).start()
                stop.wait(0.5)
        t = threading.Thread(target=lookups, daemon=True)
        t.start()
        try:
            live.run(10)
            result = live.summary()
        except OSError as e:
            result = f"live session lost: {e}"
        stop.set()
        os.kill(redis.pid, signal.SIGCONT)
        print(f"redishole  {name:15s} Redis stopped, 2 lookups/s: {result}")
        p.terminate()
        p.wait()
    redis.terminate()
    redis.wait()


def main():
    porthole = os.path.abspath(sys.argv[1])
    which = sys.argv[2:] or ["pingflood", "badtokens", "redishole"]
    echo = Echo()
    with tempfile.TemporaryDirectory() as tmp:
        for probe in which:
            globals()[probe](porthole, echo, tmp)


if __name__ == "__main__":
    main()
