"""Deterministic benchmark corpora made from the seed articles.

Every corpus is a JSON-lines file in the contract's input shape. Nothing here is random
across runs: a fixed seed drives the recombination, so two runs measure the same bytes.

- seeds: the seed articles repeated with fresh ids (same text, many articles);
- variations: bodies of about `target` bytes recombined from seed paragraphs, with
  fresh ids and titles borrowed from the seeds;
- ladder: the same recombination at several body sizes (1 KB .. 500 KB).
"""

import json
import random


def load_seeds(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def paragraphs(seeds):
    """Every non-blank paragraph (line) of every seed body, in seed order."""
    out = []
    for article in seeds:
        out.extend(p for p in article["body"].split("\n") if p.strip())
    return out


def recombine(pool, rng, target_bytes):
    """Picks seed paragraphs at random until the body reaches about `target_bytes` UTF-8 bytes."""
    parts, size = [], 0
    while size < target_bytes:
        p = pool[rng.randrange(len(pool))]
        parts.append(p)
        size += len(p.encode("utf-8")) + 1
    body = "\n".join(parts)
    # Trim the overshoot at a word boundary so every rung of the ladder is close to its size.
    encoded = body.encode("utf-8")
    if len(encoded) > target_bytes * 1.1:
        cut = encoded[:target_bytes].decode("utf-8", errors="ignore")
        body = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return body


def article(article_id, body, title=None):
    a = {"id": article_id, "body": body, "source": "bench", "language": "en"}
    if title:
        a["title"] = title
    return a


def write(path, articles):
    total = 0
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            line = json.dumps(a, ensure_ascii=False)
            total += len(line.encode("utf-8")) + 1
            f.write(line + "\n")
    return total


def repeated_seeds(seeds, count, prefix):
    """`count` articles cycling through the seeds, ids `<prefix>-00000`..."""
    out = []
    for i in range(count):
        s = seeds[i % len(seeds)]
        out.append(article(f"{prefix}-{i:06d}", s["body"], s.get("title")))
    return out


def variations(seeds, count, target_bytes, prefix, seed=20261123):
    rng = random.Random(seed ^ target_bytes)
    pool = paragraphs(seeds)
    titles = [s["title"] for s in seeds if s.get("title")]
    out = []
    for i in range(count):
        body = recombine(pool, rng, target_bytes)
        title = titles[rng.randrange(len(titles))] if titles and rng.random() < 0.5 else None
        out.append(article(f"{prefix}-{i:06d}", body, title))
    return out
