import Extraction
import Foundation
import Pipeline
import Testing

/// An extractor that takes a fixed time, standing in for a pathological article.
struct SlowExtractor: ArticleExtractor {
    var delay: TimeInterval
    var version: String { "slow" }
    var knowledgeBaseVersion: String { "test-kb" }

    func extract(_ article: Article) throws(ExtractionError) -> ExtractionResult {
        Thread.sleep(forTimeInterval: delay)
        return try WordExtractor().extract(article)
    }
}

@Suite struct ExtractionBudgetTests {
    let article = Array(#"{"id":"slow-1","body":"Kyiv backs the plan."}"#.utf8)

    @Test func anExtractionOverItsBudgetIsDeadLetteredAsExtractionFailed() {
        let processor = ArticleProcessor(
            extractor: SlowExtractor(delay: 0.05),
            configuration: .init(extractionBudget: .milliseconds(10))
        )
        guard case .deadLetter(let failure) = processor.process(article, origin: nil) else {
            Issue.record("a slow extraction was published")
            return
        }
        #expect(failure.reason == .extractionFailed)
        #expect(failure.detail.contains("budget"))
    }

    @Test func anExtractionWithinItsBudgetIsPublished() {
        let processor = ArticleProcessor(
            extractor: SlowExtractor(delay: 0.001),
            configuration: .init(extractionBudget: .seconds(5))
        )
        guard case .processed(let article) = processor.process(article, origin: nil) else {
            Issue.record("a fast extraction was dead-lettered")
            return
        }
        #expect(article.articleId == "slow-1")
    }

    @Test func theRealEngineIsHeldToTheBudgetToo() {
        let processor = ArticleProcessor(
            extractor: HostileInputFuzzTests.engine,
            configuration: .init(extractionBudget: .zero)
        )
        guard case .deadLetter(let failure) = processor.process(article, origin: nil) else {
            Issue.record("an extraction over a zero budget was published")
            return
        }
        #expect(failure.reason == .extractionFailed)
    }
}
