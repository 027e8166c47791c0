/// Everything the engine found in one article.
public struct ExtractionResult: Sendable, Hashable, Codable {
    public var entities: [Entity]
    public var stances: [Stance]
    public var quotes: [Quote]

    public init(entities: [Entity] = [], stances: [Stance] = [], quotes: [Quote] = []) {
        self.entities = entities
        self.stances = stances
        self.quotes = quotes
    }
}
