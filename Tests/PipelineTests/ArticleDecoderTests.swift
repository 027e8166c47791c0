import Extraction
import Foundation
import Pipeline
import Testing

@Suite struct ArticleDecoderTests {
    let decoder = ArticleDecoder(configuration: .init(maxMessageBytes: 4096, maxNestingDepth: 8, maxIdLength: 256))

    func reason(_ bytes: [UInt8]?) -> DeadLetterReason? {
        do {
            _ = try decoder.decode(bytes)
            return nil
        } catch {
            return error.reason
        }
    }

    func reason(_ text: String) -> DeadLetterReason? { reason(Array(text.utf8)) }

    @Test func validArticleDecodesAllContractFields() throws {
        let json = #"{"id":"a-1","body":"Text\nmore","title":"T","url":"u","source":"s","published_at":"2026-01-01T00:00:00Z","language":"en","extra":{"x":[1,2]}}"#
        let article = try decoder.decode(Array(json.utf8))
        #expect(article == Article(id: "a-1", body: "Text\nmore", title: "T", url: "u", source: "s",
                                   publishedAt: "2026-01-01T00:00:00Z", language: "en"))
    }

    @Test func nullOptionalFieldsAreAbsent() throws {
        let article = try decoder.decode(Array(#"{"id":"x","body":"b","title":null}"#.utf8))
        #expect(article.title == nil)
    }

    @Test func emptyOrMissingValueIsEmptyMessage() {
        #expect(reason(nil as [UInt8]?) == .emptyMessage)
        #expect(reason([UInt8]()) == .emptyMessage)
    }

    @Test func oversizedValueIsTooLarge() {
        let body = String(repeating: "a", count: 5000)
        #expect(reason(#"{"id":"x","body":"\#(body)"}"#) == .tooLarge)
    }

    @Test func invalidUTF8IsRejectedBeforeParsing() {
        var bytes = Array(#"{"id":"x","body":"#.utf8)
        bytes += [0x22, 0xC3, 0x28, 0x22, 0x7D]
        #expect(reason(bytes) == .invalidUTF8)
    }

    @Test func syntaxErrorsAndNonObjectsAreInvalidJSON() {
        #expect(reason("not json") == .invalidJSON)
        #expect(reason(#"{"id":"x","body":"b""#) == .invalidJSON)
        #expect(reason("[1,2]") == .invalidJSON)
        #expect(reason("\"text\"") == .invalidJSON)
        #expect(reason("{\"id\":\"x\",\"body\":\"a\u{01}b\"}") == .invalidJSON)
    }

    @Test func deepNestingIsRejectedWithoutRecursion() {
        let deep = "{\"id\":\"x\",\"body\":\"b\",\"n\":" + String(repeating: "[", count: 20_000)
            + String(repeating: "]", count: 20_000) + "}"
        let big = ArticleDecoder(configuration: .init(maxMessageBytes: 1 << 20, maxNestingDepth: 32))
        #expect(throws: DecodeFailure.self) { try big.decode(Array(deep.utf8)) }
        #expect((try? big.decode(Array(deep.utf8))) == nil)
        do { _ = try big.decode(Array(deep.utf8)) } catch { #expect(error.reason == .tooDeep) }
    }

    @Test func bracketsInsideStringsDoNotCountAsNesting() throws {
        let body = String(repeating: "[{", count: 100)
        let article = try decoder.decode(Array(#"{"id":"x","body":"\#(body) \"quoted\" \\"}"#.utf8))
        #expect(article.body.hasPrefix("[{[{"))
    }

    @Test func missingRequiredFieldsAreNamed() {
        #expect(reason(#"{"body":"b"}"#) == .missingField)
        #expect(reason(#"{"id":"x"}"#) == .missingField)
        #expect(reason(#"{"id":null,"body":"b"}"#) == .missingField)
    }

    @Test func wrongTypesAreRejected() {
        #expect(reason(#"{"id":42,"body":"b"}"#) == .wrongType)
        #expect(reason(#"{"id":"x","body":["b"]}"#) == .wrongType)
        #expect(reason(#"{"id":"x","body":"b","title":7}"#) == .wrongType)
        #expect(reason(#"{"id":true,"body":"b"}"#) == .wrongType)
    }

    @Test func emptyAndOverlongIdsAreInvalid() {
        #expect(reason(#"{"id":"","body":"b"}"#) == .invalidField)
        let long = String(repeating: "é", count: 257)
        #expect(reason(#"{"id":"\#(long)","body":"b"}"#) == .invalidField)
        let okay = String(repeating: "é", count: 256)
        #expect(reason(#"{"id":"\#(okay)","body":"b"}"#) == nil)
    }

    @Test func detailNamesTheField() {
        do {
            _ = try decoder.decode(Array(#"{"id":"x","body":3}"#.utf8))
            Issue.record("expected a failure")
        } catch {
            #expect(error.detail.contains("'body'"))
        }
    }
}
