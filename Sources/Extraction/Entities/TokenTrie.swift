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
        for (key, id) in ordered {
            var slot = Int(truncatingIfNeeded: Self.hash(key.utf8)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
        }
    }

    @inline(__always)
    private static func hash<S: Sequence>(_ utf8: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The id of `key`, or -1 when no phrase of the knowledge base uses it.
    @inline(__always)
    func id(_ key: String) -> Int32 {
        guard !slots.isEmpty else { return ids[key] ?? -1 }
        var slot = Int(truncatingIfNeeded: Self.hash(key.utf8)) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            let a = Int(starts[Int(id)])
            let b = Int(starts[Int(id) + 1])
            if key.utf8.count == b - a {
                var k = a
                var equal = true
                for c in key.utf8 {
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

    /// Ids of a field's tokens (see ``MatchKey``).
    func ids(of tokens: [Token]) -> [Int32] {
        tokens.map { id(MatchKey.of($0)) }
    }

    /// Ids of a phrase tokenised like article text.
    mutating func intern(phrase: String) -> [Int32] {
        AnalyzedField(field: .body, text: phrase).tokens.map { intern(MatchKey.of($0)) }
    }
}

/// A trie over word-id sequences with integer payloads, for longest-match lookup.
struct TokenTrie: Sendable {
    private var edges: [UInt64: Int32] = [:]
    private var payloads: [[Int32]] = [[]]
    /// After ``seal()``: edges in an open-addressing table (keys and children), probed with a
    /// multiplicative hash instead of `Dictionary`'s SipHash.
    private var tableKeys: [UInt64] = []
    private var tableChildren: [Int32] = []
    private var tableMask = 0

    /// Builds the probe table; call after the last ``insert(_:value:)``.
    mutating func seal() {
        var capacity = 16
        while capacity < edges.count * 2 { capacity <<= 1 }
        tableMask = capacity - 1
        tableKeys = [UInt64](repeating: UInt64.max, count: capacity)
        tableChildren = [Int32](repeating: -1, count: capacity)
        for (key, child) in edges {
            var slot = Self.slot(key, tableMask)
            while tableChildren[slot] >= 0 { slot = (slot + 1) & tableMask }
            tableKeys[slot] = key
            tableChildren[slot] = child
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    private func child(_ key: UInt64) -> Int32? {
        guard !tableChildren.isEmpty else { return edges[key] }
        var slot = Self.slot(key, tableMask)
        while true {
            let c = tableChildren[slot]
            if c < 0 { return nil }
            if tableKeys[slot] == key { return c }
            slot = (slot + 1) & tableMask
        }
    }

    /// Adds `value` at the end of the path `ids`.
    mutating func insert(_ ids: [Int32], value: Int32) {
        guard !ids.isEmpty, !ids.contains(-1) else { return }
        var node: Int32 = 0
        for id in ids {
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
            tableChildren = []  // unsealed until seal() runs again
            if let next = edges[key] {
                node = next
            } else {
                let next = Int32(payloads.count)
                payloads.append([])
                edges[key] = next
                node = next
            }
        }
        if !payloads[Int(node)].contains(value) { payloads[Int(node)].append(value) }
    }

    /// Paths from `start`: calls `visit(length, payload)` for every path end, shortest first.
    @inline(__always)
    func walk(_ ids: [Int32], from start: Int, limit: Int, _ visit: (Int, [Int32]) -> Void) {
        var node: Int32 = 0
        var i = start
        while i < limit {
            let id = ids[i]
            if id < 0 { return }
            guard let next = child(UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))) else { return }
            node = next
            i += 1
            let p = payloads[Int(node)]
            if !p.isEmpty { visit(i - start, p) }
        }
    }

    /// The length of the longest path from `start` whose payload passes `accept`, with the
    /// accepted values.
    func longest(_ ids: [Int32], from start: Int, limit: Int, accept: (Int32, Int) -> Bool = { _, _ in true }) -> (values: [Int32], length: Int)? {
        var found: [(Int, [Int32])] = []
        walk(ids, from: start, limit: limit) { length, payload in found.append((length, payload)) }
        for (length, payload) in found.reversed() {
            let ok = payload.filter { accept($0, length) }
            if !ok.isEmpty { return (ok, length) }
        }
        return nil
    }
}
