"""Drives the load benchmark: see run.sh and ../README.md. Prints a Markdown table."""
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

CLASSPATH, ROUNDS, SECONDS = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
SUITE = sys.argv[4] if len(sys.argv) > 4 else "http"
JVM = ["java", "-Xmx512m", "-XX:+UseParallelGC"]
SERVERS = {"kiln": ("dev.kiln.bench.BenchServer", 8080), "netty": ("dev.kiln.bench.RawNettyServer", 8081)}
DATABASE_PORT = 5433
DATABASE_URL = f"jdbc:postgresql://127.0.0.1:{DATABASE_PORT}/postgres?user=postgres"
HTTP_ENDPOINTS = [
    ("plaintext", "/plaintext", False),
    ("json", "/json", False),
    ("github route", "/repos/octo/kiln/issues/42", False),
    ("3 middlewares", "/mw/plaintext", False),
    ("blocking 1 ms", "/blocking", False),
    ("plaintext pipelined", "/plaintext", True),
    ("json pipelined", "/json", True),
]
# TechEmpower's database tests, against the embedded PostgreSQL of BenchDatabase (pinned beside wrk).
DB_ENDPOINTS = [
    ("single query", "/db", False),
    ("20 queries", "/queries?queries=20", False),
    ("20 updates", "/updates?queries=20", False),
]
# WebSockets: WsLoad (pinned beside where wrk would be) drives both servers' echo and broadcast routes.
WS_ENDPOINTS = [
    ("echo, 64 sockets", "echo", False),
    ("broadcast to 1,000 sockets", "broadcast", False),
]
# Static files: Kiln's StaticFiles against nginx serving the same folder (sendfile, one worker, both on core 0).
STATIC_ENDPOINTS = [
    ("4 KiB file", "/static/small.bin", False),
    ("1 MiB file", "/static/large.bin", False),
]
ENDPOINTS = (DB_ENDPOINTS if SUITE == "db" else WS_ENDPOINTS if SUITE == "ws"
             else STATIC_ENDPOINTS if SUITE == "static" else HTTP_ENDPOINTS)
STATIC_DIR = os.path.join(os.path.dirname(__file__), "..", "target", "classes", "bench-static")
NGINX_PORT = 8082
if SUITE == "static":
    SERVERS = {"kiln": ("dev.kiln.bench.BenchServer", 8080), "nginx": (None, NGINX_PORT)}
TICKS = os.sysconf(os.sysconf_names["SC_CLK_TCK"])
LUA = os.path.join(os.path.dirname(__file__), "pipeline.lua")


def write_static_files():
    os.makedirs(STATIC_DIR, exist_ok=True)
    for name, size in (("small.bin", 4096), ("large.bin", 1024 * 1024)):
        with open(os.path.join(STATIC_DIR, name), "wb") as out:
            out.write(os.urandom(size))


def start_nginx():
    """nginx as a fair rival: one process (no master), sendfile on, no access log, the same folder."""
    prefix = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "target", "nginx"))
    os.makedirs(os.path.join(prefix, "logs"), exist_ok=True)
    conf = os.path.join(prefix, "nginx.conf")
    with open(conf, "w") as out:
        out.write(f"""daemon off; master_process off; worker_processes 1; pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off; sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_requests 1000000;
  client_body_temp_path {prefix}/body; proxy_temp_path {prefix}/proxy; fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi; scgi_temp_path {prefix}/scgi;
  types {{ application/octet-stream bin; }}
  server {{ listen 127.0.0.1:{NGINX_PORT}; location /static/ {{ alias {os.path.abspath(STATIC_DIR)}/; }} }}
}}
""")
    began = time.monotonic()
    process = subprocess.Popen(["taskset", "-c", "0", "nginx", "-p", prefix, "-c", conf],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while time.monotonic() < began + 30:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{NGINX_PORT}/static/small.bin", timeout=1) as response:
                if response.status == 200:
                    return process, (time.monotonic() - began) * 1000
        except (OSError, socket.timeout):
            time.sleep(0.005)
    process.kill()
    raise SystemExit("nginx did not start")


def start(name):
    if SUITE == "static" and name == "nginx":
        return start_nginx()
    main, port = SERVERS[name]
    began = time.monotonic()
    arguments = [str(port)] + ([DATABASE_URL] if SUITE == "db" else []) + (["ws"] if SUITE == "ws" and name == "netty" else [])
    process = subprocess.Popen(["taskset", "-c", "0"] + JVM + ["-cp", CLASSPATH, main] + arguments,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = began + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/plaintext", timeout=1) as response:
                if response.status == 200:
                    return process, (time.monotonic() - began) * 1000
        except (OSError, socket.timeout):
            time.sleep(0.005)
    process.kill()
    raise SystemExit(f"{name} did not start")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def millis(text):
    found = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not found:
        return float("nan")
    value, unit = found.groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def percentile(output, p):
    """The --latency distribution line ("    99%    5.34ms"), not a "98.99%" in the thread stats."""
    found = re.search(rf"^\s+{p}%\s+(\S+)$", output, re.MULTILINE)
    return millis(found.group(1)) if found else float("nan")


def wrk(port, path, pipelined, seconds=None):
    command = ["taskset", "-c", "1", "wrk", "-t1", "-c64", f"-d{seconds or SECONDS}s", "--latency"]
    if pipelined:
        command += ["-s", LUA]
    output = subprocess.run(command + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True,
                            timeout=(seconds or SECONDS) + 30).stdout
    if "requests in" not in output:
        raise SystemExit("wrk said:\n" + output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": percentile(output, 50),
        "p99": percentile(output, 99),
        "requests": requests,
        "errors": errors + (int(non2xx.group(1)) if non2xx else 0),
    }


def ws_load(port, mode, seconds=None):
    """WsLoad's messages received in the run: a message per echo, or per socket reached by a broadcast."""
    output = subprocess.run(["taskset", "-c", "1"] + JVM + ["-cp", CLASSPATH, "dev.kiln.bench.WsLoad", str(port), mode,
                             str(seconds or SECONDS)], capture_output=True, text=True,
                            timeout=(seconds or SECONDS) + 120).stdout
    found = re.search(r"messages (\d+)", output)
    if not found:
        raise SystemExit("WsLoad said:\n" + output)
    messages = int(found.group(1))
    return {"rps": messages / (seconds or SECONDS), "p50": float("nan"), "p99": float("nan"), "requests": messages,
            "errors": 0}


def measure(port, path, pipelined, seconds=None):
    return ws_load(port, path, seconds) if SUITE == "ws" else wrk(port, path, pipelined, seconds)


def start_database():
    process = subprocess.Popen(["taskset", "-c", "1"] + JVM + ["-cp", CLASSPATH, "dev.kiln.bench.BenchDatabase",
                                str(DATABASE_PORT)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    if "postgres ready" not in line:
        process.kill()
        raise SystemExit("the benchmark's PostgreSQL did not start: " + line)
    return process


def main():
    if SUITE == "static":
        write_static_files()
    database = start_database() if SUITE == "db" else None
    try:
        run()
    finally:
        if database:
            database.terminate()
            database.wait()


def run():
    startup = {name: [] for name in SERVERS}
    for _ in range(5):
        for name in SERVERS:
            process, ms = start(name)
            startup[name].append(ms)
            process.terminate()
            process.wait()
    processes = {name: start(name)[0] for name in SERVERS}
    results = {(label, name): [] for label, _, _ in ENDPOINTS for name in SERVERS}
    try:
        for label, path, pipelined in ENDPOINTS:
            for name in SERVERS:
                measure(SERVERS[name][1], path, pipelined, seconds=5)  # JIT warm-up, not counted
        for _ in range(ROUNDS):
            for label, path, pipelined in ENDPOINTS:
                for name in SERVERS:
                    pid = processes[name].pid
                    before = cpu_seconds(pid)
                    run = measure(SERVERS[name][1], path, pipelined)
                    run["cpu_us"] = (cpu_seconds(pid) - before) * 1e6 / max(1, run["requests"])
                    results[(label, name)].append(run)
        rss = {name: peak_rss_mb(processes[name].pid) for name in SERVERS}
    finally:
        for process in processes.values():
            process.terminate()
            process.wait()

    unit = "msg" if SUITE == "ws" else "req"
    rival_name = "nginx" if SUITE == "static" else "Netty"
    print(f"| endpoint | server | {unit}/s | p50 ms | p99 ms | errors | CPU µs/{unit} | Kiln/{rival_name} {unit}/s | Kiln/{rival_name} CPU |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, _, _ in ENDPOINTS:
        med = {name: {k: statistics.median(r[k] for r in results[(label, name)])
                      for k in ("rps", "p50", "p99", "errors", "cpu_us")} for name in SERVERS}
        for name in SERVERS:
            m = med[name]
            rival = "nginx" if SUITE == "static" else "netty"
            ratio = (f"{med['kiln']['rps'] / med[rival]['rps']:.2f} | {med['kiln']['cpu_us'] / med[rival]['cpu_us']:.2f}"
                     if name == "kiln" else " | ")
            print(f"| {label} | {name} | {m['rps']:.0f} | {m['p50']:.2f} | {m['p99']:.2f} | {m['errors']:.0f} | "
                  f"{m['cpu_us']:.1f} | {ratio} |")
    print()
    for name in SERVERS:
        print(f"- {name}: startup to first 200 median {statistics.median(startup[name]):.0f} ms "
              f"(of {len(startup[name])}), peak RSS {rss[name]:.0f} MB")


if __name__ == "__main__":
    main()
