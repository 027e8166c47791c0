/// Word ids for token match keys, shared by the knowledge base's tries, so matching an
/// article costs one string hash per token and integer hashes after that.
struct TokenVocabulary: Sendable {
    private(set) var ids: [String: Int32] = [:]
    /// After ``seal()``: an open-addressing table of FNV-1a hashes over UTF-8 bytes, faster
    /// than `Dictionary<String, _>` for the one lookup every token needs.
    private var slots: [Int32] = []
    private var bytes: [UInt8] = []
    private var starts: [Int32] = []
    private var mask = 0
    /// A 64 Kbit presence filter on 16 bits of the hash: most words of an article name
    /// nothing, and this rejects them from L1 cache without probing the larger table.
    private var filter: [UInt64] = []

    /// The id of `key`, added if new.
    mutating func intern(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        slots = []
        return id
    }

    /// Builds the lookup table; call after the last ``intern(_:)``.
    mutating func seal() {
        var capacity = 16
        while capacity < ids.count * 3 { capacity <<= 1 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        let ordered = ids.sorted { $0.value < $1.value }
        bytes = []
        starts = [0]
        for (key, _) in ordered {
            bytes.append(contentsOf: key.utf8)
            starts.append(Int32(bytes.count))
        }
        filter = [UInt64](repeating: 0, count: 1024)
        for (key, id) in ordered {
            let h = WordHash.of(key.utf8)
            let bit = Int(truncatingIfNeeded: h >> 40) & 0xFFFF
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
        }
    }

    /// The id of `key`, or -1 when no phrase of the knowledge base uses it.
    @inline(__always)
    func id(_ key: String) -> Int32 { id(key, hash: WordHash.of(key)) }

    /// The id of `key` whose ``WordHash`` is `h`, or -1.
    @inline(__always)
    func id(_ key: String, hash h: UInt64) -> Int32 {
        guard !slots.isEmpty else { return ids[key] ?? -1 }
        let bit = Int(truncatingIfNeeded: h >> 40) & 0xFFFF
        // Most words of an article name nothing: the filter rejects them before the key's
        // bytes are read.
        if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return -1 }
        // One contiguous view of the key's UTF-8 (small strings are copied to the stack).
        var key = key
        return key.withUTF8 { utf8 in
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let id = slots[slot]
                if id < 0 { return -1 }
                let a = Int(starts[Int(id)])
                let b = Int(starts[Int(id) + 1])
                if utf8.count == b - a {
                    var k = a
                    var equal = true
                    for c in utf8 {
                        if bytes[k] != c {
                            equal = false
                            break
                        }
                        k += 1
                    }
                    if equal { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Ids of a field's tokens (see ``MatchKey``).
    func ids(of tokens: [Token]) -> [Int32] {
        tokens.map {
            let k = MatchKey.keyAndHash(of: $0)
            return id(k.key, hash: k.hash)
        }
    }

    /// Ids of a phrase tokenised like article text.
    mutating func intern(phrase: String) -> [Int32] {
        AnalyzedField(field: .body, text: phrase).tokens.map { intern(MatchKey.of($0)) }
    }
}
