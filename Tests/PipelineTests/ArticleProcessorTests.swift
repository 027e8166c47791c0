import Extraction
import Foundation
import Pipeline
import Testing

/// A deterministic extractor for pipeline tests: one entity per capitalised word, one stance.
struct WordExtractor: ArticleExtractor {
    var version: String { "test" }
    var knowledgeBaseVersion: String { "test-kb" }
    var fail = false
    var mentionsPerEntity = 1

    func extract(_ article: Article) throws(ExtractionError) -> ExtractionResult {
        if fail { throw ExtractionError(code: .extractionFailed, reason: "boom") }
        var entities: [Entity] = []
        var offset = 0
        for word in article.body.split(separator: " ", omittingEmptySubsequences: false) {
            let length = word.unicodeScalars.count
            if let first = word.first, first.isUppercase {
                let mention = Mention(field: .body, start: offset, end: offset + length, text: String(word))
                entities.append(
                    Entity(id: "org:\(word.lowercased())", name: String(word), type: .org, kbId: nil, salience: 0.5,
                           mentionCount: mentionsPerEntity,
                           mentions: Array(repeating: mention, count: mentionsPerEntity)))
            }
            offset += length + 1
        }
        var stances: [Stance] = []
        if let holder = entities.first {
            stances.append(
                Stance(holder: holder.id, target: .topic("ceasefire"), polarity: .support, confidence: 0.9,
                       cue: "backs", evidence: Evidence(field: .body, start: 0, end: 3, text: String(article.body.prefix(3)))))
        }
        return ExtractionResult(entities: entities, stances: stances, quotes: [])
    }
}

@Suite struct ArticleProcessorTests {
    func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func validArticleBecomesContractShapedEventWithOrigin() throws {
        let processor = ArticleProcessor(extractor: WordExtractor())
        let input = #"{"id":"a1","body":"Kyiv and NATO talk","title":"Head","source":"wire"}"#
        let outcome = processor.process(Array(input.utf8), origin: EventOrigin(topic: "articles.raw", partition: 2, offset: 7))
        guard case .processed(let out) = outcome else { Issue.record("expected processed"); return }
        #expect(out.articleId == "a1")
        let event = try json(out.enriched)
        #expect(event["schema"] as? String == "stancewire.enriched.v1")
        let article = try #require(event["article"] as? [String: Any])
        #expect(article["id"] as? String == "a1")
        #expect(article["language"] as? String == "en")
        #expect(article["url"] is NSNull)
        let origin = try #require(event["origin"] as? [String: Any])
        #expect(origin["topic"] as? String == "articles.raw")
        #expect((origin["partition"] as? NSNumber)?.intValue == 2)
        #expect((origin["offset"] as? NSNumber)?.intValue == 7)
        let entities = try #require(event["entities"] as? [[String: Any]])
        #expect(entities.count == 2)
        #expect(entities[0]["kb_id"] is NSNull)
        #expect(entities[0]["mention_count"] as? Int == 1)
        #expect(event["processed_at"] is String)
        let extractor = try #require(event["extractor"] as? [String: Any])
        #expect(extractor["knowledge_base"] as? String == "test-kb")
        #expect(out.stances.count == 1)
        #expect(out.stances[0].key == "org:kyiv")
        let stance = try json(out.stances[0].value)
        #expect(stance["article_id"] as? String == "a1")
        #expect(stance["holder_name"] as? String == "Kyiv")
        #expect(stance["holder_type"] as? String == "ORG")
        #expect((stance["target"] as? [String: Any])?["topic"] as? String == "ceasefire")
        #expect(stance["polarity"] as? String == "support")
    }

    /// `processed_at` is formatted once per second and reused: it must still be exactly the
    /// processing time's ISO 8601 form, for fractions just below a second, repeats, jumps back
    /// and times before the reference date.
    @Test func processedAtIsTheISO8601FormOfTheProcessingTime() throws {
        let processor = ArticleProcessor(extractor: WordExtractor())
        let input = Array(#"{"id":"a","body":"x"}"#.utf8)
        let times: [TimeInterval] = [
            1_780_000_000, 1_780_000_000.25, 1_780_000_000.999_999, 1_780_000_001, 1_779_999_999.5, 1_780_000_000.5,
            0, -0.5, -1, -86_400.75, 978_307_199.999, 978_307_200, 978_307_200.4,
        ]
        for t in times + (0..<50).map({ 1_790_000_000 + Double($0) * 0.37 }) {
            let date = Date(timeIntervalSince1970: t)
            guard case .processed(let out) = processor.process(input, origin: nil, now: date) else {
                Issue.record("expected processed"); return
            }
            #expect(try json(out.enriched)["processed_at"] as? String == date.formatted(.iso8601), "t = \(t)")
        }
    }

    @Test func offlineEventsHaveNoOrigin() throws {
        let processor = ArticleProcessor(extractor: WordExtractor())
        guard case .processed(let out) = processor.process(Array(#"{"id":"a","body":"x"}"#.utf8), origin: nil) else {
            Issue.record("expected processed"); return
        }
        #expect(try json(out.enriched)["origin"] == nil)
    }

    @Test func extractorFailureIsDeadLettered() {
        let processor = ArticleProcessor(extractor: WordExtractor(fail: true))
        guard case .deadLetter(let failure) = processor.process(Array(#"{"id":"a","body":"x"}"#.utf8), origin: nil)
        else { Issue.record("expected dead letter"); return }
        #expect(failure.reason == .extractionFailed)
    }

    @Test func oversizedEventsAreShrunkToFitTheLimit() throws {
        let words = (0..<400).map { "Name\($0)" }.joined(separator: " ")
        let limit = 40_000
        let processor = ArticleProcessor(
            extractor: WordExtractor(mentionsPerEntity: 32),
            configuration: .init(maxOutputBytes: limit)
        )
        let input = try JSONSerialization.data(withJSONObject: ["id": "big", "body": words, "title": String(repeating: "T", count: 5000)])
        guard case .processed(let out) = processor.process(Array(input), origin: nil) else {
            Issue.record("expected processed"); return
        }
        #expect(out.enriched.count <= limit)
        let event = try json(out.enriched)
        let title = try #require((event["article"] as? [String: Any])?["title"] as? String)
        #expect(title.count <= 1024)
    }

    @Test func eventsThatCannotShrinkEnoughAreDeadLettered() {
        let processor = ArticleProcessor(extractor: WordExtractor(), configuration: .init(maxOutputBytes: 50))
        guard case .deadLetter(let failure) = processor.process(Array(#"{"id":"a","body":"Aa Bb"}"#.utf8), origin: nil)
        else { Issue.record("expected dead letter"); return }
        #expect(failure.reason == .outputTooLarge)
    }

    @Test func stanceEventsAreSkippedWhenNotEncodedButTheEnrichedEventIsUnchanged() throws {
        let input = Array(#"{"id":"a1","body":"Kyiv backs NATO talks"}"#.utf8)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let full = ArticleProcessor(extractor: WordExtractor())
        let lean = ArticleProcessor(extractor: WordExtractor(), configuration: .init(encodesStanceEvents: false))
        guard case .processed(let a) = full.process(input, origin: nil, now: now),
            case .processed(let b) = lean.process(input, origin: nil, now: now)
        else { Issue.record("expected processed"); return }
        #expect(a.stances.count == 1)
        #expect(b.stances.isEmpty)
        #expect(b.stanceCount == a.stanceCount)
        #expect(b.enriched == a.enriched)
    }
}
