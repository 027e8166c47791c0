/// What the pipeline needs from an extraction engine.
///
/// - Important: Implementations are called concurrently from several tasks and must be
///   safe to share; `extract` must be pure (same article, same result) and must not block
///   on I/O.
public protocol ArticleExtractor: Sendable {
    /// The engine's version, reported in every event's `extractor.version`.
    var version: String { get }
    /// The loaded knowledge base's version, reported in `extractor.knowledge_base`.
    var knowledgeBaseVersion: String { get }
    /// Extracts entities, stances and quotes.
    /// - Throws: ``ExtractionError`` when the article cannot be processed; the pipeline
    ///   dead-letters it with reason `extraction_failed`.
    func extract(_ article: Article) throws(ExtractionError) -> ExtractionResult
}
