"""Stancewire benchmark: extraction, end to end through a mock cluster, latency, memory and
size scaling, each beside the spaCy baseline measured in the same run on the same articles.

Run it through `scripts/bench`, which installs what it needs and builds the release binary.
Prints one table on standard output (progress on standard error); `--json FILE` also keeps
every figure.
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PY = sys.executable
TICK = os.sysconf("SC_CLK_TCK")
# librdkafka 2.0.2's mock broker answers an idle Fetch only when fetch.wait.max.ms (default
# 500 ms) expires, even if data arrives meanwhile; a real broker answers at once. Without this,
# every consumer on the mock (daemon and baseline alike) waits up to half a second per fetch.
FETCH_WAIT_MS = int(os.environ.get("BENCH_FETCH_WAIT_MS", "10"))
DAEMON_KAFKA = [f"consumer.fetch.wait.max.ms={FETCH_WAIT_MS}"]
# Extra librdkafka properties for the daemon under test, for tuning runs:
# BENCH_DAEMON_PROPERTIES="producer.linger.ms=20,producer.batch.num.messages=2000".
DAEMON_KAFKA += [p for p in os.environ.get("BENCH_DAEMON_PROPERTIES", "").split(",") if p]
BODY_CAP = 200_000  # ExtractionEngine.Configuration.maxBodyScalars default
PAGE = os.sysconf("SC_PAGE_SIZE")


def log(*parts):
    print("bench:", *parts, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- processes


def run_measured(argv, stdin_path=None, stdout=subprocess.DEVNULL):
    """Runs a process to completion; returns (wall seconds, CPU seconds, peak RSS bytes, stdout)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    wall0 = time.time()
    proc = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    out = proc.stdout.read() if stdout == subprocess.PIPE else None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.time() - wall0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdin_path:
        stdin.close()
    if proc.returncode != 0:
        sys.exit(f"bench: {argv[0]} exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, out


def proc_sample(pid):
    """(CPU seconds, RSS bytes, peak RSS bytes) of a live process, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    rss = hwm = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) * 1024
    return cpu, rss, hwm


class Sampler(threading.Thread):
    """Samples a process's CPU and RSS every 100 ms."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.samples, self.stopping = pid, [], False

    def run(self):
        while not self.stopping:
            try:
                cpu, rss, hwm = proc_sample(self.pid)
            except (OSError, IndexError):
                return
            self.samples.append((time.time(), cpu, rss, hwm))
            time.sleep(0.1)

    def window(self, start, end):
        inside = [s for s in self.samples if start <= s[0] <= end]
        before = [s for s in self.samples if s[0] <= start]
        after = [s for s in self.samples if s[0] >= end]
        first = before[-1] if before else (inside[0] if inside else None)
        last = after[0] if after else (inside[-1] if inside else None)
        cpu = (last[1] - first[1]) if first and last else None
        return cpu, inside

    def peak(self):
        return max((s[3] for s in self.samples), default=0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """`stancewire mock-cluster` in a child process with the benchmark's topics."""

    def __init__(self, binary, partitions):
        topics = [f"articles.raw:{partitions}", f"articles.enriched:{partitions}", f"stances:{partitions}",
                  "articles.dlq:1"]
        argv = [binary, "mock-cluster"] + [a for t in topics for a in ("--topic", t)]
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("bootstrap.servers="):
            sys.exit(f"bench: mock-cluster said {line!r}")
        self.brokers = line.split("=", 1)[1]

    def stop(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def clean_env():
    return {k: v for k, v in os.environ.items() if not k.startswith("STANCEWIRE_")}


def start_daemon(binary, brokers, group, port):
    argv = [binary, "run", "--brokers", brokers, "--group", group, "--http-address", f"127.0.0.1:{port}",
            "--log-level", "warning"] + [a for x in DAEMON_KAFKA for a in ("-X", x)]
    return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=clean_env())


def stop(proc, timeout=30):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def loadgen(brokers, path, count, rate, partitions, timeout, on_warm=None):
    """Runs loadgen.py; calls `on_warm()` after its warm-up, before the measured articles."""
    mark = tempfile.mktemp(prefix="bench-warm-")
    argv = [PY, os.path.join(HERE, "loadgen.py"), "--brokers", brokers, "--input", path, "--count", str(count),
            "--rate", str(rate), "--partitions", str(partitions), "--timeout", str(timeout), "--mark", mark]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    warmed = False
    while proc.poll() is None and not warmed:
        if os.path.exists(mark):
            warmed = True
            if on_warm:
                on_warm()
        else:
            time.sleep(0.05)
    out, err = proc.communicate()
    if os.path.exists(mark):
        os.unlink(mark)
    try:
        result = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        sys.exit(f"bench: loadgen failed: {err[-2000:]}")
    if "error" in result:
        sys.exit(f"bench: loadgen: {result['error']}")
    return result


def scrape_histogram(port, name):
    """Cumulative bucket counts {le: count} of a histogram on the daemon's /metrics."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
        text = r.read().decode()
    buckets = {}
    for m in re.finditer(rf'^{name}_bucket\{{[^}}]*le="([^"]+)"[^}}]*\}} ([0-9.e+]+)$', text, re.M):
        le = float("inf") if m.group(1) == "+Inf" else float(m.group(1))
        buckets[le] = buckets.get(le, 0) + float(m.group(2))
    return buckets


def histogram_quantile(q, before, after):
    """Prometheus-style quantile (linear within a bucket) of the observations between two scrapes."""
    les = sorted(after)
    counts = [after[le] - before.get(le, 0) for le in les]
    total = counts[-1] if counts else 0
    if total <= 0:
        return None
    rank = q * total
    prev_le, prev_count = 0.0, 0.0
    for le, c in zip(les, counts):
        if c >= rank:
            if le == float("inf"):
                return prev_le
            return prev_le + (le - prev_le) * (rank - prev_count) / max(c - prev_count, 1e-9)
        prev_le, prev_count = le, c
    return les[-1]


# ---------------------------------------------------------------- phases


def extraction(binary, files, spacy_files, startup_cpu):
    rows = {}
    for name, path, count, size in files:
        wall, cpu, peak, _ = run_measured([binary, "extract"], stdin_path=path)
        log(f"extract {name}: {count} articles, {wall:.2f} s wall, {cpu:.2f} CPU-s")
        rows[name] = {"articles": count, "bytes": size, "wall": wall, "cpu": cpu, "peak_rss": peak,
                      "startup_cpu": startup_cpu}
    for name, path, limit in spacy_files:
        _, _, _, out = run_measured([PY, os.path.join(HERE, "spacy_baseline.py"), "extract", path, str(limit)],
                                    stdout=subprocess.PIPE)
        r = json.loads(out)
        log(f"spaCy {name}: {r['articles']} articles, {r['cpu']:.2f} CPU-s")
        rows[name]["spacy"] = r
    return rows


def startup(binary, tmp):
    empty = os.path.join(tmp, "empty.jsonl")
    open(empty, "w").close()
    return min(run_measured([binary, "extract"], stdin_path=empty)[1] for _ in range(3))


def ladder(binary, seeds, tmp, sizes, budget, spacy):
    rows = []
    for size in sizes:
        count = max(2, budget // size)
        arts = corpus.variations(seeds, count, size, f"bench-ladder-{size}")
        path = os.path.join(tmp, f"ladder-{size}.jsonl")
        nbytes = corpus.write(path, arts)
        startup_cpu = startup(binary, tmp)
        _, cpu, peak, _ = run_measured([binary, "extract"], stdin_path=path)
        # The engine analyses at most BODY_CAP characters of a body (a documented bound), so
        # cost is reported per analysed character; spaCy reads every character.
        chars = sum(len(a["body"]) + len(a.get("title", "")) for a in arts)
        analysed = sum(min(len(a["body"]), BODY_CAP) + min(len(a.get("title", "")), 1000) for a in arts)
        row = {"size": size, "articles": count, "bytes": nbytes, "chars": chars, "analysed": analysed,
               "capped": any(len(a["body"]) > BODY_CAP for a in arts), "cpu": max(cpu - startup_cpu, 1e-6),
               "peak_rss": peak}
        if spacy:
            _, _, _, out = run_measured([PY, os.path.join(HERE, "spacy_baseline.py"), "extract", path, "1"],
                                        stdout=subprocess.PIPE)
            row["spacy"] = json.loads(out)
            row["spacy"]["chars"] = len(arts[0]["body"]) + len(arts[0].get("title", ""))
        log(f"ladder {size} B: {count} articles, {row['cpu']:.3f} CPU-s")
        rows.append(row)
    return rows


def end_to_end(binary, path, partitions, count, rate, label, timeout):
    """One stancewire daemon run on a fresh mock cluster: warm-up, then `count` articles."""
    cluster = Cluster(binary, partitions)
    port = free_port()
    daemon = start_daemon(binary, cluster.brokers, f"bench-{label}", port)
    sampler = Sampler(daemon.pid)
    sampler.start()
    try:
        before = {}

        def warm():
            before.update(scrape_histogram(port, "stancewire_end_to_end_latency_seconds"))

        r = loadgen(cluster.brokers, path, count, rate, partitions, timeout, on_warm=warm)
        after = scrape_histogram(port, "stancewire_end_to_end_latency_seconds")
        time.sleep(0.3)
        sampler.stopping = True
        sampler.join()
        cpu, inside = sampler.window(r["start"], r["end"])
        r["daemon_cpu"] = cpu
        r["hist_p50"] = histogram_quantile(0.50, before, after)
        r["hist_p99"] = histogram_quantile(0.99, before, after)
        r["peak_rss"] = sampler.peak()
        half = [s[2] for s in inside[len(inside) // 2:]]
        r["steady_rss"] = sorted(half)[len(half) // 2] if half else None
        log(f"e2e {label}: {r['received']}/{r['count']} in {r['seconds']:.2f} s, "
            f"p99 {r['recv_p99']}, peak {r['peak_rss'] / 2**20:.0f} MiB")
        return r
    finally:
        sampler.stopping = True
        stop(daemon)
        cluster.stop()


def baseline_end_to_end(binary, path, partitions, count, rate, label, tmp, timeout):
    cluster = Cluster(binary, partitions)
    stats = os.path.join(tmp, f"spacy-{label}.json")
    argv = [PY, os.path.join(HERE, "spacy_baseline.py"), "consume", "--brokers", cluster.brokers,
            "--group", f"spacy-{label}", "--count", str(count), "--stats", stats,
            "--fetch-wait-ms", str(FETCH_WAIT_MS)]
    consumer = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
    sampler = Sampler(consumer.pid)
    sampler.start()
    try:
        r = loadgen(cluster.brokers, path, count, rate, partitions, timeout)
        consumer.wait(60)
        sampler.stopping = True
        sampler.join()
        cpu, inside = sampler.window(r["start"], r["end"])
        r["daemon_cpu"] = cpu
        r["peak_rss"] = sampler.peak()
        half = [s[2] for s in inside[len(inside) // 2:]]
        r["steady_rss"] = sorted(half)[len(half) // 2] if half else None
        log(f"baseline e2e {label}: {r['received']}/{r['count']} in {r['seconds']:.2f} s, p99 {r['recv_p99']}")
        return r
    finally:
        sampler.stopping = True
        stop(consumer)
        cluster.stop()


# ---------------------------------------------------------------- table


def fmt(v, spec="{:,.0f}", none="-"):
    return none if v is None else spec.format(v)


def verdict(ok):
    return "PASS" if ok else "MISS"


def table(info, ext, lad, e2e, lat, base_e2e, base_lat, low=None):
    rows = []

    def row(metric, ours, base, ratio, target, ok):
        rows.append((metric, ours, base, ratio, target, "" if ok is None else verdict(ok)))

    targets = {}
    for name in ("seeds", "variations"):
        if name not in ext:
            continue
        e = ext[name]
        s = e.get("spacy")
        per_cpu = e["articles"] / e["cpu"]
        base = s["articles"] / s["cpu"] if s else None
        ratio = per_cpu / base if base else None
        kb = e["bytes"] / e["articles"] / 1024
        row(f"extract {name} ({e['articles']} x {kb:.1f} KB): articles/s wall",
            fmt(e["articles"] / e["wall"]), fmt(s["articles"] / s["wall"]) if s else "-", "", "", None)
        row(f"extract {name}: MB/s wall", fmt(e["bytes"] / e["wall"] / 1e6, "{:.2f}"),
            fmt(s["bytes"] / s["wall"] / 1e6, "{:.3f}") if s else "-", "", "", None)
        ok = ratio is not None and ratio >= 100
        row(f"extract {name}: articles per CPU-second", fmt(per_cpu),
            fmt(base, "{:.1f}") + (f" (on {s['articles']})" if s else ""), fmt(ratio, "{:.0f}x"), ">= 100x", ok)
        targets[f"extract_{name}_ratio"] = ok
        if name == "variations":
            ok = per_cpu >= 2000
            row("extract variations (~5 KB): articles per CPU-second (issue 3)", fmt(per_cpu), "", "",
                ">= 2,000", ok)
            targets["issue3"] = ok

    if e2e:
        ok = (e2e["throughput"] or 0) >= 2000 and e2e["missing"] == 0
        row(f"end-to-end {e2e['count']:,} articles / 32 partitions: articles/s",
            fmt(e2e["throughput"]) + ("" if not e2e["missing"] else f" ({e2e['missing']} missing)"),
            fmt(base_e2e["throughput"], "{:.1f}") + f" (on {base_e2e['count']})" if base_e2e else "-",
            fmt(e2e["throughput"] / base_e2e["throughput"], "{:.0f}x") if base_e2e else "", ">= 2,000/s", ok)
        targets["e2e"] = ok
        d = e2e["count"] / e2e["daemon_cpu"] if e2e.get("daemon_cpu") else None
        b = base_e2e["count"] / base_e2e["daemon_cpu"] if base_e2e and base_e2e.get("daemon_cpu") else None
        row("end-to-end: articles per consumer-process CPU-second", fmt(d), fmt(b, "{:.1f}"),
            fmt(d / b, "{:.0f}x") if d and b else "", "", None)
    if lat:
        ms = lambda v: fmt(v * 1000 if v is not None else None, "{:.1f} ms")  # noqa: E731
        ok = lat["recv_p99"] is not None and lat["recv_p99"] <= 0.050 and lat["missing"] == 0
        brate = f" (saturated: {base_lat['throughput']:.0f}/s max)" if base_lat else ""
        row(f"latency at {lat['rate_offered']:,.0f}/s offered, input -> output received: p50",
            ms(lat["recv_p50"]), ms(base_lat["recv_p50"]) if base_lat else "-", "", "", None)
        row("latency: p99", ms(lat["recv_p99"]), (ms(base_lat["recv_p99"]) + brate) if base_lat else "-", "",
            "<= 50 ms", ok)
        targets["latency"] = ok
        row("latency: daemon histogram (input ts -> ack, bucketed) p50 / p99",
            f"{ms(lat['hist_p50'])} / {ms(lat['hist_p99'])}", "", "", "", None)
        if low:
            row(f"latency at {low['rate_offered']:,.0f}/s offered: p50 / p99", f"{ms(low['recv_p50'])} / "
                f"{ms(low['recv_p99'])}", "", "", "", None)
        mib = lambda v: fmt(v / 2**20 if v else None, "{:.0f} MiB")  # noqa: E731
        peak = max(e2e["peak_rss"] if e2e else 0, lat["peak_rss"])
        bpeak = max(base_e2e["peak_rss"] if base_e2e else 0, base_lat["peak_rss"] if base_lat else 0)
        row("memory: peak RSS (VmHWM, daemon)", mib(peak), mib(bpeak) if bpeak else "-", "", "", None)
        ok = lat["steady_rss"] is not None and lat["steady_rss"] <= 150 * 2**20
        row(f"memory: steady-state RSS (median, 2nd half at {lat['rate_offered']:,.0f}/s)", mib(lat["steady_rss"]),
            mib(base_lat["steady_rss"]) if base_lat else "-", "", "<= 150 MiB", ok)
        targets["memory"] = ok
    if lad:
        per_kchar = lambda r: r["cpu"] / r["analysed"] * 1e9  # noqa: E731  (CPU us per 1,000 chars)
        for r in lad:
            s = r.get("spacy")
            sus = s["cpu"] / s["chars"] * 1e9 if s else None
            note = f", analysed to {BODY_CAP // 1000}K" if r["capped"] else ""
            row(f"size {r['size'] // 1000} KB ({r['articles']} articles{note}): CPU us per 1,000 chars",
                fmt(per_kchar(r), "{:.1f}"), fmt(sus, "{:,.0f}"), fmt(sus / per_kchar(r), "{:.0f}x") if sus else "",
                "", None)
        ref = next((r for r in lad if r["size"] >= 5000), lad[0])
        top = [r for r in lad if not r["capped"]][-1]
        growth = per_kchar(top) / per_kchar(ref)
        ok = growth <= 1.5
        row(f"size: cost per char at {top['size'] // 1000} KB / at {ref['size'] // 1000} KB", fmt(growth, "{:.2f}"),
            "", "", "<= 1.5 (linear)", ok)
        targets["linear"] = ok

    headers = ("metric", "stancewire", "spaCy baseline", "ratio", "target", "")
    widths = [max(len(str(x[i])) for x in rows + [headers]) for i in range(len(headers))]
    lines = [f"# Stancewire benchmark — {info}",
             "  ".join(h.ljust(w) for h, w in zip(headers, widths)),
             "  ".join("-" * w for w in widths)]
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(lines), targets


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.release()}, load {load:.1f} at start"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller runs (about 4 minutes)")
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/stancewire"))
    ap.add_argument("--seeds", default=os.path.join(ROOT, "seeds/articles.jsonl"))
    ap.add_argument("--json", help="also write every figure to this file")
    ap.add_argument("--only", default="extract,ladder,e2e,latency",
                    help="comma-separated phases: extract, ladder, e2e, latency")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora (path on stderr)")
    args = ap.parse_args()
    phases = set(args.only.split(","))
    quick = args.quick
    n_extract = 500 if quick else 2000
    n_spacy = 20 if quick else 60
    n_e2e = 5000 if quick else 20000
    latency_seconds = 5 if quick else 20
    rate = 1000
    n_base_e2e = 100 if quick else 400
    n_base_lat = 300 if quick else 1000
    partitions = 32

    info = machine()
    log(info)
    tmp = tempfile.mkdtemp(prefix="stancewire-bench-")
    try:
        seeds = corpus.load_seeds(args.seeds)
        pool_count = max(n_e2e, rate * latency_seconds, n_extract) + partitions
        var_all = corpus.variations(seeds, pool_count, 5000, "bench-var")
        var_path = os.path.join(tmp, "variations.jsonl")
        corpus.write(var_path, var_all)
        ext_var = os.path.join(tmp, "extract-variations.jsonl")
        ext_var_bytes = corpus.write(ext_var, var_all[:n_extract])
        ext_seed = os.path.join(tmp, "extract-seeds.jsonl")
        ext_seed_bytes = corpus.write(ext_seed, corpus.repeated_seeds(seeds, n_extract, "bench-seed"))
        log(f"corpora in {tmp}")

        ext = lad = e2e = lat = base_e2e = base_lat = low = None
        if "extract" in phases:
            startup_cpu = startup(args.bin, tmp)
            ext = extraction(args.bin,
                             [("seeds", ext_seed, n_extract, ext_seed_bytes),
                              ("variations", ext_var, n_extract, ext_var_bytes)],
                             [("seeds", ext_seed, n_spacy), ("variations", ext_var, n_spacy)], startup_cpu)
        if "ladder" in phases:
            sizes = [1000, 5000, 20000, 100000, 200000, 500000]
            lad = ladder(args.bin, seeds, tmp, sizes, 1_000_000 if quick else 4_000_000, spacy=True)
        if "e2e" in phases:
            e2e = end_to_end(args.bin, var_path, partitions, n_e2e, 0, "e2e", 600)
            base_e2e = baseline_end_to_end(args.bin, var_path, partitions, n_base_e2e, 0, "e2e", tmp, 600)
        if "latency" in phases:
            lat = end_to_end(args.bin, var_path, partitions, rate * latency_seconds, rate, "latency", 300)
            base_lat = baseline_end_to_end(args.bin, var_path, partitions, n_base_lat, rate, "latency", tmp, 600)
            # The same at a fifth of the load: the latency floor when the box is not saturated.
            low = end_to_end(args.bin, var_path, partitions, rate // 5 * (latency_seconds // 2), rate // 5,
                             "latency-low", 300)

        text, targets = table(info, ext or {}, lad, e2e, lat, base_e2e, base_lat, low)
        print(text)
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"machine": info, "extract": ext, "ladder": lad, "e2e": e2e, "latency": lat,
                           "baseline_e2e": base_e2e, "baseline_latency": base_lat, "latency_low": low,
                           "targets": targets}, f, indent=1)
        missed = [k for k, ok in targets.items() if not ok]
        print(f"targets: {len(targets) - len(missed)} met, {len(missed)} missed" +
              (f" ({', '.join(missed)})" if missed else ""))
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
