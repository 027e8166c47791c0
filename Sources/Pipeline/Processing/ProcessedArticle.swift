/// The encoded outputs of one valid input article, ready to publish.
public struct ProcessedArticle: Sendable {
    /// One stance event with its Kafka key (the holder id).
    public struct KeyedValue: Sendable {
        public var key: String
        public var value: [UInt8]
    }

    public var articleId: String
    /// The enriched event's JSON, keyed by `articleId`.
    public var enriched: [UInt8]
    /// One stance event per stance, in the event's order.
    public var stances: [KeyedValue]
    public var entityCount: Int
    public var stanceCount: Int
}
