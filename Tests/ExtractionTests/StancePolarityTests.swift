import Testing

@testable import Extraction

/// Polarity: cue direction, negation, modality and flipped topics.
@Suite("Stance polarity")
struct StancePolarityTests {
    typealias T = StanceFixture.Triple
    let hungary = StanceFixture.Named(name: "Hungary", type: .gpe)
    let germany = StanceFixture.Named(name: "Germany", type: .gpe)
    let italy = StanceFixture.Named(name: "Italy", type: .gpe)

    @Test func aSupportCueYieldsSupport() {
        let out = StanceFixture.triples("Hungary demands an immediate truce in the region.", [hungary])
        #expect(out == [T("Hungary", "ceasefire", .support)])
    }

    @Test func breakingOffOrWalkingOutOfAProcessOpposesIt() {
        for sentence in [
            "Hungary broke off the talks on Monday.", "Hungary called off the summit.", "Hungary froze the negotiations.",
            "Hungary scrapped the ceasefire.", "Hungary quit the talks.",
            "Hungary has backed out of the peace process.",
        ] {
            let out = StanceFixture.triples(sentence, [hungary])
            #expect(out.count == 1 && out.first?.polarity == .oppose, "\(sentence): \(out)")
        }
        // The opposite action is support, and a clause with no such verb holds nothing.
        #expect(StanceFixture.triples("Hungary resumed the talks.", [hungary]) == [T("Hungary", "peace_talks", .support)])
        #expect(StanceFixture.triples("Hungary broke the news on Monday.", [hungary]).isEmpty)
    }

    @Test func aParticipleBeforeATopicModifiesItAndAStalledProcessIsItsOpposite() {
        // "proposed" is a support verb, but here it only describes the truce.
        #expect(StanceFixture.triples("Hungary discussed the proposed truce.", [hungary]).isEmpty)
        #expect(StanceFixture.triples("Hungary proposed a truce.", [hungary]) == [T("Hungary", "ceasefire", .support)])
        // Blaming someone for stalled talks is wanting the talks.
        #expect(StanceFixture.triples("Hungary traded blame for the stalled peace talks.", [hungary]) == [T("Hungary", "peace_talks", .support)])
        #expect(StanceFixture.triples("Hungary stalled the peace talks.", [hungary]) == [T("Hungary", "peace_talks", .oppose)])
    }

    @Test func negationFlipsASupportCue() {
        let out = StanceFixture.triples("Hungary will not accept any ceasefire on these terms.", [hungary])
        #expect(out == [T("Hungary", "ceasefire", .oppose)])
    }

    @Test func negationFlipsAnOpposeCue() {
        let out = StanceFixture.triples("Germany does not oppose the peace talks planned for May.", [germany])
        #expect(out == [T("Germany", "peace_talks", .support)])
    }

    @Test func twoOpposingVerbsJoinedByAndAreTwoOppositionsNotADoubleNegative() {
        let armenia = StanceFixture.Named(name: "Armenia", type: .gpe)
        let out = StanceFixture.triples("Hungary rejected the plan and blamed Armenia for the delay.", [hungary, armenia])
        #expect(out == [T("Hungary", "Armenia", .oppose)])
        let criticised = StanceFixture.triples("Germany rejected the offer and criticised Armenia.", [germany, armenia])
        #expect(criticised == [T("Germany", "Armenia", .oppose)])
    }

    @Test func andBeforeAnAuxiliaryOpensAVerbPhraseWithItsOwnPolarity() {
        let out = StanceFixture.triples(
            "Hungary said that Germany supported the talks and would not cede territory to Russia.",
            [hungary, germany, StanceFixture.Named(name: "Russia", type: .gpe)])
        #expect(out.contains(T("Germany", "peace_talks", .support)), "\(out)")
        #expect(out.contains(T("Hungary", "territorial_concessions", .oppose)), "\(out)")
        #expect(!out.contains { $0.target == "territorial_concessions" && $0.polarity == .support }, "\(out)")
    }

    @Test func aTopicThatHurtsIsOpposedAndNoNegatesOnlyItsOwnNoun() {
        let hurt = StanceFixture.triples("Hungary said that sanctions on Russia had hurt Europe more than Moscow.", [hungary])
        #expect(hurt == [T("Hungary", "sanctions_on_russia", .oppose)])
        let scoped = StanceFixture.triples(
            "Hungary said there would be no bargaining over the budget and no amnesty for war criminals.", [hungary])
        #expect(scoped == [T("Hungary", "war_crimes_accountability", .support)])
    }

    @Test func anEvaluativeAdjectiveBeforeATopicLeavesTheVerbsPolarity() {
        let out = StanceFixture.triples("Hungary warned against a premature ceasefire in Ukraine.", [hungary])
        #expect(out == [T("Hungary", "ceasefire", .oppose)])
    }

    @Test func criticsAndSupportersOfATopicAndWeightBehindIt() {
        let critic = StanceFixture.triples("Hungary has been a vocal critic of the peace talks.", [hungary])
        #expect(critic == [T("Hungary", "peace_talks", .oppose)])
        let weight = StanceFixture.triples("Germany threw its weight behind the ceasefire in Ukraine.", [germany])
        #expect(weight == [T("Germany", "ceasefire", .support)])
    }

    @Test func aTopicThatMustBeLiftedIsOpposedAndAWasteOfTimeToo() {
        let lifted = StanceFixture.triples("\"The sanctions on Russia must be lifted,\" Hungary said.", [hungary])
        #expect(lifted == [T("Hungary", "sanctions_on_russia", .oppose)])
        let stay = StanceFixture.triples("\"The sanctions on Russia must stay,\" Germany said.", [germany])
        #expect(stay == [T("Germany", "sanctions_on_russia", .support)])
        let waste = StanceFixture.triples("Hungary said the peace talks were a waste of time.", [hungary])
        #expect(waste == [T("Hungary", "peace_talks", .oppose)])
    }

    @Test func refusingToRuleOutIsSupport() {
        let out = StanceFixture.triples("Germany refused to rule out sending peacekeepers to Ukraine.", [germany])
        #expect(out == [T("Germany", "foreign_troops_in_ukraine", .support)])
    }

    @Test func callingATopicRealisticIsSupportAndNotRealisticIsOppose() {
        let yes = StanceFixture.triples("Hungary said a truce by March was realistic.", [hungary])
        #expect(yes == [T("Hungary", "ceasefire", .support)])
        let no = StanceFixture.triples("Germany said NATO membership for Ukraine was not a realistic outcome.", [germany])
        #expect(no == [T("Germany", "ukraine_nato_membership", .oppose)])
    }

    @Test func notGoingToHappenAndNullAndVoidAreOpposition() {
        let ukraine = StanceFixture.Named(name: "Ukraine", type: .gpe)
        let dismissed = StanceFixture.triples(
            "Hungary has said that Ukraine joining NATO is “not going to happen”.", [hungary, ukraine])
        #expect(dismissed == [T("Hungary", "ukraine_nato_membership", .oppose)], "the name before the topic is not a holder")
        let void = StanceFixture.triples("Germany said the Ukrainian peace formula was null and void.", [germany, ukraine])
        #expect(void.contains(T("Germany", "peace_talks", .oppose)), "\(void)")
    }

    @Test func noLongerFlipsTheCue() {
        let out = StanceFixture.triples("Italy no longer backs new sanctions against Moscow.", [italy])
        #expect(out == [T("Italy", "sanctions_on_russia", .oppose)])
    }

    @Test func hedgedOpennessIsSupportWithLowerConfidence() {
        let firm = StanceFixture.run("Hungary demands peacekeepers for Ukraine.", [hungary]).stances
        let hedged = StanceFixture.run("Hungary might consider peacekeepers for Ukraine.", [hungary]).stances
        #expect(firm.map { $0.polarity } == [.support])
        #expect(hedged.map { $0.polarity } == [.support])
        if let h = hedged.first, let f = firm.first { #expect(h.confidence < f.confidence) }
    }

    @Test func liftingSanctionsIsOpposeToSanctions() {
        let out = StanceFixture.triples("Italy called for lifting sanctions on Russia next year.", [italy])
        #expect(out == [T("Italy", "sanctions_on_russia", .oppose)])
        let relief = StanceFixture.triples("Hungary pushed for sanctions relief for Russia.", [hungary])
        #expect(relief == [T("Hungary", "sanctions_on_russia", .oppose)])
    }

    @Test func rejectingTheOppositeIsSupport() {
        let out = StanceFixture.triples("Germany rejected any easing of sanctions on Russia.", [germany])
        #expect(out == [T("Germany", "sanctions_on_russia", .support)])
    }

    @Test func aPredicateCueTakesTheTargetBeforeIt() {
        let out = StanceFixture.triples(
            "Hungary said that territorial concessions from Kyiv were unacceptable.", [hungary])
        #expect(out == [T("Hungary", "territorial_concessions", .oppose)])
    }

    @Test func mustNotIsOppose() {
        let out = StanceFixture.triples(
            "Germany insisted that any deal must not undermine Ukraine's sovereignty.", [germany])
        #expect(out.contains(T("Germany", "ukraine_sovereignty", .support)))
    }

    @Test func aConflictSpecificTopicNeedsTheArticleToNameTheConflict() {
        let lebanon = StanceFixture.Named(name: "Lebanon", type: .gpe)
        #expect(StanceFixture.triples("Lebanon insisted on respect for its sovereignty.", [lebanon]).isEmpty)
        #expect(
            StanceFixture.triples("Lebanon insisted on respect for Ukraine's sovereignty.", [lebanon])
                == [T("Lebanon", "ukraine_sovereignty", .support)])
        #expect(StanceFixture.triples("Lebanon backs a ceasefire.", [lebanon]) == [T("Lebanon", "ceasefire", .support)])
    }
}

