import Testing

@testable import Extraction

/// What a stance is about: topics in the cue's scope, actors, references back.
@Suite("Stance targets")
struct StanceTargetTests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    @Test func callingTalksABetrayalOrAStepForwardIsAPosition() {
        let hungary = N(name: "Hungary", type: .gpe)
        let betrayal = StanceFixture.triples("Hungary called the truce a betrayal.", [hungary])
        #expect(betrayal == [T("Hungary", "ceasefire", .oppose)])
        let sham = StanceFixture.triples("Hungary said the peace talks were a sham.", [hungary])
        #expect(sham == [T("Hungary", "peace_talks", .oppose)])
        let step = StanceFixture.triples("Hungary called the ceasefire an important step.", [hungary])
        #expect(step == [T("Hungary", "ceasefire", .support)])
    }

    @Test func aTopicPhraseAboutAnotherCountryIsNotTheCataloguesTopic() {
        func country(_ name: String, _ code: String, demonyms: [String] = []) -> N {
            N(name: name, type: .gpe, demonyms: demonyms, kbId: "iso3166-1:" + code)
        }
        let russia = country("Russia", "RU", demonyms: ["russian"])
        let iran = country("Iran", "IR")
        let syria = country("Syria", "SY", demonyms: ["syrian"])
        let sweden = country("Sweden", "SE")
        let ukraine = country("Ukraine", "UA", demonyms: ["ukrainian"])
        let lebanon = country("Lebanon", "LB")
        let eu = N(name: "European Union", type: .org)
        let all = [russia, iran, syria, sweden, ukraine, lebanon, eu]
        // Named after the phrase behind one of the subject's words.
        #expect(StanceFixture.triples("Russia backed new sanctions on Iran.", all).isEmpty)
        #expect(StanceFixture.triples("The European Union backed sanctions on Russia.", all) == [T("European Union", "sanctions_on_russia", .support)])
        #expect(StanceFixture.triples("Russia backed peacekeepers in Lebanon.", all).isEmpty)
        // Named before it: a possessive (past one plain word) or a demonym.
        #expect(StanceFixture.triples("Russia respects Syria's full territorial integrity.", all).isEmpty)
        #expect(StanceFixture.triples("Russia respects Syrian sovereignty.", all).isEmpty)
        #expect(StanceFixture.triples("Russia opposed Sweden's NATO membership.", all).isEmpty)
        #expect(StanceFixture.triples("Russia respects Ukraine's territorial integrity.", all) == [T("Russia", "ukraine_sovereignty", .support)])
        #expect(StanceFixture.triples("Russia opposed Ukraine's NATO membership.", all) == [T("Russia", "ukraine_nato_membership", .oppose)])
        // A provider before the phrase does not count where the subject allows only what follows.
        #expect(StanceFixture.triples("Russia opposed Syrian military aid to Ukraine.", all) == [T("Russia", "military_aid_ukraine", .oppose)])
    }

    @Test func aPredicateReachesBackPastALongerTopicAndItsNamedComplement() {
        let hungary = N(name: "Hungary", type: .gpe)
        let belarus = N(name: "Belarus", type: .gpe)
        let long = StanceFixture.triples("Hungary called the peace talks a betrayal.", [hungary])
        #expect(long == [T("Hungary", "peace_talks", .oppose)])
        let named = StanceFixture.triples("Hungary has called the talks with Belarus a betrayal of its voters.", [hungary, belarus])
        #expect(named == [T("Hungary", "peace_talks", .oppose)])
    }

    @Test func theAgreementDoesNotReferBackToTheOppositeOfATopic() {
        let hungary = N(name: "Hungary", type: .gpe)
        let out = StanceFixture.triples(
            "The new tribunal is meant to end impunity for war crimes. Hungary welcomed the agreement on Friday.", [hungary])
        #expect(!out.contains(T("Hungary", "war_crimes_accountability", .oppose)), "\(out)")
        // The tribunal, the topic as named before, is what "the agreement" refers to.
        #expect(out.contains(T("Hungary", "war_crimes_accountability", .support)), "\(out)")
    }

    @Test func aThreeWayMeetingIsALeadersSummit() {
        let out = StanceFixture.triples(
            "Hungary supports a three-way meeting with the two presidents in Ukraine.", [N(name: "Hungary", type: .gpe)])
        #expect(out == [T("Hungary", "leaders_summit", .support)])
    }

    @Test func holdingFireIsACeasefire() {
        let out = StanceFixture.triples(
            "Norway urged both sides to hold their fire.", [N(name: "Norway", type: .gpe)])
        #expect(out == [T("Norway", "ceasefire", .support)])
    }

    @Test func describingOrDistancingFromAnActorOpposesIt() {
        let latvia = N(name: "Latvia", type: .gpe)
        let russia = N(name: "Russia", type: .gpe)
        let hungary = N(name: "Hungary", type: .gpe)
        let described = StanceFixture.triples("Latvia described Russia as an aggressor.", [latvia, russia])
        #expect(described == [T("Latvia", "Russia", .oppose)])
        let distanced = StanceFixture.triples("Latvia distanced itself from Hungary on Monday.", [latvia, hungary])
        #expect(distanced == [T("Latvia", "Hungary", .oppose)])
        let hit = StanceFixture.triples("Latvia hit back at Hungary.", [latvia, hungary])
        #expect(hit == [T("Latvia", "Hungary", .oppose)])
    }

    @Test func theOnlyWayForwardAndWalkingOutAreStancesOnTalks() {
        let latvia = N(name: "Latvia", type: .gpe)
        let way = StanceFixture.triples("Latvia says talks are the only way forward.", [latvia])
        #expect(way == [T("Latvia", "peace_talks", .support)])
        let walked = StanceFixture.triples("Latvia walked out of the talks on Friday.", [latvia])
        #expect(walked == [T("Latvia", "peace_talks", .oppose)])
    }

    @Test func anActorAfterAnOpposeCueIsTheTarget() {
        let out = StanceFixture.triples(
            "Estonia condemned Belarus for hosting the missiles.",
            [N(name: "Estonia", type: .gpe), N(name: "Belarus", type: .gpe)])
        #expect(out == [T("Estonia", "Belarus", .oppose)])
    }

    @Test func aSpeakerCallingAnActorARegimeOpposesIt() {
        let minsk = N(name: "Belarus", type: .gpe, aliases: ["Minsk"])
        let landsbergis = N(name: "Gabrielius Landsbergis", type: .person, aliases: ["Landsbergis"])
        let quoted = StanceFixture.triples(
            "“The Minsk regime is lying about the border,” Lithuanian Foreign Minister Gabrielius Landsbergis said.",
            [minsk, landsbergis])
        #expect(quoted == [T("Gabrielius Landsbergis", "Belarus", .oppose)])
        let narrated = StanceFixture.triples("The Minsk regime received more fuel on Monday.", [minsk, landsbergis])
        #expect(narrated.isEmpty, "the journalist's own wording is not a stance: \(narrated)")
        let sanctions = StanceFixture.triples("Landsbergis said the sanctions regime against Belarus was working.", [minsk, landsbergis])
        #expect(!sanctions.contains { $0.target == "Belarus" && $0.polarity == .oppose }, "\(sanctions)")
    }

    @Test func kyivSaysIsReportingNotUkrainesSayInTalks() {
        let poland = N(name: "Poland", type: .gpe)
        let ukraine = N(name: "Ukraine", type: .gpe, aliases: ["Kyiv"])
        let russia = N(name: "Russia", type: .gpe)
        let reporting = StanceFixture.triples("Kyiv says Russia attacked the port at dawn.", [poland, ukraine, russia])
        #expect(!reporting.contains { $0.target == "ukraine_in_talks" }, "\(reporting)")
        let say = StanceFixture.triples("Poland said Ukraine must have a say in any deal with Russia.", [poland, ukraine, russia])
        #expect(say.contains(T("Poland", "ukraine_in_talks", .support)), "\(say)")
    }

    @Test func talkOfATopicIsAboutThatTopicNotAboutTalks() {
        let estonia = N(name: "Estonia", type: .gpe)
        let ukraine = N(name: "Ukraine", type: .gpe)
        let alarmed = StanceFixture.triples("Estonia was alarmed by talk of territorial concessions by Ukraine.", [estonia, ukraine])
        #expect(alarmed == [T("Estonia", "territorial_concessions", .oppose)])
        let welcomed = StanceFixture.triples("Estonia welcomed talk of a ceasefire in Ukraine.", [estonia, ukraine])
        #expect(welcomed == [T("Estonia", "ceasefire", .support)])
        let talks = StanceFixture.triples("Estonia welcomed the talks on Ukraine.", [estonia, ukraine])
        #expect(talks == [T("Estonia", "peace_talks", .support)])
    }

    @Test func questioningLegitimacyOpposesThePerson() {
        let out = StanceFixture.triples(
            "Poland has questioned Alexander Lukashenko's legitimacy since 2020.",
            [N(name: "Poland", type: .gpe), N(name: "Alexander Lukashenko", type: .person, aliases: ["Lukashenko"])])
        #expect(out == [T("Poland", "Alexander Lukashenko", .oppose)])
    }

    @Test func theActorBeforeTheFirstTopicWins() {
        let out = StanceFixture.triples(
            "Latvia voiced skepticism regarding Moscow's intentions in the negotiations.",
            [N(name: "Latvia", type: .gpe), N(name: "Russia", type: .gpe, aliases: ["Moscow"])])
        #expect(out == [T("Latvia", "Russia", .oppose)])
    }

    @Test func coordinatedTopicsAreAllTargets() {
        let out = StanceFixture.triples(
            "Chile backs a ceasefire and security guarantees for Kyiv.", [N(name: "Chile", type: .gpe)])
        #expect(Set(out) == [T("Chile", "ceasefire", .support), T("Chile", "security_guarantees_ukraine", .support)])
    }

    @Test func aTopicInsideAModifierIsNotATarget() {
        let out = StanceFixture.triples(
            "Austria opposes the deployment of foreign troops in Ukraine as part of a ceasefire deal.", [N(name: "Austria", type: .gpe)])
        #expect(out == [T("Austria", "foreign_troops_in_ukraine", .oppose)])
    }

    @Test func theIdeaRefersToTheLastTopic() {
        let body = "Several capitals discussed sending peacekeepers to Ukraine. Meanwhile, Olaf Scholz dismissed the idea as premature."
        let out = StanceFixture.triples(body, [N(name: "Olaf Scholz", type: .person)])
        #expect(out == [T("Olaf Scholz", "foreign_troops_in_ukraine", .oppose)])
    }

    @Test func aRestrictedTopicFallsBackForOtherHolders() {
        let china = N(name: "China", type: .gpe)
        let turkey = N(name: "Turkey", type: .gpe)
        #expect(StanceFixture.triples("China offered to mediate.", [china]) == [T("China", "china_mediation", .support)])
        #expect(StanceFixture.triples("Turkey offered to mediate.", [turkey]) == [T("Turkey", "peace_talks", .support)])
    }

    @Test func theJournalistsOwnWordsAreNotAStance() {
        let out = StanceFixture.triples(
            "The ceasefire talks in Geneva resumed after a pause.", [N(name: "Geneva", type: .gpe)])
        #expect(out.isEmpty)
    }

    @Test func aCompoundAdjectiveIsNotACue() {
        let out = StanceFixture.triples(
            "Sudan's army rejected a U.S.-brokered truce proposal.",
            [N(name: "Sudan", type: .gpe), N(name: "United States", type: .gpe, aliases: ["U.S."])])
        #expect(out == [T("Sudan", "ceasefire", .oppose)])
    }
}

