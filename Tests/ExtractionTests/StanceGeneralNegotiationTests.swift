import Testing

@testable import Extraction

/// Stances in negotiations other than the war in Ukraine: general topics apply anywhere,
/// Ukraine-specific ones need the conflict named; appositive and coordinated speakers.
@Suite("Stances in other negotiations")
struct StanceGeneralNegotiationTests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    @Test func sanctionsOnAnotherCountryAreNotSanctionsOnRussia() {
        let out = StanceFixture.triples(
            "Washington backed new sanctions on paramilitary commanders in Darfur.", [N(name: "United States", type: .gpe, aliases: ["Washington"])])
        #expect(!out.contains { $0.target == "sanctions_on_russia" })
        let russia = StanceFixture.triples(
            "Washington backed new sanctions on Russia over the war in Ukraine.",
            [N(name: "United States", type: .gpe, aliases: ["Washington"]), N(name: "Russia", type: .gpe)])
        #expect(russia.contains(T("United States", "sanctions_on_russia", .support)), "\(russia)")
    }

    @Test func accountabilityForAtrocitiesIsAGeneralTopic() {
        let out = StanceFixture.triples(
            "Human Rights Watch called for accountability for atrocities in Darfur.", [N(name: "Human Rights Watch", type: .org)])
        #expect(out == [T("Human Rights Watch", "war_crimes_accountability", .support)])
    }

    @Test func theNameBeforeAnAppositiveSpeaks() {
        let out = StanceFixture.triples(
            "Ramtane Lamamra, the UN envoy for Sudan, said the parties must silence the guns.",
            [N(name: "Ramtane Lamamra", type: .person), N(name: "United Nations", type: .org, aliases: ["UN"])])
        #expect(out == [T("Ramtane Lamamra", "ceasefire", .support)])
    }

    @Test func theNameBeforeARelativeClauseSpeaks() {
        let out = StanceFixture.triples(
            "Pablo Beltrán, who led the ELN delegation, said the guerrillas were ready for a new ceasefire.",
            [N(name: "Pablo Beltrán", type: .person), N(name: "ELN", type: .org)])
        #expect(out == [T("Pablo Beltrán", "ceasefire", .support)])
    }

    @Test func aCoordinatedVerbKeepsTheSentenceSubject() {
        let out = StanceFixture.triples(
            "The UAE denies arming the RSF and says it supports a negotiated solution.",
            [N(name: "United Arab Emirates", type: .gpe, aliases: ["UAE"]), N(name: "Rapid Support Forces", type: .org, aliases: ["RSF"])])
        #expect(out == [T("United Arab Emirates", "peace_talks", .support)])
    }

    @Test func aQuoteEndingTheSentenceIsNotSpokenByTheNextSentencesSpeaker() {
        let out = StanceFixture.triples(
            "Mark Rutte urged both sides to “return to dialogue”. Albin Kurti said the police must act.",
            [N(name: "Mark Rutte", type: .person), N(name: "Albin Kurti", type: .person)])
        #expect(out.contains(T("Mark Rutte", "peace_talks", .support)))
        #expect(!out.contains(T("Albin Kurti", "peace_talks", .support)))
    }
}
