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

    // How cost grows with input size is measured by scripts/bench; the time limit here only
    // catches a runaway (super-linear) scan on hostile text.
    @Test(.timeLimit(.minutes(1)))
    func pathologicalCapitalisedTextFinishesWithBoundedOutput() throws {
        var words: [String] = []
        for k in 0..<40_000 { words.append(k % 2 == 0 ? "Zorvak\(k % 97)" : "and") }
        let body = words.joined(separator: " ") + "\n" + String(repeating: "Velt Morrow Kasp ", count: 20_000)
        let engine = ExtractionEngine(knowledgeBase: Fixtures.knowledgeBase)
        let result = try engine.extract(Article(id: "p", body: body))
        let limits = ExtractionEngine.Configuration()
        #expect(result.entities.count <= limits.maxEntities)
        #expect(result.entities.allSatisfy { $0.mentions.count <= limits.maxMentionsPerEntity })
    }

    @Test func worstCaseNamesInFourByteLettersStillFitOneMegabyte() throws {
        // Deseret letters have case and take four UTF-8 bytes each.
        func name(_ k: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(Unicode.Scalar(0x10400 + k % 40)!)
            for j in 0..<70 { s.append(Unicode.Scalar(0x10428 + (k * 7 + j) % 40)!) }
            return String(s)
        }
        var body = ""
        var k = 0
        while body.unicodeScalars.count < 190_000 {
            body += "Talks in \(name(k)) and \(name(k + 1)) ended, said \(name(k + 2)) \(name(k + 3)).\n"
            k += 4
        }
        let result = try Fixtures.engine.extract(Article(id: "w", body: body, title: String(repeating: "Ä", count: 5000)))
        let encoded = try JSONEncoder().encode(result)
        #expect(encoded.count < 1_000_000)
        #expect(result.entities.reduce(0) { $0 + $1.mentions.count } <= ExtractionEngine.Configuration().maxTotalMentions)
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
