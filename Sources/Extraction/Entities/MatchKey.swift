/// The form of a token used for name lookup: lowercase, periods and inner spaces of
/// abbreviations dropped ("U. S." and "U.S." → "us"), curly apostrophes made straight.
enum MatchKey {
    static func of(_ token: Token) -> String { keyAndHash(of: token).key }

    /// The key and its ``WordHash``; the token's own hash when the key is its lowercase text
    /// (most tokens), so that the key is not hashed again.
    static func keyAndHash(of token: Token) -> (key: String, hash: UInt64) {
        switch token.kind {
        case .possessive: return ("'s", possessiveHash)
        case .dash: return ("-", dashHash)
        case .word:
            // The tokenizer has checked the bytes (``Token/lowerIsMatchKey``).
            if token.lowerIsMatchKey { return (token.lower, token.lowerHash) }
            var out = String.UnicodeScalarView()
            for c in token.lower.unicodeScalars {
                if c == "." || c == " " { continue }
                out.append(c.value == 0x2019 || c.value == 0x02BC ? "'" : c)
            }
            let key = String(out)
            return (key, WordHash.of(key))
        default:
            return (token.lower, token.lowerHash)
        }
    }

    /// Whether a lowercased word is its own key: no period, space, or byte of a curly or
    /// modifier apostrophe (U+2019 starts with 0xE2, U+02BC with 0xCA) in it.
    static func isPlain(_ lower: String) -> Bool {
        !lower.utf8.contains { b in b == 0x2E || b == 0x20 || b == 0xE2 || b == 0xCA }
    }

    private static let possessiveHash = WordHash.of("'s")
    private static let dashHash = WordHash.of("-")
}
