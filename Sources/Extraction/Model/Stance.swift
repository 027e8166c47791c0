/// Whether a holder is for or against a target.
public enum Polarity: String, Sendable, Hashable, Codable {
    case support
    case oppose
}

/// What a stance is about: a catalogue topic, an entity of the same event, or free text.
public enum StanceTarget: Sendable, Hashable, Codable {
    case topic(String)
    case entity(String)
    case text(String)

    enum CodingKeys: String, CodingKey { case topic, entity, text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let t = try c.decodeIfPresent(String.self, forKey: .topic) {
            self = .topic(t)
        } else if let e = try c.decodeIfPresent(String.self, forKey: .entity) {
            self = .entity(e)
        } else {
            self = .text(try c.decode(String.self, forKey: .text))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .topic(let t): try c.encode(t, forKey: .topic)
        case .entity(let e): try c.encode(e, forKey: .entity)
        case .text(let s): try c.encode(s, forKey: .text)
        }
    }
}

/// A span of the article that supports a stance or holds a quote.
public struct Evidence: Sendable, Hashable, Codable {
    public var field: ArticleField
    public var start: Int
    public var end: Int
    public var text: String

    public init(field: ArticleField, start: Int, end: Int, text: String) {
        self.field = field
        self.start = start
        self.end = end
        self.text = text
    }
}

/// An explicit position that `holder` (an entity id of the same event) takes toward `target`.
public struct Stance: Sendable, Hashable, Codable {
    public var holder: String
    public var target: StanceTarget
    public var polarity: Polarity
    /// In [0, 1].
    public var confidence: Double
    /// The cue word or phrase that signalled the stance.
    public var cue: String
    public var evidence: Evidence

    public init(
        holder: String,
        target: StanceTarget,
        polarity: Polarity,
        confidence: Double,
        cue: String,
        evidence: Evidence
    ) {
        self.holder = holder
        self.target = target
        self.polarity = polarity
        self.confidence = confidence
        self.cue = cue
        self.evidence = evidence
    }
}

/// A quotation with its attributed speaker (an entity id, or `nil` when unattributed).
public struct Quote: Sendable, Hashable, Codable {
    public var speaker: String?
    public var text: String
    public var field: ArticleField
    public var start: Int
    public var end: Int

    public init(speaker: String?, text: String, field: ArticleField, start: Int, end: Int) {
        self.speaker = speaker
        self.text = text
        self.field = field
        self.start = start
        self.end = end
    }

    enum CodingKeys: String, CodingKey { case speaker, text, field, start, end }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(text, forKey: .text)
        try c.encode(field, forKey: .field)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}
