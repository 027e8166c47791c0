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
    // (see ``AnalyzedField``), and the flags share one byte.
    /// The token's text, exactly as in the field.
    public var text: String
    /// `text` lowercased.
    public var lower: String {
        didSet {
            lowerHash = WordHash.of(lower)
            setFlag(Self.lowerIsMatchKeyFlag, MatchKey.isPlain(lower))
        }
    }
    /// ``WordHash`` of `lower`, computed once by the tokenizer for the lookup tables of both
    /// the entity and the stance passes.
    private(set) var lowerHash: UInt64
    private var storedStart: Int32
    private var storedEnd: Int32
    private var storedSentence: Int32
    public var kind: Kind
    /// The boolean properties, one bit each (so the token keeps its 56-byte stride).
    private var flags: UInt8

    private static let capitalizedFlag: UInt8 = 1
    private static let allCapsFlag: UInt8 = 2
    private static let followsNewlineFlag: UInt8 = 4
    private static let lowerIsMatchKeyFlag: UInt8 = 8

    @inline(__always)
    private mutating func setFlag(_ flag: UInt8, _ on: Bool) {
        flags = on ? flags | flag : flags & ~flag
    }

    /// The first letter is upper or title case.
    public var isCapitalized: Bool {
        get { flags & Self.capitalizedFlag != 0 }
        set { setFlag(Self.capitalizedFlag, newValue) }
    }
    /// At least two letters and no lowercase letter ("NATO", "U.S.").
    public var isAllCaps: Bool {
        get { flags & Self.allCapsFlag != 0 }
        set { setFlag(Self.allCapsFlag, newValue) }
    }
    /// A line break stands between this token and the previous one (or the field start).
    public var followsNewline: Bool {
        get { flags & Self.followsNewlineFlag != 0 }
        set { setFlag(Self.followsNewlineFlag, newValue) }
    }
    /// `lower` is its own ``MatchKey`` (no period, space or curly apostrophe to drop or
    /// straighten): worked out by the tokenizer, which reads the bytes anyway.
    var lowerIsMatchKey: Bool { flags & Self.lowerIsMatchKeyFlag != 0 }

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
            isAllCaps: isAllCaps, sentence: sentence, followsNewline: followsNewline, lowerHash: WordHash.of(lower),
            lowerIsMatchKey: MatchKey.isPlain(lower))
    }

    init(
        start: Int, end: Int, text: String, kind: Kind, lower: String, isCapitalized: Bool,
        isAllCaps: Bool, sentence: Int, followsNewline: Bool, lowerHash: UInt64, lowerIsMatchKey: Bool
    ) {
        self.storedStart = Int32(truncatingIfNeeded: start)
        self.storedEnd = Int32(truncatingIfNeeded: end)
        self.text = text
        self.kind = kind
        self.lower = lower
        self.storedSentence = Int32(truncatingIfNeeded: sentence)
        self.lowerHash = lowerHash
        self.flags =
            (isCapitalized ? Self.capitalizedFlag : 0) | (isAllCaps ? Self.allCapsFlag : 0)
            | (followsNewline ? Self.followsNewlineFlag : 0) | (lowerIsMatchKey ? Self.lowerIsMatchKeyFlag : 0)
    }

    /// A word or a number.
    public var isWordLike: Bool { kind == .word || kind == .number }
}
