/// One named referent of the knowledge base, as loaded from an entity file.
public struct KnowledgeBaseEntry: Sendable, Hashable {
    /// Canonical name, reported as the entity's `name`.
    public var name: String
    public var type: EntityType
    /// Identifier from shipped data (e.g. `iso3166-1:UA`), or `nil`.
    public var kbId: String?
    /// Stable entity id, e.g. `gpe:ukraine`; derived from type and name unless the file sets `id`.
    public var id: String
    /// Other names: spellings, short forms, acronyms. Mentions of these resolve to the entry.
    public var aliases: [String]
    /// Adjectives and demonyms ("Ukrainian"): never mentions, but they name the owner of
    /// unnamed officials and keep the recogniser from taking them for names.
    public var demonyms: [String]
    /// Canonical name of the country this city is the capital of.
    public var capitalOf: String?
    /// Canonical name of the entity this place stands for when used as an actor
    /// ("Moscow demands" → Russia, "Brussels insists" → European Union).
    public var metonymOf: String?
    /// The name is also a common English word ("Turkey", "Chad"): it is not matched at the
    /// start of a sentence or in headline case unless nothing else explains it.
    public var isCommonWord: Bool
    /// Where the entry was defined, for error messages: file path and 1-based line.
    public var file: String
    public var line: Int

    /// Creates an entry.
    public init(
        name: String, type: EntityType, kbId: String? = nil, id: String? = nil, aliases: [String] = [],
        demonyms: [String] = [], capitalOf: String? = nil, metonymOf: String? = nil, isCommonWord: Bool = false,
        file: String = "", line: Int = 0
    ) {
        self.name = name
        self.type = type
        self.kbId = kbId
        self.id = id ?? EntityIdentifier.make(type: type, name: name)
        self.aliases = aliases
        self.demonyms = demonyms
        self.capitalOf = capitalOf
        self.metonymOf = metonymOf
        self.isCommonWord = isCommonWord
        self.file = file
        self.line = line
    }
}
