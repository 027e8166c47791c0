import Extraction

/// The enriched article event of the contract (`<name>.enriched.v1`).
public struct EnrichedEvent: Sendable, Encodable {
    /// The schema id carried in the value and the `schema` header.
    public static let schema = "stancewire.enriched.v1"

    /// The article's metadata, without its body.
    public struct ArticleInfo: Sendable, Encodable {
        public var id: String
        public var title: String?
        public var url: String?
        public var source: String?
        public var publishedAt: String?
        public var language: String

        enum CodingKeys: String, CodingKey {
            case id, title, url, source, language
            case publishedAt = "published_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(url, forKey: .url)
            try c.encode(source, forKey: .source)
            try c.encode(publishedAt, forKey: .publishedAt)
            try c.encode(language, forKey: .language)
        }
    }

    /// Which engine and knowledge base produced the event.
    public struct ExtractorInfo: Sendable, Encodable {
        public var version: String
        public var knowledgeBase: String

        enum CodingKeys: String, CodingKey {
            case version
            case knowledgeBase = "knowledge_base"
        }
    }

    public var schema: String = EnrichedEvent.schema
    public var article: ArticleInfo
    /// Absent in offline mode.
    public var origin: EventOrigin?
    public var entities: [Entity]
    public var stances: [Stance]
    public var quotes: [Quote]
    public var extractor: ExtractorInfo
    public var processedAt: String

    enum CodingKeys: String, CodingKey {
        case schema, article, origin, entities, stances, quotes, extractor
        case processedAt = "processed_at"
    }

    public init(
        article: Article,
        origin: EventOrigin?,
        result: ExtractionResult,
        extractorVersion: String,
        knowledgeBaseVersion: String,
        processedAt: String
    ) {
        self.article = ArticleInfo(
            id: article.id,
            title: article.title,
            url: article.url,
            source: article.source,
            publishedAt: article.publishedAt,
            language: article.language ?? "en"
        )
        self.origin = origin
        self.entities = result.entities
        self.stances = result.stances
        self.quotes = result.quotes
        self.extractor = ExtractorInfo(version: extractorVersion, knowledgeBase: knowledgeBaseVersion)
        self.processedAt = processedAt
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(article, forKey: .article)
        try c.encodeIfPresent(origin, forKey: .origin)
        try c.encode(entities, forKey: .entities)
        try c.encode(stances, forKey: .stances)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(extractor, forKey: .extractor)
        try c.encode(processedAt, forKey: .processedAt)
    }
}
