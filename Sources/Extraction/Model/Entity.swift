/// The closed set of entity types of the annotation guideline.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case person = "PERSON"
    case org = "ORG"
    case gpe = "GPE"
    case loc = "LOC"
}

/// Which field of the article a span refers to.
public enum ArticleField: String, Sendable, Hashable, Codable {
    case title
    case body
}

/// One occurrence of an entity in the article text.
///
/// Offsets count Unicode scalar values from the start of `field`, end exclusive.
public struct Mention: Sendable, Hashable, Codable {
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

/// A distinct real-world referent named in an article, with its merged mentions.
public struct Entity: Sendable, Hashable, Codable {
    /// Stable id across articles, e.g. `person:volodymyr-zelensky`.
    public var id: String
    /// Canonical name.
    public var name: String
    public var type: EntityType
    /// Knowledge-base identifier from shipped data, or `nil`.
    public var kbId: String?
    /// Importance in the article, in [0, 1].
    public var salience: Double
    /// Total number of mentions (may exceed `mentions.count`, which is capped).
    public var mentionCount: Int
    /// The first mentions, in text order, capped by configuration.
    public var mentions: [Mention]

    public init(
        id: String,
        name: String,
        type: EntityType,
        kbId: String?,
        salience: Double,
        mentionCount: Int,
        mentions: [Mention]
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.kbId = kbId
        self.salience = salience
        self.mentionCount = mentionCount
        self.mentions = mentions
    }

    enum CodingKeys: String, CodingKey {
        case id, name, type, salience, mentions
        case kbId = "kb_id"
        case mentionCount = "mention_count"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(kbId, forKey: .kbId)  // explicit null, as in the contract
        try c.encode(salience, forKey: .salience)
        try c.encode(mentionCount, forKey: .mentionCount)
        try c.encode(mentions, forKey: .mentions)
    }
}
