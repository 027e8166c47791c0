/// One token of an analysed field.
///
/// Offsets count Unicode scalar values from the start of the field, end exclusive, so
/// `field.slice(token.start, token.end) == token.text`.
public struct Token: Sendable, Hashable {
    /// What a token is made of.
    public enum Kind: String, Sendable, Hashable {
        /// Letters (with marks, digits and internal apostrophes), including abbreviations
        /// that keep their period ("Mr.", "U.S.", "U. S.").
        case word
        /// Starts with a digit: "2022", "1,000.5", "5th".
        case number
        /// Sentence and clause punctuation: `. , ; : ! ? … ( ) [ ] / `.
        case punctuation
        /// A quotation mark, straight or curly, single or double, or a guillemet.
        case quote
        /// An apostrophe that is not part of a word and not a possessive "’s".
        case apostrophe
        /// The possessive clitic split off a word: "’s" / "'s", or a lone "’" after a plural.
        case possessive
        /// A hyphen or dash of any width.
        case dash
        /// Anything else: bullets, `*`, currency, emoji (with their modifiers).
        case symbol
        /// Reserved: line breaks are not emitted as tokens; see ``Token/followsNewline``.
        case newline
    }

    // Stored compactly (56 bytes rather than 88): every pass reads the token arrays, and a
    // smaller stride keeps more of them in cache. Offsets and sentence indices fit 32 bits
    // because a field is at most a few million scalars (inputs are capped in bytes).
    /// The token's text, exactly as in the field.
    public var text: String
    /// `text` lowercased.
    public var lower: String
    /// ``WordHash`` of `lower`, computed once by the tokenizer for the lookup tables of both
    /// the entity and the stance passes.
    var lowerHash: UInt64
    private var storedStart: Int32
    private var storedEnd: Int32
    private var storedSentence: Int32
    public var kind: Kind
    /// The first letter is upper or title case.
    public var isCapitalized: Bool
    /// At least two letters and no lowercase letter ("NATO", "U.S.").
    public var isAllCaps: Bool
    /// A line break stands between this token and the previous one (or the field start).
    public var followsNewline: Bool

    /// First scalar offset.
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(truncatingIfNeeded: newValue) }
    }
    /// Offset one past the last scalar.
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(truncatingIfNeeded: newValue) }
    }
    /// Index of the sentence (in ``AnalyzedField/sentences``) holding the token.
    public var sentence: Int {
        get { Int(storedSentence) }
        set { storedSentence = Int32(truncatingIfNeeded: newValue) }
    }

    /// Creates a token; ``AnalyzedField`` makes them, tests may too.
    public init(
        start: Int, end: Int, text: String, kind: Kind, lower: String, isCapitalized: Bool,
        isAllCaps: Bool, sentence: Int, followsNewline: Bool
    ) {
        self.init(
            start: start, end: end, text: text, kind: kind, lower: lower, isCapitalized: isCapitalized,
            isAllCaps: isAllCaps, sentence: sentence, followsNewline: followsNewline, lowerHash: WordHash.of(lower))
    }

    init(
        start: Int, end: Int, text: String, kind: Kind, lower: String, isCapitalized: Bool,
        isAllCaps: Bool, sentence: Int, followsNewline: Bool, lowerHash: UInt64
    ) {
        self.storedStart = Int32(truncatingIfNeeded: start)
        self.storedEnd = Int32(truncatingIfNeeded: end)
        self.text = text
        self.kind = kind
        self.lower = lower
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.storedSentence = Int32(truncatingIfNeeded: sentence)
        self.followsNewline = followsNewline
        self.lowerHash = lowerHash
    }

    /// A word or a number.
    public var isWordLike: Bool { kind == .word || kind == .number }
}
