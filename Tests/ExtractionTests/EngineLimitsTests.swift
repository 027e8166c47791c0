import Foundation
import Testing

@testable import Extraction

@Suite("Engine limits")
struct EngineLimitsTests {
    @Test func hugeBodyStillYieldsABoundedEvent() throws {
        var body = ""
        var k = 0
        while body.utf8.count < 500_000 {
            body += "Officials in Tallinn and Vilnius met Nadia Orlenko, a senior adviser, on day \(k). Zelensky said “more help” is needed from the EU and NATO. Ivo Marr\(k) Petrov\(k) said Riga agreed.\n"
            k += 1
        }
        let config = ExtractionEngine.Configuration()
        let engine = ExtractionEngine(knowledgeBase: Fixtures.knowledgeBase, configuration: config)
        let result = try engine.extract(Article(id: "big", body: body, title: "Big"))
        #expect(result.entities.count <= config.maxEntities)
        #expect(result.entities.allSatisfy { $0.mentions.count <= config.maxMentionsPerEntity })
        #expect(result.entities.contains { $0.mentionCount > config.maxMentionsPerEntity })
        #expect(result.stances.count <= config.maxStances)
        #expect(result.quotes.count <= config.maxQuotes)
        let encoded = try JSONEncoder().encode(result)
        #expect(encoded.count < 1_000_000)
    }

    @Test func bodyBeyondTheConfiguredLengthIsIgnoredAndOffsetsStayValid() throws {
        let body = "Chile agreed. " + String(repeating: "x ", count: 100) + "Peru objected."
        let engine = ExtractionEngine(knowledgeBase: Fixtures.knowledgeBase, configuration: .init(maxBodyScalars: 50))
        let result = try engine.extract(Article(id: "cut", body: body))
        #expect(result.entities.map(\.name) == ["Chile"])
        let m = result.entities[0].mentions[0]
        #expect(Fixtures.slice(body, m.start, m.end) == "Chile")
    }

    @Test func pathologicalCapitalisedTextStaysLinearAndBounded() throws {
        var words: [String] = []
        for k in 0..<40_000 { words.append(k % 2 == 0 ? "Zorvak\(k % 97)" : "and") }
        let body = words.joined(separator: " ") + "\n" + String(repeating: "Velt Morrow Kasp ", count: 20_000)
        let engine = ExtractionEngine(knowledgeBase: Fixtures.knowledgeBase)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try engine.extract(Article(id: "p", body: body)) }
        #expect(elapsed < .seconds(10))
    }

    @Test func mentionsAreCappedButCounted() throws {
        let body = String(repeating: "Chile agreed. ", count: 100)
        let engine = ExtractionEngine(knowledgeBase: Fixtures.knowledgeBase, configuration: .init(maxMentionsPerEntity: 5))
        let chile = try engine.extract(Article(id: "c", body: body)).entities[0]
        #expect(chile.mentions.count == 5)
        #expect(chile.mentionCount == 100)
        #expect(chile.mentions.map(\.start) == chile.mentions.map(\.start).sorted())
    }
}
