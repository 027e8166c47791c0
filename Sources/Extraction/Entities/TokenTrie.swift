/// A trie over word-id sequences with integer payloads, for longest-match lookup.
struct TokenTrie: Sendable {
    private var edges: [UInt64: Int32] = [:]
    private var payloads: [[Int32]] = [[]]
    /// After ``seal()``: edges in an open-addressing table (keys and children), probed with a
    /// multiplicative hash instead of `Dictionary`'s SipHash.
    private var tableKeys: [UInt64] = []
    private var tableChildren: [Int32] = []
    private var tableMask = 0
    /// The most ids on one path (bounds a walk).
    private var maxDepth = 0
    /// Bit per word id: some path starts with it. Most words a walk is asked about start
    /// none, and this answers from a small bitset without probing the table.
    private var startBits: [UInt64] = []

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
        maxDepth = max(maxDepth, ids.count)
        let first = Int(ids[0])
        if first >> 6 >= startBits.count { startBits += [UInt64](repeating: 0, count: (first >> 6) + 1 - startBits.count) }
        startBits[first >> 6] |= 1 << UInt64(first & 63)
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
    ///
    /// The nodes of the walk sit in a stack buffer (no heap allocation per call), and a
    /// payload whose values all pass is returned as is rather than filtered into a copy.
    /// Whether some phrase starts with word `id`: one bit test, for callers to skip a walk
    /// (and the set-up of its `accept` closure) at most tokens.
    @inline(__always)
    func mayStart(_ id: Int32) -> Bool {
        let first = Int(id)
        return first >= 0 && first >> 6 < startBits.count && startBits[first >> 6] & (1 << UInt64(first & 63)) != 0
    }

    func longest(_ ids: [Int32], from start: Int, limit: Int, accept: (Int32, Int) -> Bool = { _, _ in true }) -> (values: [Int32], length: Int)? {
        let depth = min(limit - start, maxDepth)
        guard depth > 0 else { return nil }
        let first = Int(ids[start])
        guard first >= 0, first >> 6 < startBits.count, startBits[first >> 6] & (1 << UInt64(first & 63)) != 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: depth) { nodes -> (values: [Int32], length: Int)? in
            var node: Int32 = 0
            var reached = 0
            while reached < depth {
                let id = ids[start + reached]
                if id < 0 { break }
                guard let next = child(UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))) else { break }
                node = next
                nodes[reached] = node
                reached += 1
            }
            var k = reached
            while k > 0 {
                let length = k
                k -= 1
                let p = payloads[Int(nodes[k])]
                if p.isEmpty { continue }
                var all = true
                for v in p where !accept(v, length) {
                    all = false
                    break
                }
                if all { return (p, length) }
                let ok = p.filter { accept($0, length) }
                if !ok.isEmpty { return (ok, length) }
            }
            return nil
        }
    }
}
