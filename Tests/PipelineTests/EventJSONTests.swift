import Extraction
import Foundation
import Pipeline
import Testing

/// The hand-written JSON paths (event writer, input scanner) against Foundation's encoder and
/// parser: same documents, same values, same rejections.
@Suite struct EventJSONTests {
    static let awkward = [
        "plain", "", "quote \" and backslash \\ and slash /", "line\nbreak\ttab\rreturn",
        "control \u{01}\u{08}\u{0C}\u{1F} chars", "Zelenskyy’s “words” — ünïcödé", "emoji 🇺🇦 👍🏽 𝔘",
    ]

    func object(_ bytes: [UInt8]) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    func sampleEvent(text: String, origin: EventOrigin?) -> EnrichedEvent {
        let mention = Mention(field: .body, start: 3, end: 9, text: text)
        let entities = [
            Entity(id: "person:\(text)", name: text, type: .person, kbId: "Q1", salience: 0.123456789,
                   mentionCount: 40, mentions: [mention, mention]),
            Entity(id: "org:x", name: "X", type: .org, kbId: nil, salience: 1, mentionCount: 0, mentions: []),
            Entity(id: "gpe:y", name: "Y", type: .gpe, kbId: nil, salience: 1e-7, mentionCount: 1, mentions: [mention]),
        ]
        let evidence = Evidence(field: .title, start: 0, end: 12, text: text)
        let stances = [
            Stance(holder: "person:\(text)", target: .topic("ceasefire"), polarity: .support, confidence: 0.8,
                   cue: text, evidence: evidence),
            Stance(holder: "org:x", target: .entity("gpe:y"), polarity: .oppose, confidence: 0, cue: "rejects",
                   evidence: evidence),
            Stance(holder: "org:x", target: .text(text), polarity: .oppose, confidence: 0.55, cue: "c",
                   evidence: evidence),
        ]
        let quotes = [
            Quote(speaker: nil, text: text, field: .body, start: 0, end: 1),
            Quote(speaker: "org:x", text: "q", field: .title, start: 5, end: 6),
        ]
        let article = Article(id: "id-\(text)", body: "ignored", title: text, url: nil, source: text,
                              publishedAt: "2026-01-01T00:00:00Z", language: nil)
        return EnrichedEvent(
            article: article, origin: origin,
            result: ExtractionResult(entities: entities, stances: stances, quotes: quotes),
            extractorVersion: "1.0.0", knowledgeBaseVersion: text, processedAt: "2026-11-23T10:00:00Z")
    }

    @Test func directEventEncodingEqualsJSONEncoderOutput() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for text in Self.awkward {
            for origin in [nil, EventOrigin(topic: "articles.raw", partition: 31, offset: 9_876_543_210)] {
                let event = sampleEvent(text: text, origin: origin)
                let direct = try #require(event.jsonBytes())
                let reference = try encoder.encode(event)
                #expect(try object(direct) == object([UInt8](reference)), "text: \(text.debugDescription)")
                #expect(!direct.contains(UInt8(ascii: "\n")), "compact output has no raw line break")
                for stance in event.stances {
                    let stanceEvent = StanceEvent(stance: stance, articleId: event.article.id,
                                                  holder: event.entities.first, publishedAt: text)
                    let bytes = try #require(stanceEvent.jsonBytes())
                    #expect(try object(bytes) == object([UInt8](encoder.encode(stanceEvent))))
                }
            }
        }
    }

    @Test func nonFiniteNumbersMakeNoEvent() {
        var event = sampleEvent(text: "x", origin: nil)
        event.entities[0].salience = .nan
        #expect(event.jsonBytes() == nil)
        event.entities[0].salience = 0.5
        event.stances[0].confidence = .infinity
        #expect(event.jsonBytes() == nil)
    }

    @Test func decoderReadsEscapesAndUnicodeAsJSONSerializationDoes() throws {
        let decoder = ArticleDecoder()
        let documents = [
            #"{"id":"a","body":"esc \" \\ \/ \b\f\n\r\t \u00e9 \u2019 \ud83c\uddfa\ud83c\udde6 end"}"#,
            #"{ "id" : "b" , "body" : "raw ünïcödé “q” 🇺🇦", "extra": {"n": [1, -2.5e+3, 0.0, true, false, null, {"k": "\u0041"}]}, "title": null }"#,
            #"{"id":"c","body":"dup","body":"last wins","language":"uk","published_at":"2026-01-01T00:00:00Z","url":"http:\/\/x"}"#,
            "{\"id\":\"d\",\n\t\"body\":\"\\u0000 nul\",\r\n\"source\":\"s\"}",
        ]
        for document in documents {
            let article = try decoder.decode(Array(document.utf8))
            let reference = try #require(
                JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
            #expect(article.id == reference["id"] as? String)
            #expect(article.body == reference["body"] as? String)
            #expect(article.title == reference["title"] as? String)
            #expect(article.url == reference["url"] as? String)
            #expect(article.source == reference["source"] as? String)
            #expect(article.language == reference["language"] as? String)
            #expect(article.publishedAt == reference["published_at"] as? String)
        }
    }

    @Test func malformedDocumentsAreInvalidJSONLikeForJSONSerialization() {
        let decoder = ArticleDecoder()
        let documents = [
            #"{"id":"a","body":"lone high \ud83c"}"#,
            #"{"id":"a","body":"lone low \udc00"}"#,
            #"{"id":"a","body":"bad escape \x"}"#,
            #"{"id":"a","body":"short \u12"}"#,
            #"{"id":"a","body":"b","n":01}"#,
            #"{"id":"a","body":"b","n":1.}"#,
            #"{"id":"a","body":"b","n":-}"#,
            #"{"id":"a","body":"b","n":tru}"#,
            #"{"id":"a","body":"b"} trailing"#,
            #"{"id":"a" "body":"b"}"#,
            #"{"id":"a","body":"unterminated}"#,
            #"{id:"a","body":"b"}"#,
        ]
        for document in documents {
            #expect(throws: (any Error).self, "JSONSerialization accepts \(document)") {
                try JSONSerialization.jsonObject(with: Data(document.utf8))
            }
            do {
                _ = try decoder.decode(Array(document.utf8))
                Issue.record("accepted \(document)")
            } catch {
                #expect(error.reason == .invalidJSON, "\(document)")
            }
        }
    }

    /// Foundation's parser on Linux accepts trailing commas; RFC 8259 (and Python's `json`,
    /// which downstream consumers use) does not, so the decoder dead-letters them.
    @Test func trailingCommasAreInvalidJSON() {
        let decoder = ArticleDecoder()
        for document in [#"{"id":"a","body":"b",}"#, #"{"id":"a","body":"b","n":[1,]}"#] {
            do {
                _ = try decoder.decode(Array(document.utf8))
                Issue.record("accepted \(document)")
            } catch {
                #expect(error.reason == .invalidJSON, "\(document)")
            }
        }
    }
}
