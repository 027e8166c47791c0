"""Load generator: produces articles to the input topic and reads the output topic.

It warms the consumer under test up (one article per partition, waited for; then creates the
`--mark` file and pauses, so that the caller can read metrics before the measured part), then produces
`count` articles, either as fast as it can (`rate` 0) or paced at `rate` articles per
second, each to an explicit partition (round robin) with the article id as key. A reader
thread consumes the output topic from the beginning and records, per key, when its output
arrived. Prints one JSON object with throughput and latency figures.

Latency is measured two ways, both against the send time of the input:
- `recv`: when this process received the output (an upper bound: includes the fetch);
- `ts`: the output message's CreateTime, set by the system under test when it produced it.
"""

import argparse
import json
import sys
import threading
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, Producer, TopicPartition


def percentile(sorted_values, q):
    if not sorted_values:
        return None
    k = min(len(sorted_values) - 1, max(0, int(round(q * (len(sorted_values) - 1)))))
    return sorted_values[k]


class OutputReader(threading.Thread):
    """Consumes every partition of the output topic and remembers when each key arrived."""

    def __init__(self, brokers, topic, partitions):
        super().__init__(daemon=True)
        self.consumer = Consumer({
            "bootstrap.servers": brokers,
            "group.id": "bench-loadgen-reader",
            "enable.auto.commit": False,
            "fetch.wait.max.ms": 5,
            "fetch.min.bytes": 1,
        })
        self.consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in range(partitions)])
        self.arrivals = {}  # key -> (receive time, output CreateTime seconds)
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.stopping = False

    def run(self):
        while not self.stopping:
            # A short timeout: consume() waits for the whole batch or the timeout, which adds latency.
            for msg in self.consumer.consume(num_messages=500, timeout=0.002):
                if msg.error():
                    continue
                now = time.time()
                key = msg.key().decode("utf-8", "replace") if msg.key() else ""
                _, ts_ms = msg.timestamp()
                with self.lock:
                    if key not in self.arrivals:
                        self.arrivals[key] = (now, ts_ms / 1000.0)
                    self.changed.notify_all()
        self.consumer.close()

    def wait_for(self, keys, timeout):
        deadline = time.time() + timeout
        with self.lock:
            while True:
                missing = sum(1 for k in keys if k not in self.arrivals)
                if missing == 0:
                    return 0
                left = deadline - time.time()
                if left <= 0:
                    return missing
                self.changed.wait(min(left, 0.2))


def read_articles(path, count):
    out = []
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            out.append((json.loads(line)["id"], line.rstrip(b"\n")))
            if len(out) == count:
                break
    if len(out) < count:
        sys.exit(f"loadgen: {path} has {len(out)} articles, {count} needed")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--brokers", required=True)
    ap.add_argument("--input", required=True, help="JSON lines of articles")
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--rate", type=float, default=0.0, help="articles per second; 0 = as fast as possible")
    ap.add_argument("--partitions", type=int, default=32)
    ap.add_argument("--input-topic", default="articles.raw")
    ap.add_argument("--output-topic", default="articles.enriched")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for all outputs")
    ap.add_argument("--warmup-timeout", type=float, default=90.0)
    ap.add_argument("--mark", help="file to create once warmed up (the caller may then scrape metrics)")
    ap.add_argument("--mark-pause", type=float, default=1.0, help="seconds to wait after creating --mark")
    args = ap.parse_args()

    articles = read_articles(args.input, args.count + args.partitions)
    warmup, measured = articles[: args.partitions], articles[args.partitions:]
    warmup = [(f"warmup-{i}-{aid}", line.replace(aid.encode(), f"warmup-{i}-{aid}".encode(), 1))
              for i, (aid, line) in enumerate(warmup)]

    reader = OutputReader(args.brokers, args.output_topic, args.partitions)
    reader.start()
    producer = Producer({
        "bootstrap.servers": args.brokers,
        "linger.ms": 1 if args.rate > 0 else 5,
        "queue.buffering.max.messages": 200000,
        "queue.buffering.max.kbytes": 1048576,
        "enable.idempotence": True,
    })

    # Warm-up: one article per partition, and wait until every one has come out.
    for p, (aid, line) in enumerate(warmup):
        producer.produce(args.input_topic, value=line, key=aid.encode(), partition=p)
    producer.flush(30)
    missing = reader.wait_for([aid for aid, _ in warmup], args.warmup_timeout)
    if missing:
        print(json.dumps({"error": f"warm-up: {missing} of {len(warmup)} outputs never arrived"}))
        sys.exit(2)

    if args.mark:
        open(args.mark, "w").close()
        time.sleep(args.mark_pause)

    sent = {}
    start = time.time()
    for i, (aid, line) in enumerate(measured):
        if args.rate > 0:
            due = start + i / args.rate
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
        while True:
            try:
                sent[aid] = time.time()
                producer.produce(args.input_topic, value=line, key=aid.encode(), partition=i % args.partitions)
                break
            except BufferError:
                producer.poll(0.01)
        producer.poll(0)
    produced_at = time.time()
    producer.flush(60)
    missing = reader.wait_for(list(sent), args.timeout)
    reader.stopping = True
    reader.join(5)

    with reader.lock:
        arrivals = dict(reader.arrivals)
    recv_lat = sorted(arrivals[k][0] - t for k, t in sent.items() if k in arrivals)
    ts_lat = sorted(max(0.0, arrivals[k][1] - t) for k, t in sent.items() if k in arrivals)
    last = max((arrivals[k][0] for k in sent if k in arrivals), default=start)
    done = len(sent) - missing
    result = {
        "count": len(sent),
        "received": done,
        "missing": missing,
        "rate_offered": args.rate,
        "produce_seconds": produced_at - start,
        "seconds": last - start,
        "throughput": done / (last - start) if last > start else None,
        "recv_p50": percentile(recv_lat, 0.50),
        "recv_p99": percentile(recv_lat, 0.99),
        "recv_max": recv_lat[-1] if recv_lat else None,
        "ts_p50": percentile(ts_lat, 0.50),
        "ts_p99": percentile(ts_lat, 0.99),
        "start": start,
        "end": last,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
