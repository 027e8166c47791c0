extension ExtractionEngine {
    /// Limits on everything the engine's output holds, so an event stays small whatever the
    /// article's size (the contract's 1 MB message limit with room to spare).
    ///
    /// With the defaults an event lists at most 100 entities and 512 mentions in all (names of
    /// at most 64 characters), 64 stances with 400-character evidence and 32 quotes of at most
    /// 1,000 characters: a few hundred kilobytes at worst, well under 1 MB.
    public struct Configuration: Sendable {
        /// Mentions listed per entity (`mention_count` still counts all). Default: 32.
        public var maxMentionsPerEntity: Int
        /// Entities per article; the most salient are kept. Default: 100.
        public var maxEntities: Int
        /// Mentions listed over all entities of an article, in text order. Default: 512.
        public var maxTotalMentions: Int
        /// Stances per article; the most confident are kept. Default: 64.
        public var maxStances: Int
        /// Quotes per article, in text order. Default: 32.
        public var maxQuotes: Int
        /// Characters of a stance's evidence excerpt. Default: 400.
        public var maxEvidenceCharacters: Int
        /// Characters of a quote's text. Default: 1,000.
        public var maxQuoteCharacters: Int
        /// Unicode scalars of the body that are analysed; the rest is ignored. Default: 200,000.
        public var maxBodyScalars: Int
        /// Unicode scalars of the title that are analysed. Default: 1,000.
        public var maxTitleScalars: Int

        /// Creates a configuration; every parameter has the documented default.
        public init(
            maxMentionsPerEntity: Int = 32,
            maxEntities: Int = 100,
            maxTotalMentions: Int = 512,
            maxStances: Int = 64,
            maxQuotes: Int = 32,
            maxEvidenceCharacters: Int = 400,
            maxQuoteCharacters: Int = 1000,
            maxBodyScalars: Int = 200_000,
            maxTitleScalars: Int = 1000
        ) {
            self.maxMentionsPerEntity = maxMentionsPerEntity
            self.maxEntities = maxEntities
            self.maxTotalMentions = maxTotalMentions
            self.maxStances = maxStances
            self.maxQuotes = maxQuotes
            self.maxEvidenceCharacters = maxEvidenceCharacters
            self.maxQuoteCharacters = maxQuoteCharacters
            self.maxBodyScalars = maxBodyScalars
            self.maxTitleScalars = maxTitleScalars
        }
    }
}
