/// One resolved occurrence of an entity: which entity, where, and whether it is a metonym.
public struct ResolvedMention: Sendable, Hashable {
    /// Index into ``EntityAnalysis/entities``.
    public var entity: Int
    public var field: ArticleField
    /// Token indices in the field's ``AnalyzedField/tokens``.
    public var tokens: Range<Int>
    /// Scalar offsets in the field, end exclusive.
    public var start: Int
    public var end: Int
    /// The mention's text, `field[start..<end]`.
    public var text: String
    /// A place name standing for a government ("Moscow demands"), resolved to the country.
    public var isMetonym: Bool

    /// Creates a resolved mention.
    public init(entity: Int, field: ArticleField, tokens: Range<Int>, start: Int, end: Int, text: String, isMetonym: Bool) {
        self.entity = entity
        self.field = field
        self.tokens = tokens
        self.start = start
        self.end = end
        self.text = text
        self.isMetonym = isMetonym
    }
}

/// Who a demonym or adjective ("Ukrainian", "French") points to.
public struct DemonymOwner: Sendable, Hashable {
    /// The owner's stable entity id (`gpe:ukraine` or a knowledge-base-derived id).
    public var entityId: String
    public var name: String
    public var type: EntityType
    /// The knowledge-base id, if any.
    public var kbId: String?

    /// Creates an owner.
    public init(entityId: String, name: String, type: EntityType, kbId: String?) {
        self.entityId = entityId
        self.name = name
        self.type = type
        self.kbId = kbId
    }
}

/// The entity layer's result for one article, shared with the stance extractor.
public struct EntityAnalysis: Sendable {
    /// The contract entities, in order of first appearance (title first).
    public var entities: [Entity]
    /// Every resolved mention, sorted by field (title, then body) and start offset.
    public var mentions: [ResolvedMention]
    /// Lowercased demonym or adjective ("ukrainian") → index into ``entities``, for the
    /// entities present in the article.
    public var demonymOwners: [String: Int]
    /// Every demonym the knowledge base knows, lowercased, for owners not mentioned yet.
    public var knownDemonyms: [String: DemonymOwner]

    /// Creates an analysis.
    public init(
        entities: [Entity] = [], mentions: [ResolvedMention] = [], demonymOwners: [String: Int] = [:],
        knownDemonyms: [String: DemonymOwner] = [:]
    ) {
        self.entities = entities
        self.mentions = mentions
        self.demonymOwners = demonymOwners
        self.knownDemonyms = knownDemonyms
    }

    /// The owner of a demonym or adjective: an entity of the article when present, else the
    /// knowledge-base entity ("a senior Ukrainian official" → Ukraine even when Ukraine is
    /// not named).
    /// - Parameter lower: The demonym, lowercased ("ukrainian").
    public func ownerOfDemonym(_ lower: String) -> (entityId: String, name: String, type: EntityType)? {
        if let index = demonymOwners[lower], index < entities.count {
            let e = entities[index]
            return (e.id, e.name, e.type)
        }
        if let owner = knownDemonyms[lower] {
            return (owner.entityId, owner.name, owner.type)
        }
        return nil
    }

    /// The index of the entity with `id`, if present.
    public func index(ofEntity id: String) -> Int? {
        entities.firstIndex { $0.id == id }
    }

    /// Appends the owner of a demonym as an entity without mentions, unless present; returns its index.
    /// - Parameter lower: The demonym, lowercased.
    public mutating func addOwnerOfDemonym(_ lower: String) -> Int? {
        if let index = demonymOwners[lower], index < entities.count { return index }
        guard let owner = knownDemonyms[lower] else { return nil }
        if let index = index(ofEntity: owner.entityId) {
            demonymOwners[lower] = index
            return index
        }
        entities.append(
            Entity(id: owner.entityId, name: owner.name, type: owner.type, kbId: owner.kbId, salience: 0, mentionCount: 0, mentions: []))
        demonymOwners[lower] = entities.count - 1
        return entities.count - 1
    }
}
