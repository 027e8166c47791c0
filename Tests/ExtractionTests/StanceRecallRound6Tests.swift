import Testing

@testable import Extraction

/// Mechanisms of the sixth stance round: noun-only topic phrases, indirect questions,
/// evaluations ("called X blackmail"), "without" composed with a negated verb, definite
/// descriptions and anaphoric targets.
@Suite("Stance recall, round 6")
struct StanceRecallRound6Tests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    static let ukraine = N(name: "Ukraine", type: .gpe, aliases: ["Kyiv"], demonyms: ["ukrainian"], kbId: "iso3166-1:UA")
    static let russia = N(name: "Russia", type: .gpe, aliases: ["Moscow"], demonyms: ["russian"], kbId: "iso3166-1:RU")
    static let norland = N(name: "Norland", type: .gpe, demonyms: ["norlandic"], kbId: "iso3166-1:NL")
    static let essia = N(name: "Essia", type: .gpe, demonyms: ["essian"], kbId: "iso3166-1:EE")
    static let league = N(name: "Coastal League", type: .org)
    static let front = N(name: "Liberation Front", type: .org)
    static let berg = N(name: "Anna Berg", type: .person, aliases: ["Berg"])

    // MARK: Noun-only topic phrases

    @Test func bareGuaranteesAsANounAreSecurityGuarantees() {
        for text in [
            "Anna Berg said Ukraine would need guarantees against another Russian attack.",
            "Anna Berg demanded firm guarantees for Kyiv before any deal with Russia.",
        ] {
            let out = StanceFixture.triples(text, [Self.berg, Self.ukraine, Self.russia])
            #expect(out.contains(T("Anna Berg", "security_guarantees_ukraine", .support)), "\(text): \(out)")
        }
    }

    @Test func guaranteeAsAVerbIsNoSecurityGuarantee() {
        let out = StanceFixture.triples(
            "Anna Berg said Norland would guarantee the ceasefire between Russia and Ukraine.",
            [Self.berg, Self.norland, Self.ukraine, Self.russia])
        #expect(!out.contains { $0.target == "security_guarantees_ukraine" }, "\(out)")
        #expect(out.contains { $0.target == "ceasefire" && $0.polarity == .support }, "\(out)")
    }

    @Test func loanGuaranteesAreNoSecurityGuarantees() {
        let out = StanceFixture.triples(
            "Anna Berg backed new loan guarantees for Ukraine after Russia's attack.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(!out.contains { $0.target == "security_guarantees_ukraine" }, "\(out)")
    }

    // MARK: Indirect questions

    @Test func aClauseOpenedByWhetherIsNoPosition() {
        let out = StanceFixture.triples(
            "Whether Norland and the Coastal League will be willing to provide security guarantees for Ukraine remains unclear.",
            [Self.norland, Self.league, Self.ukraine, Self.russia])
        #expect(out.isEmpty, "\(out)")
    }

    // MARK: Evaluations

    @Test func anAdverseLabelForAnActorsMoveOpposesTheActor() {
        for text in [
            "Norland's foreign ministry called the Essian move \"blackmail\" on Monday.",
            "Norland's foreign ministry described the Essian decision as blackmail.",
            "Norland's foreign ministry branded Essia's decision a provocation.",
        ] {
            let out = StanceFixture.triples(text, [Self.norland, Self.essia])
            #expect(out.contains(T("Norland", "Essia", .oppose)), "\(text): \(out)")
        }
    }

    @Test func dismissingAnActorsPositionOpposesTheActor() {
        let out = StanceFixture.triples("Anna Berg dismissed Norland's position as nonsense.", [Self.berg, Self.norland])
        #expect(out.contains(T("Anna Berg", "Norland", .oppose)), "\(out)")
    }

    @Test func anEvaluationOfATopicStaysWithTheTopic() {
        let out = StanceFixture.triples(
            "Anna Berg described the tribunal for Ukraine as a legal nullity invented by the West.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(out.contains(T("Anna Berg", "war_crimes_accountability", .oppose)), "\(out)")
        #expect(!out.contains { $0.target == "Ukraine" }, "\(out)")
    }

    @Test func aFavourableLabelOrADirectiveCallIsNoOppositionToTheActor() {
        for text in [
            "Anna Berg called the Norlandic offer constructive.",
            "Anna Berg called on Norland to stop the blackmail.",
        ] {
            let out = StanceFixture.triples(text, [Self.berg, Self.norland])
            #expect(!out.contains(T("Anna Berg", "Norland", .oppose)), "\(text): \(out)")
        }
    }

    // MARK: "without" and "no"

    @Test func refusingATruceWithoutGuaranteesSupportsTheGuarantees() {
        let out = StanceFixture.triples(
            "Anna Berg said Ukraine will not sign a truce without security guarantees from its partners.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(out.contains(T("Anna Berg", "security_guarantees_ukraine", .support)), "\(out)")
        #expect(!out.contains(T("Anna Berg", "security_guarantees_ukraine", .oppose)), "\(out)")
    }

    @Test func noTalksWithoutAPartySupportsTheParty() {
        let out = StanceFixture.triples(
            "Anna Berg said there can be no negotiations on Ukraine without Ukraine.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(out.contains(T("Anna Berg", "ukraine_in_talks", .support)), "\(out)")
        #expect(!out.contains(T("Anna Berg", "ukraine_in_talks", .oppose)), "\(out)")
    }

    @Test func noConcessionsAgainstSovereigntySupportsSovereignty() {
        let out = StanceFixture.triples(
            "Norland stressed that no concessions against Ukraine's sovereignty will be made.",
            [Self.norland, Self.ukraine, Self.russia])
        #expect(out.contains(T("Norland", "ukraine_sovereignty", .support)), "\(out)")
        #expect(!out.contains(T("Norland", "ukraine_sovereignty", .oppose)), "\(out)")
    }

    @Test func anUnnegatedWithoutStillOpposes() {
        let out = StanceFixture.triples(
            "Anna Berg said Russia wants a deal on Ukraine without Ukraine.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(!out.contains(T("Anna Berg", "ukraine_in_talks", .support)), "\(out)")
        #expect(out.contains { $0.target == "ukraine_in_talks" && $0.polarity == .oppose }, "\(out)")
    }

    // MARK: Anaphoric targets of the same kind

    @Test func theProcessRefersToThePeaceProcessNamedEarlier() {
        let out = StanceFixture.triples(
            "Norland opened a peace process with the Liberation Front in March. Essia raised grain tariffs in April. "
                + "Fuel prices rose in May. The Liberation Front said it remained committed to the process.",
            [Self.norland, Self.essia, Self.front])
        #expect(out.contains(T("Liberation Front", "peace_talks", .support)), "\(out)")
    }

    @Test func theAgreementRefersToWhatItsEarlierMentionEstablished() {
        let out = StanceFixture.triples(
            "Norland and Essia signed the agreement establishing a special tribunal for war crimes on Monday. "
                + "Fuel prices rose in May. Grain exports fell in June. The Coastal League welcomed the agreement.",
            [Self.norland, Self.essia, Self.league])
        #expect(out.contains(T("Coastal League", "war_crimes_accountability", .support)), "\(out)")
    }

    @Test func aPrefixedTopicDoesNotCompleteTheNoun() {
        let out = StanceFixture.triples(
            "Norland drew up a plan for a post-ceasefire force on Monday. Fuel prices rose in May. "
                + "Grain exports fell in June. The Coastal League welcomed the plan.",
            [Self.norland, Self.league])
        #expect(!out.contains(T("Coastal League", "ceasefire", .support)), "\(out)")
    }

    // MARK: Quotes

    @Test func aQuotedRequirementIsTheSpeakersPosition() {
        let out = StanceFixture.triples(
            "\"There can be no negotiations on Ukraine without Ukraine,\" Anna Berg said on Monday.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(out.contains(T("Anna Berg", "ukraine_in_talks", .support)), "\(out)")
    }

    @Test func aNameInsideAQuoteIsNoSpeakerOfTheVerbAfterIt() {
        let out = StanceFixture.triples(
            "\"There can be no peace without accountability for the crimes in Norland,\" said one participant.",
            [Self.norland])
        #expect(!out.contains { $0.holder == "Norland" }, "\(out)")
    }

    @Test func aQuotedFragmentOfAReportedClauseIsTheSpeakersPosition() {
        let out = StanceFixture.triples(
            "Anna Berg said the fund would bring \"serious money to rebuild Ukraine\" after the war with Russia.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(out.contains(T("Anna Berg", "reconstruction_aid", .support)), "\(out)")
    }

    @Test func aQuotedSentenceAssertingATopicOfANamedActorIsTheSpeakersPosition() {
        for text in [
            "Talks resumed on Monday. \"Ukraine will not cede territory to Russia,\" Anna Berg said.",
            "Talks resumed on Monday. \"We will never accept territorial concessions to Russia,\" Anna Berg said of Ukraine.",
            "Talks resumed on Monday. \"There will be no territorial concessions to Russia,\" Anna Berg said of Ukraine.",
        ] {
            let out = StanceFixture.triples(text, [Self.berg, Self.ukraine, Self.russia])
            #expect(out.contains(T("Anna Berg", "territorial_concessions", .oppose)), "\(text): \(out)")
        }
    }

    @Test func aQuotedSentenceAboutAThingNeedsMoreThanATopic() {
        let out = StanceFixture.triples(
            "\"Proceeding without Ukraine will only encourage Russia further,\" Anna Berg said.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(!out.contains { $0.target == "ukraine_in_talks" }, "\(out)")
    }

    // MARK: Lists

    @Test func aListGoingOnPastTheLastNameKeepsTheNamesBeforeIt() {
        let out = StanceFixture.triples(
            "Norland, Essia and the other coastal states urged the Coastal League to tighten sanctions on Russia.",
            [Self.norland, Self.essia, Self.league, Self.russia])
        #expect(out.contains(T("Norland", "sanctions_on_russia", .support)), "\(out)")
        #expect(out.contains(T("Essia", "sanctions_on_russia", .support)), "\(out)")
    }

    @Test func aPlaceBeforeTheListIsNoMember() {
        let out = StanceFixture.triples(
            "In Vardia, Essia and the other coastal states urged the Coastal League to tighten sanctions on Russia.",
            [N(name: "Vardia", type: .gpe, kbId: "iso3166-1:VA"), Self.essia, Self.league, Self.russia])
        #expect(out.contains(T("Essia", "sanctions_on_russia", .support)), "\(out)")
        #expect(!out.contains { $0.holder == "Vardia" }, "\(out)")
    }

    @Test func aListAtTheStartOfTheTextIsSafe() {
        let out = StanceFixture.triples(
            "Norland and Essia agreed on a ceasefire proposal, which Russia rejected.",
            [Self.norland, Self.essia, Self.russia])
        #expect(out.contains(T("Russia", "ceasefire", .oppose)), "\(out)")
    }

    // MARK: Reported clauses without "that"

    @Test func saidHeExpectedToMeetReportsTheMeeting() {
        let out = StanceFixture.triples(
            "Anna Berg said she expected to meet President Oskar Lund soon.",
            [Self.berg, N(name: "Oskar Lund", type: .person, aliases: ["Lund"])])
        #expect(out.contains(T("Anna Berg", "leaders_summit", .support)), "\(out)")
    }

    // MARK: Definite descriptions

    @Test func theRebelsAreTheOrganisationNamedBefore() {
        let out = StanceFixture.triples(
            "The Liberation Front seized the town in January. The rebels accepted the ceasefire on Tuesday.",
            [Self.front])
        #expect(out.contains(T("Liberation Front", "ceasefire", .support)), "\(out)")
    }

    @Test func theMovementAsSentenceSubjectHoldsItsParticiple() {
        let out = StanceFixture.triples(
            "The Liberation Front seized the town in January. The movement met mediators in Norland on Monday, accepting a ceasefire.",
            [Self.front, Self.norland])
        #expect(out.contains(T("Liberation Front", "ceasefire", .support)), "\(out)")
    }

    @Test func aDescriptionDoesNotReachIntoAQuote() {
        let out = StanceFixture.triples(
            "Anna Berg met the envoy in January. \"We will never trust the Coastal League again,\" the group said, rejecting the ceasefire.",
            [Self.berg, Self.league])
        #expect(!out.contains { $0.holder == "Coastal League" }, "\(out)")
    }

    @Test func anUnnamedCapitalisedSubjectAfterTheSpeechVerbOpensTheReport() {
        let out = StanceFixture.triples(
            "Anna Berg said the Quartet preferred a negotiated solution but that time was running out.", [Self.berg])
        #expect(out.contains(T("Anna Berg", "peace_talks", .support)), "\(out)")
    }

    @Test func aNegationEndsAtAClauseBoundaryInReportedSpeech() {
        let out = StanceFixture.triples(
            "Anna Berg said Russia would not get its assets back until it pays reparations to Ukraine.",
            [Self.berg, Self.ukraine, Self.russia])
        #expect(out.contains(T("Anna Berg", "reconstruction_aid", .support)), "\(out)")
        #expect(!out.contains(T("Anna Berg", "reconstruction_aid", .oppose)), "\(out)")
    }

    @Test func theSecondNameOfAPairAfterBetweenIsNoAntecedentOfHe() {
        let lund = N(name: "Oskar Lund", type: .person, aliases: ["Lund"])
        let out = StanceFixture.triples(
            "Anna Berg told reporters that Norland had proposed a meeting between President Essia Vale and President Oskar Lund. "
                + "\"The next step is a summit of the leaders,\" he said.",
            [Self.berg, N(name: "Essia Vale", type: .person), lund, Self.norland])
        #expect(!out.contains { $0.holder == "Oskar Lund" }, "\(out)")
    }
}
