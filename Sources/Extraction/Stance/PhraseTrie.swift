/// A trie over word ids that finds the longest lexicon phrase starting at a token.
///
/// Transitions live in one flat dictionary keyed by `(node, word id)`, so a failed lookup at
/// the root (the common case) costs one hash of an integer.
struct PhraseTrie: Sendable {
    /// A phrase found in the token stream.
    struct Match: Sendable, Hashable {
        /// First token of the match.
        var start: Int
        /// One past the last matched token.
        var end: Int
        /// The value stored with the phrase.
        var payload: Int32
    }

    /// Transitions while building.
    private var edges: [UInt64: Int32] = [:]
    /// The same transitions in an open-addressing table (``freeze()``): key + 1 (0 is
    /// empty) and target node, probed with a multiplicative hash instead of `Hasher`.
    private var frozenKeys: [UInt64] = []
    private var frozenNodes: [Int32] = []
    private var frozenShift: UInt64 = 64
    /// Payload per node, `-1` when no phrase ends there.
    private var payloads: [Int32] = [-1]
    /// Per word id, whether a phrase starts with it (an array test, no hashing).
    private var starts: [Bool] = []

    /// The number of phrases stored.
    private(set) var phraseCount = 0

    @inline(__always)
    private static func key(_ node: Int32, _ word: Int32) -> UInt64 {
        (UInt64(UInt32(bitPattern: node)) << 32) | UInt64(UInt32(bitPattern: word))
    }

    /// Stores `words` with `payload`; a phrase stored twice keeps the later payload.
    mutating func insert(_ words: [Int32], payload: Int32) {
        guard !words.isEmpty else { return }
        if words[0] >= 0 {
            let first = Int(words[0])
            if first >= starts.count { starts += [Bool](repeating: false, count: first + 1 - starts.count) }
            starts[first] = true
        }
        var node: Int32 = 0
        for w in words {
            let k = Self.key(node, w)
            if let next = edges[k] {
                node = next
            } else {
                let next = Int32(payloads.count)
                payloads.append(-1)
                edges[k] = next
                node = next
            }
        }
        if payloads[Int(node)] < 0 { phraseCount += 1 }
        payloads[Int(node)] = payload
    }

    /// Builds the lookup table; call after the last ``insert(_:payload:)``.
    mutating func freeze() {
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < edges.count * 2 {
            capacity *= 2
            bits += 1
        }
        frozenKeys = [UInt64](repeating: 0, count: capacity)
        frozenNodes = [Int32](repeating: -1, count: capacity)
        frozenShift = 64 - bits
        for (key, node) in edges {
            var i = Self.slot(key, frozenShift)
            while frozenKeys[i] != 0 { i = (i + 1) & (capacity - 1) }
            frozenKeys[i] = key &+ 1
            frozenNodes[i] = node
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The child of `node` by `word`.
    @inline(__always)
    private func edge(_ node: Int32, _ word: Int32) -> Int32? {
        let key = Self.key(node, word)
        guard !frozenKeys.isEmpty else { return edges[key] }
        let mask = frozenKeys.count - 1
        var i = Self.slot(key, frozenShift)
        while true {
            let k = frozenKeys[i]
            if k == 0 { return nil }
            if k == key &+ 1 { return frozenNodes[i] }
            i = (i + 1) & mask
        }
    }

    /// Whether some phrase starts with `word`.
    @inline(__always)
    func startsPhrase(_ word: Int32) -> Bool {
        word >= 0 && Int(word) < starts.count && starts[Int(word)]
    }

    /// The longest phrase starting at token `start`.
    ///
    /// - Parameters:
    ///   - ids: Word id per token (``StanceVocabulary/none`` for other words).
    ///   - start: First token.
    ///   - limit: Tokens at or after `limit` are not looked at.
    ///   - skippable: Per token, whether it may be passed over inside a phrase (punctuation
    ///     such as a possessive or a hyphen, a filler word such as "the").
    ///   - maxSkips: How many tokens may be passed over in one match.
    func longestMatch(ids: [Int32], from start: Int, limit: Int, skippable: [Bool], maxSkips: Int) -> Match? {
        guard start < limit, startsPhrase(ids[start]), var node = edge(0, ids[start]) else { return nil }
        var best: Match?
        if payloads[Int(node)] >= 0 { best = Match(start: start, end: start + 1, payload: payloads[Int(node)]) }
        var i = start + 1
        var skips = 0
        while i < limit {
            let w = ids[i]
            if w >= 0, let next = edge(node, w) {
                node = next
                if payloads[Int(node)] >= 0 { best = Match(start: start, end: i + 1, payload: payloads[Int(node)]) }
            } else if skippable[i], skips < maxSkips {
                skips += 1
            } else {
                break
            }
            i += 1
        }
        return best
    }
}
