/// Word ids for token match keys, shared by the knowledge base's tries, so matching an
/// article costs one string hash per token and integer hashes after that.
struct TokenVocabulary: Sendable {
    private(set) var ids: [String: Int32] = [:]

    /// The id of `key`, added if new.
    mutating func intern(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }

    /// The id of `key`, or -1 when no phrase of the knowledge base uses it.
    @inline(__always)
    func id(_ key: String) -> Int32 { ids[key] ?? -1 }

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

    /// Adds `value` at the end of the path `ids`.
    mutating func insert(_ ids: [Int32], value: Int32) {
        guard !ids.isEmpty, !ids.contains(-1) else { return }
        var node: Int32 = 0
        for id in ids {
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
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
            guard let next = edges[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))] else { return }
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
