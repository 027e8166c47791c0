/// A sentence, heading or list item of an analysed field.
public struct Sentence: Sendable, Hashable {
    /// Scalar offset of the first token.
    public var start: Int
    /// Scalar offset one past the last token.
    public var end: Int
    /// Indices into ``AnalyzedField/tokens``.
    public var tokens: Range<Int>
    /// A line of its own without final punctuation, a `*bold*` line, a short question line
    /// standing alone, or a title.
    public var isHeading: Bool
    /// Most content words are capitalised (headline style), so capitalisation says little
    /// about names here.
    public var isTitleCase: Bool
    /// A site boilerplate line ("Leave a Reply", "Share this", "Related:") that is not article text.
    public var isBoilerplate: Bool

    /// Creates a sentence; ``AnalyzedField`` makes them, tests may too.
    public init(
        start: Int, end: Int, tokens: Range<Int>, isHeading: Bool, isTitleCase: Bool = false,
        isBoilerplate: Bool = false
    ) {
        self.start = start
        self.end = end
        self.tokens = tokens
        self.isHeading = isHeading
        self.isTitleCase = isTitleCase
        self.isBoilerplate = isBoilerplate
    }
}
