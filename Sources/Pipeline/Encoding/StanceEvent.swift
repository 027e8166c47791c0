import Extraction

/// One stance of an article, published on the stance topic keyed by the holder id.
public struct StanceEvent: Sendable, Encodable {
    public var stance: Stance
    public var articleId: String
    public var holderName: String?
    public var holderType: EntityType?
    public var publishedAt: String?

    enum CodingKeys: String, CodingKey {
        case holder, target, polarity, confidence, cue, evidence
        case articleId = "article_id"
        case holderName = "holder_name"
        case holderType = "holder_type"
        case publishedAt = "published_at"
    }

    public init(stance: Stance, articleId: String, holder: Entity?, publishedAt: String?) {
        self.stance = stance
        self.articleId = articleId
        self.holderName = holder?.name
        self.holderType = holder?.type
        self.publishedAt = publishedAt
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stance.holder, forKey: .holder)
        try c.encode(stance.target, forKey: .target)
        try c.encode(stance.polarity, forKey: .polarity)
        try c.encode(stance.confidence, forKey: .confidence)
        try c.encode(stance.cue, forKey: .cue)
        try c.encode(stance.evidence, forKey: .evidence)
        try c.encode(articleId, forKey: .articleId)
        try c.encode(holderName, forKey: .holderName)
        try c.encode(holderType, forKey: .holderType)
        try c.encode(publishedAt, forKey: .publishedAt)
    }
}
