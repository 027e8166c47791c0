/// A key phrase of the topic lexicon: where it occurs in a cue's scope, the stance is about
/// `topic`.
public struct TopicPhrase: Sendable, Hashable {
    /// The catalogue id, e.g. `sanctions_on_russia`.
    public var topic: String
    /// `true` for phrases naming the opposite of the topic ("sanctions relief" for
    /// `sanctions_on_russia`): supporting them opposes the topic.
    public var isOpposite: Bool
    /// A broad topic (`peace_talks`) that yields to a more specific one in the same scope.
    public var isGeneric: Bool
    /// When not empty, the topic applies only to holders with one of these names
    /// (lowercased): "mediation" is `china_mediation` only when China offers it. Other
    /// holders get ``fallbackTopic``.
    public var holderNames: Set<String>
    /// The topic for holders not in ``holderNames``.
    public static let fallbackTopic = "peace_talks"
    /// Position of ``topic`` in the lexicon's topic list (a compact key for deduplication).
    var topicIndex = 0
    /// Index of the topic's context word group (`-1`: none): a topic tied to one conflict
    /// ("ukraine_sovereignty") applies only to articles naming it.
    var contextGroup = -1
    /// The phrase names the topic only where it reads as a noun ("need guarantees", "the
    /// guarantees"), not as a verb sharing its word ("would guarantee", "to guarantee").
    var isNounOnly = false

    /// Creates a topic phrase.
    public init(topic: String, isOpposite: Bool, isGeneric: Bool, holderNames: Set<String> = []) {
        self.topic = topic
        self.isOpposite = isOpposite
        self.isGeneric = isGeneric
        self.holderNames = holderNames
    }
}
