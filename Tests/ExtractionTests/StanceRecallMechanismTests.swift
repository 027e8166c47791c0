import Testing

@testable import Extraction

/// General mechanisms added for stance recall on unseen newswire text: who an accusation is
/// against, what a transcript's speaker label is, what a pronoun refers to.
@Suite("Stance recall mechanisms")
struct StanceRecallMechanismTests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    @Test func theChargeAfterAccusedOfIsNotTheAccusersOwnTarget() {
        let front = N(name: "Civic Front", type: .org)
        let army = N(name: "National Army", type: .org)
        let out = StanceFixture.triples(
            "The Civic Front rejected the plan. It accuses the National Army of using the ceasefire as cover to move troops.", [front, army])
        #expect(!out.contains(T("Civic Front", "ceasefire", .oppose)), "\(out)")
        #expect(!out.contains(T("Civic Front", "ceasefire", .support)), "\(out)")
        // The accused is the target.
        #expect(out.contains(T("Civic Front", "National Army", .oppose)), "\(out)")
    }

    @Test func anObjectPronounAfterAccusedIsTheActorNamedBeforeNotTheAccuser() {
        let group = N(name: "Rivers Liberation Movement", type: .org)
        let malawi = N(name: "Malawi", type: .gpe)
        let out = StanceFixture.triples(
            "The Rivers Liberation Movement said it wanted more time. Malawi said the group had to disarm first, and accused it of stalling the talks.",
            [group, malawi])
        #expect(out.contains(T("Malawi", "Rivers Liberation Movement", .oppose)), "\(out)")
        #expect(!out.contains(T("Malawi", "peace_talks", .oppose)), "\(out)")
    }

    @Test func aDescriptionAfterAccusedIsTheOrganisationItDescribes() {
        let group = N(name: "Rivers Liberation Movement", type: .org)
        let malawi = N(name: "Malawi", type: .gpe)
        let out = StanceFixture.triples(
            "The Rivers Liberation Movement said it wanted more time. Malawi accused the movement of stalling the talks.",
            [group, malawi])
        #expect(out.contains(T("Malawi", "Rivers Liberation Movement", .oppose)), "\(out)")
    }

    @Test func aSpeakerLabelIsNotTheSubjectThatALaterPronounRefersTo() {
        let outlet = N(name: "Danube Weekly", type: .org)
        let analyst = N(name: "Marta Ilić", type: .person)
        let party = N(name: "Civic Union Party", type: .org)
        let leader = N(name: "Aleksandar Vučić", type: .person)
        let out = StanceFixture.triples(
            "Danube Weekly: And the opposition?\n\nMarta Ilić: The Civic Union Party says it supports the talks. At the same time it accuses Aleksandar Vučić of using the process to divide the opposition.",
            [outlet, analyst, party, leader])
        #expect(out.contains(T("Civic Union Party", "Aleksandar Vučić", .oppose)), "\(out)")
        #expect(!out.contains(T("Danube Weekly", "Aleksandar Vučić", .oppose)), "\(out)")
    }

    @Test func aPronounRefersToAnActorNamedEarlierInItsSentenceBeforeEarlierSubjects() {
        let bloc = N(name: "ASEAN", type: .org)
        let chair = N(name: "Anwar Ibrahim", type: .person)
        let front = N(name: "Civic Front", type: .org)
        let out = StanceFixture.triples(
            "ASEAN met in Jakarta on Monday. Anwar Ibrahim chaired the meeting. He said he had also spoken with representatives of the Civic Front, and that they too had told him they wanted the truce to hold.",
            [bloc, chair, front])
        #expect(out.contains(T("Civic Front", "ceasefire", .support)), "\(out)")
        #expect(!out.contains(T("ASEAN", "ceasefire", .support)), "\(out)")
    }

    @Test func aNameAfterAVerbOfCallingIsWhatThePredicateNounSaysItIs() {
        let lavrov = N(name: "Sergei Lavrov", type: .person)
        let nato = N(name: "NATO", type: .org)
        let russia = N(name: "Russia", type: .gpe)
        let out = StanceFixture.triples("Sergei Lavrov called NATO a threat to Russia.", [lavrov, nato, russia])
        #expect(out.contains(T("Sergei Lavrov", "NATO", .oppose)), "\(out)")
        #expect(!out.contains(T("Sergei Lavrov", "Russia", .oppose)), "\(out)")
    }

    @Test func anActorBeforeAModifiedObstacleIsItsTarget() {
        let aoun = N(name: "Joseph Aoun", type: .person)
        let israel = N(name: "Israel", type: .gpe)
        let out = StanceFixture.triples("Joseph Aoun said Israel was the main obstacle to peace.", [aoun, israel])
        #expect(out.contains(T("Joseph Aoun", "Israel", .oppose)), "\(out)")
        #expect(!out.contains(T("Joseph Aoun", "peace_talks", .oppose)), "\(out)")
    }

    @Test func whatAnAdversePredicateHarmsIsNotWhatTheHolderOpposes() {
        let aoun = N(name: "Joseph Aoun", type: .person)
        let out = StanceFixture.triples(
            "Joseph Aoun said the blockade of the port was a threat to peace, and the occupation the main obstacle to dialogue.",
            [aoun])
        #expect(!out.contains(T("Joseph Aoun", "peace_talks", .oppose)), "\(out)")
    }

    @Test func comingToOrStayingAtTheTableIsTakingPartInTalks() {
        let bruce = N(name: "Tammy Bruce", type: .person)
        let russia = N(name: "Russia", type: .gpe)
        let ukraine = N(name: "Ukraine", type: .gpe)
        let come = StanceFixture.triples(
            "Tammy Bruce said Russia and Ukraine would both have to come to the table.", [bruce, russia, ukraine])
        #expect(come.contains(T("Tammy Bruce", "peace_talks", .support)), "\(come)")
        let zambia = N(name: "Zambia", type: .gpe)
        let stay = StanceFixture.triples("Zambia urged the rebels to stay at the negotiating table.", [zambia])
        #expect(stay.contains(T("Zambia", "peace_talks", .support)), "\(stay)")
        let malawi = N(name: "Malawi", type: .gpe)
        let leave = StanceFixture.triples("Malawi urged the rebels not to leave the table.", [malawi])
        #expect(leave.contains(T("Malawi", "peace_talks", .support)), "\(leave)")
    }

    @Test func movingTowardsAnOutcomeSupportsIt() {
        let aliyev = N(name: "Ilham Aliyev", type: .person)
        let out = StanceFixture.triples("Ilham Aliyev said: \"We are moving towards a lasting peace.\"", [aliyev])
        #expect(out.contains(T("Ilham Aliyev", "peace_talks", .support)), "\(out)")
        let closer = StanceFixture.triples("Ilham Aliyev said the two sides had moved closer to a peace agreement.", [aliyev])
        #expect(closer.contains(T("Ilham Aliyev", "peace_talks", .support)), "\(closer)")
    }

    @Test func announcingOrDeclaringATopicAsDirectObjectCommitsToIt() {
        let front = N(name: "Mountain Front", type: .org)
        let announced = StanceFixture.triples("The Mountain Front announced a one-month truce of its own.", [front])
        #expect(announced == [T("Mountain Front", "ceasefire", .support)], "\(announced)")
        let declared = StanceFixture.triples("The Mountain Front declared a unilateral ceasefire on Sunday.", [front])
        #expect(declared == [T("Mountain Front", "ceasefire", .support)], "\(declared)")
        let ended = StanceFixture.triples("The Mountain Front announced an end to the truce.", [front])
        #expect(!ended.contains(T("Mountain Front", "ceasefire", .support)), "\(ended)")
    }

    @Test func observingHonouringOrAbidingByATruceSupportsIt() {
        let front = N(name: "Mountain Front", type: .org)
        for verb in ["observe", "honour", "abide by", "adhere to"] {
            let out = StanceFixture.triples("A spokesman for the Mountain Front said it would \(verb) the truce.", [front])
            #expect(out.contains(T("Mountain Front", "ceasefire", .support)), "\(verb): \(out)")
        }
    }

    @Test func sovereigntyIsUkrainesOnlyInAnArticleThatNamesUkraine() {
        let spain = N(name: "Spain", type: .gpe)
        let russia = N(name: "Russia", type: .gpe)
        let other = StanceFixture.triples(
            "Russia abstained in the vote. Spain said any settlement must respect the sovereignty of the territory.", [spain, russia])
        #expect(!other.contains { $0.target == "ukraine_sovereignty" }, "\(other)")
        let ukraine = N(name: "Ukraine", type: .gpe)
        let named = StanceFixture.triples(
            "Russia abstained in the vote on Ukraine. Spain said any settlement must respect its sovereignty.", [spain, russia, ukraine])
        #expect(named.contains(T("Spain", "ukraine_sovereignty", .support)), "\(named)")
    }

    @Test func theAgentOfAParticipleModifyingATopicHoldsIt() {
        let oman = N(name: "Oman", type: .gpe)
        let us = N(name: "United States", type: .gpe)
        let iran = N(name: "Iran", type: .gpe)
        let right = StanceFixture.triples("Talks brokered by Oman resumed on Saturday.", [oman])
        #expect(right == [T("Oman", "peace_talks", .support)], "\(right)")
        let comma = StanceFixture.triples(
            "Talks between the United States and Iran, mediated by Oman, resumed on Saturday.", [us, iran, oman])
        #expect(comma == [T("Oman", "peace_talks", .support)], "\(comma)")
        let front = N(name: "Lion Front", type: .org)
        let rejected = StanceFixture.triples("A truce rejected by the Lion Front was announced on Sunday.", [front])
        #expect(rejected.contains(T("Lion Front", "ceasefire", .oppose)), "\(rejected)")
        #expect(!rejected.contains(T("Lion Front", "ceasefire", .support)), "\(rejected)")
    }

    @Test func aOneWordTopicUsedAsAVerbIsACueForItsObject() {
        let oman = N(name: "Oman", type: .gpe)
        let out = StanceFixture.triples("Oman mediated the talks between the two sides.", [oman])
        #expect(out.contains(T("Oman", "peace_talks", .support)), "\(out)")
        // Without an object that is a topic, mediating is not a position.
        let bare = StanceFixture.triples("Oman, which borders Yemen and has mediated for years, hosted the delegates.", [oman])
        #expect(bare.isEmpty, "\(bare)")
    }

    @Test func aPredicateNounAsTheSubjectOfBeNamesWhatFollows() {
        let wang = N(name: "Wang Yi", type: .person)
        let quoted = StanceFixture.triples("\"The priority is to stop the fighting,\" Wang Yi said.", [wang])
        #expect(quoted == [T("Wang Yi", "ceasefire", .support)], "\(quoted)")
        let reported = StanceFixture.triples("Wang Yi said the only way forward was dialogue.", [wang])
        #expect(reported == [T("Wang Yi", "peace_talks", .support)], "\(reported)")
        let kallas = N(name: "Kaja Kallas", type: .person)
        let russia = N(name: "Russia", type: .gpe)
        let mistake = StanceFixture.triples("Kaja Kallas said the mistake was to lift sanctions on Russia.", [kallas, russia])
        #expect(mistake.contains(T("Kaja Kallas", "sanctions_on_russia", .support)), "\(mistake)")
    }

    @Test func inAdvanceIsAnAdverbNotACue() {
        let front = N(name: "Polisario Front", type: .org)
        let out = StanceFixture.triples(
            "The Polisario Front said it would \"not engage in negotiations whose outcome has been written in advance\".", [front])
        #expect(out == [T("Polisario Front", "peace_talks", .oppose)], "\(out)")
    }

    @Test func makingATopicItsObjectCommitsToIt() {
        let un = N(name: "United Nations", type: .org)
        let russia = N(name: "Russia", type: .gpe)
        let out = StanceFixture.triples("The United Nations urged Russia to make the ceasefire permanent.", [un, russia])
        #expect(out.contains(T("United Nations", "ceasefire", .support)), "\(out)")
        let ukraine = N(name: "Ukraine", type: .gpe, aliases: ["Kyiv"])
        let refused = StanceFixture.triples("Kyiv refused to make territorial concessions to Russia.", [ukraine, russia])
        #expect(refused.contains(T("Ukraine", "territorial_concessions", .oppose)), "\(refused)")
    }

    @Test func askingForEngagingWithFocusingOnAndPressingHardForAreSupport() {
        let egypt = N(name: "Egypt", type: .gpe)
        let cases = [
            "Egypt asked for an immediate ceasefire.",
            "Egypt would engage with the next round of talks.",
            "Egypt remained focused on a ceasefire.",
            "Egypt has been pressing hard for a ceasefire.",
        ]
        for body in cases {
            let out = StanceFixture.triples(body, [egypt])
            #expect(!out.isEmpty && out.allSatisfy { $0.holder == "Egypt" && $0.polarity == .support }, "\(body): \(out)")
        }
    }

    @Test func invitingOthersToTalksSupportsThem() {
        let morocco = N(name: "Morocco", type: .gpe)
        let algeria = N(name: "Algeria", type: .gpe)
        let out = StanceFixture.triples("Morocco invited Algeria to a frank and brotherly dialogue.", [morocco, algeria])
        #expect(out == [T("Morocco", "peace_talks", .support)], "\(out)")
    }

    @Test func theAddresseeOfAnAgentlessPassiveDirectiveHoldsNothing() {
        let qatar = N(name: "Qatar", type: .gpe)
        #expect(StanceFixture.triples("Qatar was invited to the talks in Cairo.", [qatar]).isEmpty)
        let ukraine = N(name: "Ukraine", type: .gpe)
        #expect(StanceFixture.triples("Ukraine was urged to accept a ceasefire.", [ukraine]).isEmpty)
        // With its agent named, the agent holds it.
        let kenya = N(name: "Kenya", type: .gpe)
        let agent = StanceFixture.triples("Qatar was invited by Kenya to join the talks.", [qatar, kenya])
        #expect(!agent.contains { $0.holder == "Qatar" }, "\(agent)")
    }

    @Test func anUndoingVerbBeforeANounCueReversesIt() {
        let hungary = N(name: "Hungary", type: .gpe)
        let ended = StanceFixture.triples("Hungary ended its support for the ceasefire.", [hungary])
        #expect(ended == [T("Hungary", "ceasefire", .oppose)], "\(ended)")
        let korea = N(name: "North Korea", type: .gpe, aliases: ["Pyongyang"])
        let reduced = StanceFixture.triples("Sanctions have reduced Pyongyang's need for talks with Seoul.", [korea])
        #expect(!reduced.contains(T("North Korea", "peace_talks", .support)), "\(reduced)")
        // A verb that does not undo keeps it.
        let renewed = StanceFixture.triples("Hungary renewed its support for the ceasefire.", [hungary])
        #expect(renewed == [T("Hungary", "ceasefire", .support)], "\(renewed)")
    }
}
