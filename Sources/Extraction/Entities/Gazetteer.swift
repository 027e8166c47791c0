/// Knowledge-base names compiled for longest-match lookup over token sequences.
///
/// Every alias is tokenised with the article tokenizer and stored in a trie of word ids
/// (``TokenTrie``); a token that starts no alias costs one dictionary lookup.
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
        var texts: [String]
        var rules: [CaseRule]
        /// The canonical name rather than an alias.
        var isCanonical: Bool
        /// Registered without its leading "the" and one token long ("the Fed" → "Fed"):
        /// matches only after "the".
        var needsArticle = false
    }

    private(set) var aliases: [Alias] = []
    private var trie = TokenTrie()

    /// Adds `text` as a name of `entry`.
    mutating func add(_ text: String, entry: Int, isCanonical: Bool, vocabulary: inout TokenVocabulary) {
        let field = AnalyzedField(field: .body, text: text)
        let tokens = field.tokens.filter { $0.kind != .quote || $0.text == "'" }
        guard !tokens.isEmpty else { return }
        var ids: [Int32] = []
        var texts: [String] = []
        var rules: [CaseRule] = []
        for t in tokens {
            ids.append(vocabulary.intern(MatchKey.of(t)))
            texts.append(t.text)
            rules.append(Self.rule(for: t))
        }
        if ids.count > 1, MatchKey.of(tokens[0]) == "the" {
            rules[0] = .any
            insert(Alias(entry: entry, texts: texts, rules: rules, isCanonical: isCanonical), ids: ids)
            insert(
                Alias(
                    entry: entry, texts: Array(texts.dropFirst()), rules: Array(rules.dropFirst()), isCanonical: false,
                    needsArticle: ids.count == 2), ids: Array(ids.dropFirst()))
            return
        }
        insert(Alias(entry: entry, texts: texts, rules: rules, isCanonical: isCanonical), ids: ids)
    }

    /// Builds the trie's probe table; call after the last ``add(_:entry:isCanonical:vocabulary:)``.
    mutating func seal() { trie.seal() }

    private mutating func insert(_ alias: Alias, ids: [Int32]) {
        aliases.append(alias)
        trie.insert(ids, value: Int32(aliases.count - 1))
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
        if letters == 0 || uppers == 0 { return .any }
        if innerUpper { return .exact }  // "US", "NATO", "AfD", "SpaceX"
        return .capitalized
    }

    /// The longest alias matching tokens starting at `start` (within `limit`), as the matched
    /// alias indices and the number of tokens. Case rules are checked against the text.
    func longestMatch(in tokens: [Token], ids: [Int32], at start: Int, limit: Int) -> (aliases: [Int32], length: Int)? {
        // Most words start no alias: rejected before the closure below is set up (it retains
        // the alias table and the tokens).
        guard trie.mayStart(ids[start]) else { return nil }
        // The closure captures the alias table alone, not the whole gazetteer (no copy of it per call).
        let aliases = self.aliases
        guard let m = trie.longest(ids, from: start, limit: limit, accept: { a, _ in Self.accepts(aliases, Int(a), tokens: tokens, at: start) })
        else { return nil }
        return (m.values, m.length)
    }

    /// Whether the text tokens are written as alias `index` of `aliases` requires; reads the
    /// alias and the tokens in place.
    private static func accepts(_ aliases: [Alias], _ index: Int, tokens: [Token], at start: Int) -> Bool {
        if aliases[index].needsArticle && (start == 0 || tokens[start - 1].lower != "the") { return false }
        let rules = aliases[index].rules
        for k in rules.indices {
            let t = start + k
            if k > 0, tokens[t].followsNewline { return false }
            switch rules[k] {
            case .any: continue
            case .capitalized: if !tokens[t].isCapitalized { return false }
            case .exact:
                if tokens[t].text == aliases[index].texts[k] { continue }
                // "U.S." written "U. S." or "US"; both all caps
                if tokens[t].isAllCaps && aliases[index].texts[k].unicodeScalars.allSatisfy({ !ScalarClass.isLower($0) }) { continue }
                return false
            }
        }
        return true
    }
}
