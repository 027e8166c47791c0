/// Finds stances (who is for or against what) and quotations in analysed article fields.
///
/// One linear pass per field over the tokens: cue and topic phrases come from precompiled
/// tries keyed by word ids, holders from the clause subject, reported-speech frames, quote
/// speakers, possessors ("Russia's demand"), passive agents, pronouns and unnamed officials
/// ("a senior Ukrainian official"). No regular expressions, no per-character string work.
///
/// - Important: The extractor is an immutable value; share it between tasks freely.
public struct StanceExtractor: Sendable {
    /// Limits and switches of the extractor.
    public struct Configuration: Sendable {
        /// The most stances reported per article; the most confident are kept.
        /// Default: 64.
        public var maxStances: Int
        /// The most quotes reported per article, in text order. Default: 32.
        public var maxQuotes: Int
        /// Evidence longer than this many characters is clipped around the cue. Default: 400.
        public var maxEvidenceCharacters: Int
        /// Quote text longer than this many characters is clipped. Default: 1,000.
        public var maxQuoteCharacters: Int
        /// A quotation needs at least this many words to count as a quote rather than a
        /// scare-quoted phrase ("neutral status"). Default: 4.
        public var minimumQuoteWords: Int
        /// Stances below this confidence are dropped. Default: 0.3.
        public var minimumConfidence: Double
        /// How far back (in tokens) a holder is looked for. Default: 40.
        public var maxHolderDistance: Int
        /// When an unnamed official's country ("a senior Ukrainian official") is not yet an
        /// entity of the article, add it so the stance has a holder. Off by default: the
        /// guideline makes only named referents entities. Default: false.
        public var addsDemonymOwners: Bool

        /// Creates a configuration; every parameter has the documented default.
        public init(
            maxStances: Int = 64,
            maxQuotes: Int = 32,
            maxEvidenceCharacters: Int = 400,
            maxQuoteCharacters: Int = 1000,
            minimumQuoteWords: Int = 4,
            minimumConfidence: Double = 0.3,
            maxHolderDistance: Int = 40,
            addsDemonymOwners: Bool = false
        ) {
            self.maxStances = maxStances
            self.maxQuotes = maxQuotes
            self.maxEvidenceCharacters = maxEvidenceCharacters
            self.maxQuoteCharacters = maxQuoteCharacters
            self.minimumQuoteWords = minimumQuoteWords
            self.minimumConfidence = minimumConfidence
            self.maxHolderDistance = maxHolderDistance
            self.addsDemonymOwners = addsDemonymOwners
        }
    }

    /// The compiled lexicon.
    public let lexicon: StanceLexicon
    /// The limits in force.
    public let configuration: Configuration

    /// Creates an extractor.
    /// - Parameters:
    ///   - lexicon: Cue and topic lexicon, from ``StanceLexicon/load(directories:)``.
    ///   - configuration: Limits; see ``Configuration``.
    public init(lexicon: StanceLexicon, configuration: Configuration = .init()) {
        self.lexicon = lexicon
        self.configuration = configuration
    }

    /// Extracts the stances and quotes of one article.
    ///
    /// - Parameters:
    ///   - fields: The analysed title and body.
    ///   - analysis: The article's entities and resolved mentions. Holders and entity
    ///     targets are entities of it; with ``Configuration/addsDemonymOwners`` the owner of
    ///     an unnamed official's demonym may be appended to `analysis.entities`.
    /// - Returns: Deduplicated stances (one per holder, target and polarity, the most
    ///   confident kept, at most ``Configuration/maxStances``) and quotes in text order (at
    ///   most ``Configuration/maxQuotes``).
    public func extract(fields: [AnalyzedField], analysis: inout EntityAnalysis) -> (stances: [Stance], quotes: [Quote]) {
        var best: [Int: Int] = [:]
        var stances: [Stance] = []
        var quotes: [Quote] = []
        var scans = fields.map {
            StanceFieldScan(field: $0, lexicon: lexicon, configuration: configuration, analysis: analysis)
        }
        // Topics tied to one conflict need the article (title or body) to name it.
        var context: UInt64 = 0
        for i in scans.indices {
            scans[i].prepare()
            context |= scans[i].context
        }
        for i in scans.indices {
            scans[i].run(context: context)
            let scan = scans[i]
            // Entity indices are shared by the fields, so integer keys identify a triple.
            for (stance, key) in zip(scan.stances, scan.stanceKeys) {
                if let existing = best[key] {
                    if stance.confidence > stances[existing].confidence { stances[existing] = stance }
                } else {
                    best[key] = stances.count
                    stances.append(stance)
                }
            }
            for quote in scan.quotes where quotes.count < configuration.maxQuotes {
                quotes.append(quote)
            }
            if configuration.addsDemonymOwners {
                for added in scan.addedEntities where !analysis.entities.contains(where: { $0.id == added.id }) {
                    analysis.entities.append(added)
                }
            }
        }
        if stances.count > configuration.maxStances {
            // Keep the most confident, then restore text order for stable output.
            let kept = stances.enumerated()
                .sorted { ($0.element.confidence, -$0.offset) > ($1.element.confidence, -$1.offset) }
                .prefix(configuration.maxStances)
                .sorted { $0.offset < $1.offset }
            stances = kept.map(\.element)
        }
        return (stances, quotes)
    }

}
