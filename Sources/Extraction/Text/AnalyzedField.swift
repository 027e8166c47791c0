/// One article field split into tokens and sentences.
///
/// Tokenisation is linear in the field's length and uses no regular expressions. All offsets
/// count Unicode scalars from the start of the field. Tokens keep their offsets in 32 bits, so
/// a field holds at most 2³¹ − 1 scalars (8 GB of text); the engine analyses far less
/// (``ExtractionEngine/Configuration/maxBodyScalars``).
public struct AnalyzedField: Sendable {
    public let field: ArticleField
    public let text: String
    /// The field as Unicode scalars; offsets index this array.
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]

    /// Analyses `text`.
    /// - Parameters:
    ///   - field: Which article field `text` is.
    ///   - text: The field's text. A title is treated as one heading.
    public init(field: ArticleField, text: String) {
        self.field = field
        self.text = text
        let scalars = Self.decodeScalars(text)
        self.scalars = scalars
        var tokens = Tokenizer(scalars: scalars).tokenize()
        self.sentences = SentenceSplitter(scalars: scalars, isTitle: field == .title).split(&tokens)
        self.tokens = tokens
    }

    /// The Unicode scalars of `text`, decoded from one contiguous view of its UTF-8 (which a
    /// `String` keeps valid), several times faster than iterating `unicodeScalars`.
    static func decodeScalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { buffer, count in
                let n = utf8.count
                var i = 0
                var k = 0
                while i < n {
                    // Eight ASCII bytes at a time, the common case.
                    if i + 8 <= n, let base = utf8.baseAddress,
                        UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                    {
                        for j in 0..<8 { buffer[k + j] = Unicode.Scalar(utf8[i + j]) }
                        i += 8
                        k += 8
                        continue
                    }
                    let b = utf8[i]
                    if b < 0x80 {
                        buffer[k] = Unicode.Scalar(b)
                        i += 1
                    } else {
                        var v: UInt32
                        let width: Int
                        if b < 0xE0 {
                            v = UInt32(b & 0x1F)
                            width = 2
                        } else if b < 0xF0 {
                            v = UInt32(b & 0x0F)
                            width = 3
                        } else {
                            v = UInt32(b & 0x07)
                            width = 4
                        }
                        for j in 1..<width { v = v << 6 | UInt32(utf8[i + j] & 0x3F) }
                        // Valid UTF-8 decodes to a valid scalar; the fallback never runs.
                        buffer[k] = Unicode.Scalar(v) ?? "\u{FFFD}"
                        i += width
                    }
                    k += 1
                }
                count = k
            }
        }
    }

    /// The text between two scalar offsets, clamped to the field.
    public func slice(_ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, scalars.count))
        let hi = max(lo, min(end, scalars.count))
        return ScalarClass.string(scalars, lo..<hi)
    }

    /// The text of tokens `range`, from the first token's start to the last token's end.
    public func text(ofTokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return slice(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    /// The sentence holding token `index`.
    public func sentence(ofToken index: Int) -> Sentence { sentences[tokens[index].sentence] }
}
