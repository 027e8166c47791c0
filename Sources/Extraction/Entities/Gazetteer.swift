/// Knowledge-base names compiled for longest-match lookup over token sequences.
///
/// Every alias is tokenised with the article tokenizer, so lookups compare token match keys
/// (``MatchKey``). A first-token table bounds the work per position: a token that starts no
/// alias costs one dictionary lookup.
struct Gazetteer: Sendable {
    /// How an alias token must be written in the text.
    enum CaseRule: UInt8, Sendable {
        /// Any case ("of", "al", "von").
        case any
        /// Capitalised (or all caps).
        case capitalized
        /// Exactly as in the alias: acronyms ("US", "AfD", "OPEC+") — "us" is never the United States.
        case exact
    }

    /// One compiled alias.
    struct Alias: Sendable {
        var entry: Int
        var keys: [String]
        var texts: [String]
        var rules: [CaseRule]
        /// The canonical name rather than an alias.
        var isCanonical: Bool
        /// Registered without its leading "the" and one token long ("the Fed" → "Fed"):
        /// matches only after "the".
        var needsArticle = false
    }

    private(set) var aliases: [Alias] = []
    /// Joined keys → alias indices.
    private var byKey: [String: [Int32]] = [:]
    /// First token key → the most tokens an alias starting with it has.
    private var longestByFirst: [String: Int] = [:]

    /// Adds `text` as a name of `entry`.
    mutating func add(_ text: String, entry: Int, isCanonical: Bool) {
        let field = AnalyzedField(field: .body, text: text)
        let tokens = field.tokens.filter { $0.kind != .quote || $0.text == "'" }
        guard !tokens.isEmpty else { return }
        var keys: [String] = []
        var texts: [String] = []
        var rules: [CaseRule] = []
        for t in tokens {
            keys.append(MatchKey.of(t))
            texts.append(t.text)
            rules.append(Self.rule(for: t))
        }
        if keys.count > 1, keys[0] == "the" {
            rules[0] = .any
            insert(Alias(entry: entry, keys: keys, texts: texts, rules: rules, isCanonical: isCanonical))
            insert(
                Alias(
                    entry: entry, keys: Array(keys.dropFirst()), texts: Array(texts.dropFirst()), rules: Array(rules.dropFirst()),
                    isCanonical: false, needsArticle: keys.count == 2))
            return
        }
        insert(Alias(entry: entry, keys: keys, texts: texts, rules: rules, isCanonical: isCanonical))
    }

    private mutating func insert(_ alias: Alias) {
        let keys = alias.keys
        let entry = alias.entry
        let texts = alias.texts
        let joined = keys.joined(separator: "\u{1F}")
        if let existing = byKey[joined], existing.contains(where: { aliases[Int($0)].entry == entry && aliases[Int($0)].texts == texts }) {
            return
        }
        aliases.append(alias)
        byKey[joined, default: []].append(Int32(aliases.count - 1))
        longestByFirst[keys[0]] = max(longestByFirst[keys[0]] ?? 0, keys.count)
    }

    private static func rule(for t: Token) -> CaseRule {
        guard t.kind == .word else { return .any }
        var letters = 0
        var uppers = 0
        var first = true
        var innerUpper = false
        for c in t.text.unicodeScalars where ScalarClass.isLetter(c) {
            letters += 1
            if ScalarClass.isUpper(c) {
                uppers += 1
                if !first { innerUpper = true }
            }
            first = false
        }
        if letters == 0 { return .any }
        if uppers == 0 { return .any }
        if innerUpper { return .exact }  // "US", "NATO", "AfD", "SpaceX"
        return .capitalized
    }

    /// The longest alias matching tokens starting at `start` (within `limit`), as the matched
    /// alias indices and the number of tokens. Case rules are checked against the text.
    func longestMatch(in tokens: [Token], keys: [String], at start: Int, limit: Int) -> (aliases: [Int32], length: Int)? {
        guard let longest = longestByFirst[keys[start]] else { return nil }
        var length = min(longest, limit - start)
        while length >= 1 {
            let joined = length == 1 ? keys[start] : keys[start..<(start + length)].joined(separator: "\u{1F}")
            if let candidates = byKey[joined] {
                let ok = candidates.filter { accepts(aliases[Int($0)], tokens: tokens, at: start) }
                if !ok.isEmpty { return (ok, length) }
            }
            length -= 1
        }
        return nil
    }

    /// Whether the text tokens are written as the alias requires.
    func accepts(_ alias: Alias, tokens: [Token], at start: Int) -> Bool {
        if alias.needsArticle && (start == 0 || tokens[start - 1].lower != "the") { return false }
        for (k, rule) in alias.rules.enumerated() {
            let t = tokens[start + k]
            if k > 0, t.followsNewline { return false }
            switch rule {
            case .any: continue
            case .capitalized: if !t.isCapitalized { return false }
            case .exact:
                if t.text == alias.texts[k] { continue }
                // "U.S." written "U. S." or "US"; both all caps
                if t.isAllCaps && alias.texts[k].unicodeScalars.allSatisfy({ !ScalarClass.isLower($0) }) { continue }
                return false
            }
        }
        return true
    }
}
