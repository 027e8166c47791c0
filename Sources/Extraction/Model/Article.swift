/// An input article, already decoded and validated (see CONTRACT.md, "Input: raw article").
public struct Article: Sendable, Hashable, Codable {
    /// Stable article id, 1 to 256 characters.
    public var id: String
    /// Plain-text body; may contain newlines.
    public var body: String
    /// Headline, if any.
    public var title: String?
    public var url: String?
    /// Outlet or feed name.
    public var source: String?
    /// RFC 3339 timestamp, as given.
    public var publishedAt: String?
    /// BCP 47 language tag; `nil` means English.
    public var language: String?

    public init(
        id: String,
        body: String,
        title: String? = nil,
        url: String? = nil,
        source: String? = nil,
        publishedAt: String? = nil,
        language: String? = nil
    ) {
        self.id = id
        self.body = body
        self.title = title
        self.url = url
        self.source = source
        self.publishedAt = publishedAt
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case id, body, title, url, source, language
        case publishedAt = "published_at"
    }
}
