import Testing

@testable import Extraction

/// A restating appositive ("X, formally Y,", "X, that is A, B and C,") leaves the head as the
/// subject; an evaluative noun or adjective said of a topic ("called the negotiations
/// blackmail", "described the truce as a historic step") is a stance toward it.
@Suite("Stance appositives and evaluations")
struct StanceAppositiveAndEvaluationTests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    @Test func aNameAfterFormallyRestatesTheSubjectAndDoesNotHoldItsPosition() {
        let front = N(name: "Lakes Front", type: .org)
        let full = N(name: "Popular Front for the Liberation of the Lakes", type: .org)
        let out = StanceFixture.triples(
            "The Lakes Front, formally the Popular Front for the Liberation of the Lakes, said it rejected the ceasefire.", [front, full])
        #expect(out.contains(T("Lakes Front", "ceasefire", .oppose)), "\(out)")
        #expect(!out.contains(T("Popular Front for the Liberation of the Lakes", "ceasefire", .oppose)), "\(out)")
    }

    @Test func theMembersListedAfterThatIsDoNotReplaceTheAllianceAsSubject() {
        let alliance = N(name: "Northern Alliance Council", type: .org)
        let a = N(name: "Hill People's Army", type: .org)
        let b = N(name: "River Defence Force", type: .org)
        let c = N(name: "Coastal Liberation Army", type: .org)
        let out = StanceFixture.triples(
            "The Northern Alliance Council, that is the Hill People's Army, the River Defence Force and the Coastal Liberation Army, announced a truce of its own.",
            [alliance, a, b, c])
        #expect(out.contains(T("Northern Alliance Council", "ceasefire", .support)), "\(out)")
        #expect(!out.contains(T("Hill People's Army", "ceasefire", .support)), "\(out)")
    }

    @Test func aNameAfterAlsoKnownAsRestatesTheSubject() {
        let council = N(name: "Council for Unity", type: .org)
        let front = N(name: "Unity Front", type: .org)
        let out = StanceFixture.triples(
            "The Council for Unity, also known as the Unity Front, said it rejected the ceasefire.", [council, front])
        #expect(out.contains(T("Council for Unity", "ceasefire", .oppose)), "\(out)")
        #expect(!out.contains(T("Unity Front", "ceasefire", .oppose)), "\(out)")
    }

    @Test func callingNegotiationsBlackmailOpposesThem() {
        let party = N(name: "National Renewal Party", type: .org)
        let out = StanceFixture.triples(
            "The National Renewal Party called the negotiations \"blackmail\" and walked out of parliament.", [party])
        #expect(out.contains(T("National Renewal Party", "peace_talks", .oppose)), "\(out)")
    }

    @Test func callingATruceAHistoricStepSupportsIt() {
        let pm = N(name: "Anders Holm", type: .person)
        let out = StanceFixture.triples(
            "Prime Minister Anders Holm called the truce \"a historic step\" for the region.", [pm])
        #expect(out.contains(T("Anders Holm", "ceasefire", .support)), "\(out)")
    }

    @Test func wantingTheKillingToStopSupportsACeasefire() {
        let spokes = N(name: "Laura Penn", type: .person)
        let out = StanceFixture.triples(
            "Laura Penn said she wanted the killing to stop, and to stop now.", [spokes])
        #expect(out.contains(T("Laura Penn", "ceasefire", .support)), "\(out)")
    }

    @Test func wantingTheGunsToFallSilentSupportsACeasefire() {
        let bishop = N(name: "Paul Mensah", type: .person)
        let out = StanceFixture.triples(
            "Paul Mensah said he just wanted the guns to fall silent.", [bishop])
        #expect(out.contains(T("Paul Mensah", "ceasefire", .support)), "\(out)")
    }

    @Test func wantingTheWarToEndSupportsPeace() {
        let pm = N(name: "Anders Holm", type: .person)
        let out = StanceFixture.triples("Anders Holm said he wanted the war to end soon.", [pm])
        #expect(out.contains(T("Anders Holm", "peace_talks", .support)), "\(out)")
    }

    @Test func whatIsCalledAConditionForPeaceIsWhatIsSupportedNotPeaceItself() {
        let kremlin = N(name: "Kremlin", type: .org)
        let out = StanceFixture.triples("The Kremlin said Ukraine's neutrality was a precondition for peace.", [kremlin])
        #expect(out.contains(T("Kremlin", "ukraine_neutrality", .support)), "\(out)")
        #expect(!out.contains(T("Kremlin", "peace_talks", .support)), "\(out)")
    }

    @Test func whatIsSeenAsTheOnlyGuaranteeIsSupported() {
        let ukraine = N(name: "Ukraine", type: .gpe)
        let out = StanceFixture.triples(
            "Ukraine still sees NATO membership as the only guarantee that has ever worked.", [ukraine])
        #expect(out.contains(T("Ukraine", "ukraine_nato_membership", .support)), "\(out)")
    }

    @Test func aCountrysGovernmentWithAModifierBetweenSpeaksForTheCountry() {
        let israel = N(name: "Israel", type: .gpe)
        let out = StanceFixture.triples("Israel's new government rejected the ceasefire.", [israel])
        #expect(out.contains(T("Israel", "ceasefire", .oppose)), "\(out)")
    }

    @Test func aCountrysGovernmentWithTwoModifiersBetweenSpeaksForTheCountry() {
        let ethiopia = N(name: "Ethiopia", type: .gpe)
        let out = StanceFixture.triples("Ethiopia's fragile new government rejected the truce.", [ethiopia])
        #expect(out.contains(T("Ethiopia", "ceasefire", .oppose)), "\(out)")
    }
}
