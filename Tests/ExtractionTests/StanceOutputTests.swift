import Testing

@testable import Extraction

/// Output shape: deduplication, evidence spans, bounds, quotes.
@Suite("Stance output")
struct StanceOutputTests {
    typealias N = StanceFixture.Named
    let hungary = N(name: "Hungary", type: .gpe)

    @Test func aRestatedStanceIsReportedOnceWithTheBestConfidence() {
        let body = "Hungary might back a truce. Later, Hungary demanded a truce."
        let stances = StanceFixture.run(body, [hungary]).stances
        #expect(stances.count == 1)
        #expect(stances.first?.cue == "demanded")
    }

    @Test func evidenceIsTheSentenceAndMatchesItsOffsets() throws {
        let body = "Some context first. Hungary rejected the peace plan outright."
        let stance = try #require(StanceFixture.run(body, [hungary]).stances.first)
        #expect(stance.evidence.text == "Hungary rejected the peace plan outright.")
        #expect(Fixtures.slice(body, stance.evidence.start, stance.evidence.end) == stance.evidence.text)
        #expect(stance.cue == "rejected")
        #expect((0...1).contains(stance.confidence))
    }

    @Test func evidenceIsClippedAroundTheCue() throws {
        let body = "After weeks of meetings in several capitals and many statements, Hungary finally rejected the peace plan that had been drafted."
        let stance = try #require(
            StanceFixture.run(body, [hungary], configuration: .init(maxEvidenceCharacters: 40)).stances.first)
        #expect(stance.evidence.text.unicodeScalars.count <= 40)
        #expect(stance.evidence.text.contains("rejected"))
        #expect(Fixtures.slice(body, stance.evidence.start, stance.evidence.end) == stance.evidence.text)
    }

    @Test func stanceAndQuoteCountsAreBounded() {
        var body = ""
        let names = ["Chile", "Peru", "Kenya", "Ghana", "Japan", "Nepal"]
        for n in names { body += "“We fully support a ceasefire now,” \(n) said. " }
        let entities = names.map { N(name: $0, type: .gpe) }
        let unbounded = StanceFixture.run(body, entities)
        #expect(unbounded.stances.count == names.count)
        #expect(unbounded.quotes.count == names.count)
        let bounded = StanceFixture.run(body, entities, configuration: .init(maxStances: 2, maxQuotes: 3))
        #expect(bounded.stances.count == 2)
        #expect(bounded.quotes.count == 3)
    }

    @Test func scareQuotesAreNotQuotes() {
        let result = StanceFixture.run("Hungary wants a “neutral” status for the region.", [hungary])
        #expect(result.quotes.isEmpty)
    }

    @Test func guillemetsAndMultiSentenceQuotesAreQuotes() throws {
        let body = "«We will not yield. Our borders are not for sale,» Maia Sandu said."
        let sandu = N(name: "Maia Sandu", type: .person)
        let quote = try #require(StanceFixture.run(body, [sandu]).quotes.first)
        #expect(quote.text == "We will not yield. Our borders are not for sale,")
        #expect(quote.speaker == StanceFixture.id(sandu))
        #expect(Fixtures.slice(body, quote.start, quote.end) == quote.text)
    }

    @Test func anArticleWithoutCuesHasNoStances() {
        #expect(StanceFixture.run("", [hungary]).stances.isEmpty)
        #expect(StanceFixture.run("Hungary hosted a football match.", [hungary]).stances.isEmpty)
    }

    // The time limit only catches a runaway scan; cost against size is measured by scripts/bench.
    @Test(.timeLimit(.minutes(1)))
    func aPathologicalRunOnSentenceFinishesWithBoundedOutput() {
        let chunk = "Hungary said he said it would not accept “a ceasefire” or sanctions relief, which they rejected "
        let body = String(repeating: chunk, count: 2000)
        let result = StanceFixture.run(body, [hungary])
        #expect(result.stances.count <= StanceExtractor.Configuration().maxStances)
        #expect(result.quotes.count <= StanceExtractor.Configuration().maxQuotes)
    }
}

