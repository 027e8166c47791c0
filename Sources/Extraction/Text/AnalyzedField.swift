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
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars { scalars.append(c) }
        self.scalars = scalars
        var tokens = Tokenizer(scalars: scalars).tokenize()
        self.sentences = SentenceSplitter(scalars: scalars, isTitle: field == .title).split(&tokens)
        self.tokens = tokens
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
