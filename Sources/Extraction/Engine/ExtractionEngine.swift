/// The extraction engine: analyses an article's title and body, finds its entities, then
/// its stances and quotes.
///
/// - Important: Immutable after `init`; share one engine between tasks. `extract` is pure and
///   does no I/O; its time and memory are linear in the article's size, and everything it
///   returns is bounded by ``Configuration`` so an event always fits a message.
public final class ExtractionEngine: ArticleExtractor {
    /// The engine's version, reported in `extractor.version`.
    public static let engineVersion = "1.0.0"

    public let knowledgeBase: KnowledgeBase
    public let configuration: Configuration
    private let recognizer: EntityRecognizer
    private let stances: StanceExtractor

    /// Creates an engine.
    /// - Parameters:
    ///   - knowledgeBase: Names and stance lexicon, e.g. ``KnowledgeBase/bundled()``.
    ///   - configuration: Output limits; see ``Configuration``.
    public init(knowledgeBase: KnowledgeBase, configuration: Configuration = .init()) {
        self.knowledgeBase = knowledgeBase
        self.configuration = configuration
        self.recognizer = EntityRecognizer(
            kb: knowledgeBase, maxMentionsPerEntity: max(0, configuration.maxMentionsPerEntity),
            maxEntities: max(0, configuration.maxEntities), maxTotalMentions: max(0, configuration.maxTotalMentions))
        self.stances = StanceExtractor(
            lexicon: knowledgeBase.stanceLexicon,
            configuration: StanceExtractor.Configuration(
                maxStances: max(0, configuration.maxStances), maxQuotes: max(0, configuration.maxQuotes),
                maxEvidenceCharacters: max(16, configuration.maxEvidenceCharacters),
                maxQuoteCharacters: max(16, configuration.maxQuoteCharacters)))
    }

    public var version: String { Self.engineVersion }
    public var knowledgeBaseVersion: String { knowledgeBase.version }

    /// Extracts entities, stances and quotes.
    ///
    /// A body longer than ``Configuration/maxBodyScalars`` (a title longer than
    /// ``Configuration/maxTitleScalars``) is analysed up to that length only; offsets stay
    /// valid because only a suffix is dropped.
    /// - Throws: Never for well-formed input; the signature allows future budget errors.
    public func extract(_ article: Article) throws(ExtractionError) -> ExtractionResult {
        let fields = analyze(article)
        var analysis = recognizer.analyze(fields)
        let found = stances.extract(fields: fields, analysis: &analysis)
        return ExtractionResult(entities: analysis.entities, stances: found.stances, quotes: found.quotes)
    }

    /// The entity layer alone (for tests and tools).
    public func entityAnalysis(of article: Article) -> EntityAnalysis {
        recognizer.analyze(analyze(article))
    }

    /// Tokenises the title (if any) and the body, each cut to its configured length.
    public func analyze(_ article: Article) -> [AnalyzedField] {
        var fields: [AnalyzedField] = []
        if let title = article.title, !title.isEmpty {
            fields.append(AnalyzedField(field: .title, text: Self.prefix(title, scalars: configuration.maxTitleScalars)))
        }
        fields.append(AnalyzedField(field: .body, text: Self.prefix(article.body, scalars: configuration.maxBodyScalars)))
        return fields
    }

    private static func prefix(_ text: String, scalars limit: Int) -> String {
        if text.utf8.count <= limit { return text }  // never more scalars than UTF-8 bytes
        let view = text.unicodeScalars
        guard limit >= 0, let cut = view.index(view.startIndex, offsetBy: limit, limitedBy: view.endIndex), cut != view.endIndex else {
            return text
        }
        return String(view[view.startIndex..<cut])
    }
}
