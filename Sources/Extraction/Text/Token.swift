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

    /// First scalar offset.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int
    /// The token's text, exactly as in the field.
    public var text: String
    public var kind: Kind
    /// `text` lowercased.
    public var lower: String
    /// The first letter is upper or title case.
    public var isCapitalized: Bool
    /// At least two letters and no lowercase letter ("NATO", "U.S.").
    public var isAllCaps: Bool
    /// Index of the sentence (in ``AnalyzedField/sentences``) holding the token.
    public var sentence: Int
    /// A line break stands between this token and the previous one (or the field start).
    public var followsNewline: Bool
    /// ``WordHash`` of `lower`, computed once by the tokenizer for the lookup tables of both
    /// the entity and the stance passes.
    var lowerHash: UInt64

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
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.lower = lower
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.sentence = sentence
        self.followsNewline = followsNewline
        self.lowerHash = lowerHash
    }

    /// A word or a number.
    public var isWordLike: Bool { kind == .word || kind == .number }
}
