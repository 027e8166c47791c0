/// One article field split into tokens and sentences.
///
/// Tokenisation is linear in the field's length and uses no regular expressions. All offsets
/// count Unicode scalars from the start of the field.
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
        self.scalars = Self.decode(text)
        var tokens = Tokenizer(scalars: scalars).tokenize()
        self.sentences = SentenceSplitter(scalars: scalars, isTitle: field == .title).split(&tokens)
        self.tokens = tokens
    }

    /// The scalars of `text`, decoded from its UTF-8 in one pass into a buffer sized once.
    private static func decode(_ text: String) -> [Unicode.Scalar] {
        let decoded = text.utf8.withContiguousStorageIfAvailable { utf8 -> [Unicode.Scalar] in
            let n = utf8.count
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, count in
                // A Swift string is valid UTF-8, so lead bytes give each scalar's length.
                var i = 0
                var k = 0
                while i < n {
                    let b0 = UInt32(utf8[i])
                    let value: UInt32
                    if b0 < 0x80 {
                        value = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        value = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        value = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                            | UInt32(utf8[i + 3] & 0x3F)
                        i += 4
                    }
                    (buffer.baseAddress! + k).initialize(to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    k += 1
                }
                count = k
            }
        }
        return decoded ?? Array(text.unicodeScalars)
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
