/// A set of words (lexicon entries, match keys) whose membership test is built for the
/// extraction hot path, where nearly every token of an article asks several such sets.
///
/// `Set<String>` hashes with SipHash, which costs more than the rest of a typical lookup; here a
/// lookup is one ``WordHash`` (FNV-1a) pass over the word's UTF-8, a presence filter that rejects most
/// non-members from L1 cache, and one probe of an open-addressing table. A hit is confirmed by
/// comparing the words, so there are no false positives. Members are matched by their UTF-8
/// bytes, like ``TokenVocabulary`` and ``StanceVocabulary``: knowledge-base words and article
/// text are compared as written, without Unicode normalisation.
///
/// The set is one reference to an immutable table, so the structs that hold many sets stay
/// small and cheap to pass around. Adding words rebuilds the table: build a set with
/// ``formUnion(_:)`` or a literal, not word by word.
struct WordSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    private var table: Table

    init() {
        table = Table(words: [])
    }

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    init<S: Sequence>(_ elements: S) where S.Element == String {
        table = Table(words: [])
        formUnion(elements)
    }

    var count: Int { table.words.count }
    var isEmpty: Bool { table.words.isEmpty }

    /// The members, in insertion order.
    func makeIterator() -> IndexingIterator<[String]> { table.words.makeIterator() }

    /// Adds every word of `elements`, rebuilding the table once.
    mutating func formUnion<S: Sequence>(_ elements: S) where S.Element == String {
        let added = Table(words: table.words + elements)
        if added.words.count != table.words.count { table = added }
    }

    /// Whether `word` is a member.
    @inline(__always)
    func contains(_ word: String) -> Bool {
        table.contains(word, hash: WordHash.of(word))
    }

    /// Whether `word`, whose ``WordHash`` is `hash`, is a member.
    @inline(__always)
    func contains(_ word: String, hash: UInt64) -> Bool {
        table.contains(word, hash: hash)
    }

    /// False when no member has ``WordHash`` `hash` (the presence filter alone): a caller can
    /// skip building the word; true says only that it may be a member.
    @inline(__always)
    func mayContain(hash: UInt64) -> Bool {
        table.mayContain(hash: hash)
    }

    /// Whether `token`'s lowercase text is a member; uses the hash the tokenizer computed.
    @inline(__always)
    func contains(lowerOf token: Token) -> Bool {
        table.contains(token.lower, hash: token.lowerHash)
    }
}

extension WordSet {
    /// The immutable lookup table of a ``WordSet``.
    private final class Table: Sendable {
        /// The members, in insertion order, without the duplicates of the words it was built from.
        let words: [String]
        /// The hash of each member, parallel to ``words``.
        let hashes: [UInt64]
        /// Open addressing: the index of a member + 1, or 0 for an empty slot.
        let slots: [UInt32]
        let mask: Int
        /// A presence filter on 16 bits of the hash, 8 bits per slot from 512 bits up to
        /// 64 Kbit, so that the many small sets stay small in cache.
        let filter: [UInt64]
        let filterMask: Int

        init(words: [String]) {
            var capacity = 16
            while capacity < words.count * 2 { capacity <<= 1 }
            let bits = Swift.min(1 << 16, Swift.max(512, capacity * 8))
            var slots = [UInt32](repeating: 0, count: capacity)
            var filter = [UInt64](repeating: 0, count: bits / 64)
            var members: [String] = []
            var hashes: [UInt64] = []
            members.reserveCapacity(words.count)
            hashes.reserveCapacity(words.count)
            candidates: for word in words {
                let h = WordHash.of(word)
                var i = Int(truncatingIfNeeded: h) & (capacity - 1)
                while slots[i] != 0 {
                    let index = Int(slots[i]) - 1
                    if hashes[index] == h, members[index] == word { continue candidates }
                    i = (i + 1) & (capacity - 1)
                }
                members.append(word)
                hashes.append(h)
                slots[i] = UInt32(members.count)
                let bit = Int(truncatingIfNeeded: h >> 40) & (bits - 1)
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            self.words = members
            self.hashes = hashes
            self.slots = slots
            self.mask = capacity - 1
            self.filter = filter
            self.filterMask = bits - 1
        }

        @inline(__always)
        func mayContain(hash h: UInt64) -> Bool {
            let bit = Int(truncatingIfNeeded: h >> 40) & filterMask
            return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        @inline(__always)
        func contains(_ word: String, hash h: UInt64) -> Bool {
            let bit = Int(truncatingIfNeeded: h >> 40) & filterMask
            if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[i]
                if slot == 0 { return false }
                let index = Int(slot) - 1
                if hashes[index] == h, words[index] == word { return true }
                i = (i + 1) & mask
            }
        }
    }
}
