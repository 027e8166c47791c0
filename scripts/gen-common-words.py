#!/usr/bin/env python3
"""Generate the knowledge base's list of common English words from Debian's word list.

usage: scripts/gen-common-words.py [WORDS_FILE] [OUT_FILE]

Input: /usr/share/dict/american-english (Debian package `wamerican`). Entries written in
lowercase there are common words; capitalised entries (names) are left out. The recogniser
uses the list to tell a capitalised common word at the start of a sentence or in a
headline ("Meanwhile", "Security Guarantees") from a name it does not know.
Output: one word a line, sorted.
"""
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english"
OUT = sys.argv[2] if len(sys.argv) > 2 else "Sources/Extraction/Resources/KnowledgeBase/common-words.txt"

words = set()
with open(SRC, encoding="utf-8") as fh:
    for line in fh:
        w = line.strip()
        if w and w.isascii() and w.isalpha() and w.islower():
            words.add(w)
with open(OUT, "w", encoding="utf-8") as fh:
    fh.write("".join(w + "\n" for w in sorted(words)))
print(f"{len(words)} words -> {OUT}")
