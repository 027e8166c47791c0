/// What a topic of the catalogue is about ("ukraine_sovereignty": Ukraine; "sanctions_on_russia":
/// Russia), so that a phrase explicitly about another country is not read as that topic:
/// "Morocco's sovereignty", "sovereignty over Western Sahara", "sanctions on Iran",
/// "peacekeepers in Lebanon".
///
/// Only countries (entities with an ISO 3166-1 `kb_id`) and their demonyms count as naming
/// another subject; a phrase with no such name nearby keeps its topic.
public struct TopicSubject: Sendable, Hashable {
    /// Canonical names of the entities the topic is about, lowercased.
    public var names: Set<String>
    /// A country's possessive, demonym or name right before the phrase names what it is about
    /// ("Syria's territorial integrity", "Finnish NATO membership"). Off for phrases whose
    /// modifier is usually the provider ("U.S. security guarantees", "American military aid").
    public var before: Bool
    /// Words that, right after the phrase, introduce what it is about ("of", "over", "on").
    public var after: Set<String>

    /// Creates a subject.
    public init(names: Set<String>, before: Bool, after: Set<String>) {
        self.names = names
        self.before = before
        self.after = after
    }
}
