import Testing

@testable import Extraction

/// Mechanisms of the fifth stance round: participle cues, directive "press", objects after an
/// addressee or a repeated preposition, named actors as objects of support, meeting a leader.
@Suite("Stance recall, round 5")
struct StanceRecallRound5Tests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    static let norland = N(name: "Norland", type: .gpe, demonyms: ["norlandic"], kbId: "iso3166-1:NL")
    static let essia = N(name: "Essia", type: .gpe, demonyms: ["essian"], kbId: "iso3166-1:EE")
    static let vardia = N(name: "Vardia", type: .gpe, kbId: "iso3166-1:VA")
    static let rights = N(name: "Rights Watch", type: .org)
    static let league = N(name: "Coastal League", type: .org)
    static let berg = N(name: "Anna Berg", type: .person, aliases: ["Berg"])
    static let lund = N(name: "Oskar Lund", type: .person, aliases: ["Lund"])

    // MARK: Participles

    @Test func aParticipleAfterACommaSpeaksForTheMainSubjectNotTheObjectBeforeIt() {
        let out = StanceFixture.triples(
            "Norland backed Essia, urging both sides to settle their differences through talks.",
            [Self.norland, Self.essia])
        #expect(out.contains(T("Norland", "peace_talks", .support)), "\(out)")
        #expect(!out.contains(T("Essia", "peace_talks", .support)), "\(out)")
    }

    @Test func aParticipleAfterWhileSpeaksForTheMainSubject() {
        let out = StanceFixture.triples(
            "Norland backed Essia while urging both sides to agree to a ceasefire.", [Self.norland, Self.essia])
        #expect(out.contains(T("Norland", "ceasefire", .support)), "\(out)")
        #expect(!out.contains { $0.holder == "Essia" }, "\(out)")
    }

    @Test func aNameInsideAQuoteIsNoSubjectOfTheParticiple() {
        let out = StanceFixture.triples(
            "Anna Berg spoke on Monday. \"We will not repeat Vardia,\" she told reporters, rejecting any ceasefire.",
            [Self.berg, Self.vardia])
        #expect(out.contains(T("Anna Berg", "ceasefire", .oppose)), "\(out)")
        #expect(!out.contains { $0.holder == "Vardia" }, "\(out)")
    }

    // MARK: Directives

    @Test func pressingAnAddresseeIsTheSubjectsPositionNotTheAddressees() {
        for text in [
            "Norland is pressing Essia to accept a ceasefire.",
            "Norland pressed Essia to accept a ceasefire.",
            "Norland pressured Essia to accept a ceasefire.",
        ] {
            let out = StanceFixture.triples(text, [Self.norland, Self.essia])
            #expect(out.contains(T("Norland", "ceasefire", .support)), "\(text): \(out)")
            #expect(!out.contains { $0.holder == "Essia" }, "\(text): \(out)")
        }
    }

    @Test func thePressAsANounIsNoCue() {
        let out = StanceFixture.triples(
            "The Coastal League press office published a ceasefire map.", [Self.league])
        #expect(out.isEmpty, "\(out)")
    }

    // MARK: Objects far from the cue

    @Test func aDirectivesObjectStartsAfterItsAddressee() {
        let out = StanceFixture.triples(
            "Rights Watch called on Norland and Essia and the Coastal League to set up an independent mechanism to investigate atrocities.",
            [Self.rights, Self.norland, Self.essia, Self.league])
        #expect(out.contains(T("Rights Watch", "war_crimes_accountability", .support)), "\(out)")
    }

    @Test func aSecondObjectOfTheCuesPrepositionCounts() {
        let out = StanceFixture.triples(
            "Anna Berg has called for the immediate release of the detained aid workers and for those responsible for abuses to be held to account.",
            [Self.berg])
        #expect(out.contains(T("Anna Berg", "war_crimes_accountability", .support)), "\(out)")
    }

    // MARK: Named actors as objects

    @Test func supportingOrBackingANamedActorIsSupportForIt() {
        let supported = StanceFixture.triples(
            "Norland supported Essia in defending its borders.", [Self.norland, Self.essia])
        #expect(supported.contains(T("Norland", "Essia", .support)), "\(supported)")
        let backed = StanceFixture.triples("Norland and Vardia back Essia.", [Self.norland, Self.vardia, Self.essia])
        #expect(backed.contains(T("Norland", "Essia", .support)), "\(backed)")
        #expect(backed.contains(T("Vardia", "Essia", .support)), "\(backed)")
    }

    @Test func namesThatOwnOrModifyTheObjectAreNoActorTargets() {
        // A name modifying a noun, a demonym modifying a topic, an adverb "back".
        let round = StanceFixture.triples(
            "It is unclear whether Norland would support a Vardia round.", [Self.norland, Self.vardia])
        #expect(!out(round, target: "Vardia"), "\(round)")
        let mediation = StanceFixture.triples(
            "Norland supported the Essian mediation.", [Self.norland, Self.essia])
        #expect(!out(mediation, target: "Essia"), "\(mediation)")
        let adverb = StanceFixture.triples(
            "Norland said its forces would pull back to the line along Essia's border.", [Self.norland, Self.essia])
        #expect(!out(adverb, target: "Essia"), "\(adverb)")
        // "support of X": X owns the support.
        let owner = StanceFixture.triples(
            "With the support of Essia, Norland resumed the offensive.", [Self.norland, Self.essia])
        #expect(!out(owner, target: "Essia"), "\(owner)")
    }

    func out(_ triples: [T], target: String) -> Bool { triples.contains { $0.target == target } }

    // MARK: Meeting a leader

    @Test func meetingATitledLeaderIsALeadersMeeting() {
        let out = StanceFixture.triples(
            "President Oskar Lund said he was willing to meet Essian President Anna Berg again.",
            [Self.lund, Self.berg, Self.essia])
        #expect(out.contains(T("Oskar Lund", "leaders_summit", .support)), "\(out)")
        let with = StanceFixture.triples(
            "Oskar Lund said he would meet with Prime Minister Anna Berg next week.", [Self.lund, Self.berg])
        #expect(with.contains(T("Oskar Lund", "leaders_summit", .support)), "\(with)")
        // A minister is no head of state or government.
        let minister = StanceFixture.triples(
            "Oskar Lund said he would meet with Foreign Minister Anna Berg next week.", [Self.lund, Self.berg])
        #expect(!minister.contains { $0.target == "leaders_summit" }, "\(minister)")
    }
}
