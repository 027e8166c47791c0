import Testing

@testable import Extraction

/// Who holds a stance: subjects, reported speech, quotes, pronouns, passives, unnamed officials.
@Suite("Stance holders")
struct StanceHolderTests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    @Test func aPlaceModifyingANounIsNoSubject() {
        let kursk = StanceFixture.Named(name: "Kursk", type: .gpe)
        let ukraine = StanceFixture.Named(name: "Ukraine", type: .gpe)
        let out = StanceFixture.triples("The Kursk operation was meant to strengthen Ukraine's hand in future peace talks.", [kursk, ukraine])
        #expect(!out.contains { $0.holder == "Kursk" }, "\(out)")
        // The same place before a verb is a subject.
        #expect(StanceFixture.triples("Kursk rejected the truce.", [kursk, ukraine]) == [StanceFixture.Triple("Kursk", "ceasefire", .oppose)])
    }

    @Test func anUnnamedLeaderDescribedByTheirCountrySpeaksForIt() {
        let russia = StanceFixture.Named(name: "Russia", type: .gpe, demonyms: ["russian"])
        let qatar = StanceFixture.Named(name: "Qatar", type: .gpe, demonyms: ["qatari"])
        let possessive = StanceFixture.triples("Russia and Qatar met. Russia's foreign minister rejected the ceasefire.", [russia, qatar])
        #expect(possessive == [StanceFixture.Triple("Russia", "ceasefire", .oppose)], "\(possessive)")
        let demonym = StanceFixture.triples("Russia and Qatar met. The Qatari prime minister welcomed the ceasefire.", [russia, qatar])
        #expect(demonym == [StanceFixture.Triple("Qatar", "ceasefire", .support)], "\(demonym)")
        // A person named with that title is who the description means.
        let sheikh = StanceFixture.Named(name: "Mohammed Al Thani", type: .person)
        let named = StanceFixture.triples(
            "Qatari Prime Minister Mohammed Al Thani met Russia. The Qatari prime minister welcomed the ceasefire.", [russia, qatar, sheikh])
        #expect(named == [StanceFixture.Triple("Mohammed Al Thani", "ceasefire", .support)], "\(named)")
    }

    @Test func theGroupIsNotTheOutletASpeakerTold() {
        let hamas = StanceFixture.Named(name: "Hamas", type: .org)
        let reuters = StanceFixture.Named(name: "Reuters", type: .org)
        let out = StanceFixture.triples("Hamas rejected the plan. An official told Reuters the group would never accept a ceasefire.", [hamas, reuters])
        #expect(out.contains(StanceFixture.Triple("Hamas", "ceasefire", .oppose)), "\(out)")
        #expect(!out.contains { $0.holder == "Reuters" }, "\(out)")
        // Nor does "it" / "they".
        for sentence in ["An official told Reuters it would never accept a ceasefire.", "Its spokesman told Reuters that they would never accept a ceasefire."] {
            let pronoun = StanceFixture.triples("Hamas rejected the plan. " + sentence, [hamas, reuters])
            #expect(pronoun == [StanceFixture.Triple("Hamas", "ceasefire", .oppose)], "\(sentence): \(pronoun)")
        }
    }

    @Test func theClauseSubjectHoldsPastAnApposition() {
        let out = StanceFixture.triples(
            "Olga Stefanishyna, a deputy prime minister of Ukraine, urged allies to approve more military aid.",
            [N(name: "Olga Stefanishyna", type: .person), N(name: "Ukraine", type: .gpe)])
        #expect(out == [T("Olga Stefanishyna", "military_aid_ukraine", .support)])
    }

    @Test func theKingdomAfterASpeakerIsTheSpeakersCountryNotAnotherCountry() {
        let oman = N(name: "Oman", type: .gpe)
        let jordan = N(name: "Jordan", type: .gpe, demonyms: ["jordanian"])
        let minister = N(name: "Ayman Safadi", type: .person)
        let out = StanceFixture.triples(
            "Oman hosted the meeting. Jordanian Foreign Minister Ayman Safadi said the kingdom supports a ceasefire in Gaza.",
            [oman, jordan, minister])
        #expect(out.contains(T("Jordan", "ceasefire", .support)), "\(out)")
        #expect(!out.contains(T("Oman", "ceasefire", .support)), "\(out)")
    }

    @Test func theBlocRefersToAnOrganisationNotToTheLastCountry() {
        let union = N(name: "African Union", type: .org)
        let kenya = N(name: "Kenya", type: .gpe)
        let out = StanceFixture.triples(
            "The African Union met in Addis Ababa on Monday. Kenya asked for more time. The bloc said it backs a ceasefire in Sudan.",
            [union, kenya])
        #expect(out.contains(T("African Union", "ceasefire", .support)), "\(out)")
        #expect(!out.contains(T("Kenya", "ceasefire", .support)), "\(out)")
    }

    @Test func anAppositiveWithABracketedAcronymOrARelativeClauseIsSkipped() {
        let schlein = N(name: "Ilse Marten", type: .person)
        let party = N(name: "Green Future Party", type: .org, aliases: ["GFP"])
        let hungary = N(name: "Hungary", type: .gpe)
        let bracket = StanceFixture.triples(
            "Ilse Marten, secretary of the Green Future Party (GFP), condemned Hungary.", [schlein, party, hungary])
        #expect(bracket == [T("Ilse Marten", "Hungary", .oppose)])
        let relative = StanceFixture.triples(
            "Ilse Marten, the senator who leads the Green Future Party (GFP), condemned Hungary.", [schlein, party, hungary])
        #expect(relative == [T("Ilse Marten", "Hungary", .oppose)])
    }

    @Test func theNameBeforeOfHoldsNotTheEmployerAfterIt() {
        let person = N(name: "Tomasz Wrzosek", type: .person)
        let party = N(name: "Nowa Droga", type: .org)
        let hungary = N(name: "Hungary", type: .gpe)
        let out = StanceFixture.triples("Tomasz Wrzosek of Nowa Droga condemned Hungary.", [person, party, hungary])
        #expect(out == [T("Tomasz Wrzosek", "Hungary", .oppose)])
        let ministry = N(name: "Ministry of Commerce", type: .org)
        let beijing = N(name: "China", type: .gpe, aliases: ["Beijing"])
        let place = StanceFixture.triples("The Ministry of Commerce in Beijing condemned Hungary.", [ministry, beijing, hungary])
        #expect(place == [T("Ministry of Commerce", "Hungary", .oppose)])
    }

    @Test func theGroupOrThePartyRefersBackToTheOrganisationNamedBefore() {
        let front = N(name: "Patriotic Front", type: .org)
        let zambia = N(name: "Zambia", type: .gpe, demonyms: ["zambian"])
        let group = StanceFixture.triples(
            "The Patriotic Front met in Lusaka on Monday. Zambia stayed away. The group said it backs a ceasefire in Sudan.",
            [front, zambia])
        #expect(group.contains(T("Patriotic Front", "ceasefire", .support)), "\(group)")
        #expect(!group.contains(T("Zambia", "ceasefire", .support)), "\(group)")
        // Groups described by a demonym are not the country.
        let civil = StanceFixture.triples("Zambian civil society groups demanded a ceasefire in Sudan.", [zambia])
        #expect(civil.isEmpty, "\(civil)")
    }

    @Test func aDescribedOrganisationWithPlainModifiersIsTheOneNamedBefore() {
        let amnesty = N(name: "Amnesty International", type: .org)
        let kenya = N(name: "Kenya", type: .gpe)
        let out = StanceFixture.triples(
            "Amnesty International sent observers to Kenya. The human rights organisation welcomed the ceasefire in Sudan.",
            [amnesty, kenya])
        #expect(out == [T("Amnesty International", "ceasefire", .support)])
    }

    @Test func itIsNotAPlaceNamedAfterAPreposition() {
        let geneva = N(name: "Geneva", type: .gpe)
        let ukraine = N(name: "Ukraine", type: .gpe)
        let out = StanceFixture.triples(
            "Delegates met in Geneva on Sunday. Any settlement, it says, must respect Ukraine's sovereignty.", [geneva, ukraine])
        #expect(!out.contains { $0.holder == "Geneva" }, "\(out)")
        // A country that was a subject is still what "it" refers to.
        let subject = StanceFixture.triples(
            "Norway hosted delegates in Geneva on Sunday. Any settlement, it says, must respect Ukraine's sovereignty.",
            [N(name: "Norway", type: .gpe), geneva, ukraine])
        #expect(subject.contains(T("Norway", "ukraine_sovereignty", .support)), "\(subject)")
        #expect(!subject.contains { $0.holder == "Geneva" }, "\(subject)")
    }

    @Test func aSpeakerHoldsWhatFollowsALateThatAfterAnAdverbial() {
        let speaker = N(name: "Andris Berzins", type: .person)
        let out = StanceFixture.triples(
            "Andris Berzins said in a statement posted by the ministry on Sunday that the talks were unacceptable.", [speaker])
        #expect(out == [T("Andris Berzins", "peace_talks", .oppose)])
    }

    @Test func aReportingVerbAfterAListenerAndAdverbialsStillReports() {
        let speaker = N(name: "Andris Berzins", type: .person)
        let state = StanceFixture.triples("Andris Berzins told state television on Sunday that the talks were unacceptable.", [speaker])
        #expect(state == [T("Andris Berzins", "peace_talks", .oppose)])
        let after = StanceFixture.triples("The talks were unacceptable, Andris Berzins told reporters in Riga on Sunday.", [speaker])
        #expect(after == [T("Andris Berzins", "peace_talks", .oppose)])
    }

    @Test func accordingToNamesTheHolder() {
        let out = StanceFixture.triples(
            "Talks must resume within weeks, according to Norway.", [N(name: "Norway", type: .gpe)])
        #expect(out == [T("Norway", "peace_talks", .support)])
    }

    @Test func theSpeakerOfReportedSpeechHolds() {
        let out = StanceFixture.triples(
            "Finland said that Russia must withdraw its troops from occupied territories.",
            [N(name: "Finland", type: .gpe), N(name: "Russia", type: .gpe)])
        #expect(out == [T("Finland", "russian_withdrawal", .support)])
    }

    @Test func theQuoteSpeakerHoldsWhatTheQuoteSays() {
        let body = "“We firmly reject any territorial concessions to Russia,” Andris Berzins told reporters."
        let speaker = N(name: "Andris Berzins", type: .person)
        let result = StanceFixture.run(body, [speaker])
        #expect(result.stances.map { StanceFixture.triple($0, [speaker]) } == [T("Andris Berzins", "territorial_concessions", .oppose)])
        #expect(result.quotes.count == 1)
        #expect(result.quotes.first?.speaker == StanceFixture.id(speaker))
        #expect(result.quotes.first?.text == "We firmly reject any territorial concessions to Russia,")
    }

    @Test func aNameInsideARelativeClauseIsNotTheMainVerbsSubject() {
        let japan = N(name: "Japan", type: .gpe)
        let korea = N(name: "South Korea", type: .gpe)
        let out = StanceFixture.triples(
            "Japan, which South Korea has long distrusted, welcomed the ceasefire in Ukraine.", [japan, korea])
        #expect(out == [T("Japan", "ceasefire", .support)])
        let inside = StanceFixture.triples(
            "South Korea, which welcomed the ceasefire in Ukraine, thanked Japan.", [japan, korea])
        #expect(inside.contains(T("South Korea", "ceasefire", .support)), "\(inside)")
    }

    @Test func aNameAfterACoordinatedSpeechVerbIsNotTheQuotesSpeaker() {
        let body = "Andris Berzins called the offer “a trap for Riga” and said Ingrid Olsen was “not serious”."
        let berzins = N(name: "Andris Berzins", type: .person)
        let olsen = N(name: "Ingrid Olsen", type: .person)
        let result = StanceFixture.run(body, [berzins, olsen])
        #expect(result.quotes.first?.speaker == StanceFixture.id(berzins), "\(result.quotes)")
    }

    @Test func aSpeakerBeforeTheQuoteHolds() {
        let body = "Later Ingrid Olsen said: \"Norway will never accept sanctions relief for the Kremlin.\""
        let out = StanceFixture.triples(body, [N(name: "Ingrid Olsen", type: .person), N(name: "Kremlin", type: .org)])
        #expect(out == [T("Ingrid Olsen", "sanctions_on_russia", .support)])
    }

    @Test func aPronounHolderIsTheLastPersonNamed() {
        let body = "Emmanuel Macron met students in Lyon on Monday. He urged allies to deliver more air defence systems to Ukraine."
        let out = StanceFixture.triples(body, [N(name: "Emmanuel Macron", type: .person), N(name: "Lyon", type: .gpe)])
        #expect(out == [T("Emmanuel Macron", "military_aid_ukraine", .support)])
    }

    @Test func itRefersToTheOrganisationThatIsTheSubject() {
        let body = "The Kremlin said on Friday that while Kyiv may pursue trade deals, it firmly opposes NATO membership for Ukraine."
        let out = StanceFixture.triples(
            body, [N(name: "Kremlin", type: .org), N(name: "Ukraine", type: .gpe, aliases: ["Kyiv"])])
        #expect(out.contains(T("Kremlin", "ukraine_nato_membership", .oppose)))
    }

    @Test func thePassiveAgentHolds() {
        let out = StanceFixture.triples(
            "The proposal for a truce was rejected by Kyiv on Tuesday.",
            [N(name: "Ukraine", type: .gpe, aliases: ["Kyiv"])])
        #expect(out == [T("Ukraine", "ceasefire", .oppose)])
    }

    @Test func anUnnamedOfficialHoldsForTheCountryOfTheDemonym() {
        let out = StanceFixture.triples(
            "A senior Lithuanian official welcomed the new sanctions package against Russia.",
            [N(name: "Lithuania", type: .gpe, demonyms: ["lithuanian"])])
        #expect(out == [T("Lithuania", "sanctions_on_russia", .support)])
    }

    @Test func aPossessorHoldsANounCueAndARejectingSubjectOpposes() {
        let out = StanceFixture.triples(
            "Kyiv rejected Moscow's demand for neutrality.",
            [N(name: "Ukraine", type: .gpe, aliases: ["Kyiv"]), N(name: "Russia", type: .gpe, aliases: ["Moscow"])])
        #expect(Set(out) == [T("Ukraine", "ukraine_neutrality", .oppose), T("Russia", "ukraine_neutrality", .support)])
    }

    @Test func coordinatedSubjectsBothHold() {
        let out = StanceFixture.triples(
            "Qatar and Egypt have agreed to host a new round of talks.",
            [N(name: "Qatar", type: .gpe), N(name: "Egypt", type: .gpe)])
        #expect(Set(out) == [T("Qatar", "peace_talks", .support), T("Egypt", "peace_talks", .support)])
    }

    @Test func aNameAfterAPrepositionDoesNotHold() {
        let out = StanceFixture.triples(
            "After meeting officials in Warsaw, Canada backed security guarantees for Kyiv.",
            [N(name: "Warsaw", type: .gpe), N(name: "Canada", type: .gpe)])
        #expect(out == [T("Canada", "security_guarantees_ukraine", .support)])
    }

    @Test func reportedSpeechWithoutThatStillHasASpeaker() {
        let out = StanceFixture.triples(
            "Mark Carney said Canada would back a new military aid package for Ukraine.",
            [N(name: "Mark Carney", type: .person), N(name: "Canada", type: .gpe)])
        #expect(Set(out) == [T("Canada", "military_aid_ukraine", .support), T("Mark Carney", "military_aid_ukraine", .support)])
    }

    @Test func aNegativeReportingVerbOpposesWhatItReports() {
        let out = StanceFixture.triples(
            "Donald Tusk warned that lifting sanctions on Moscow now would reward aggression.", [N(name: "Donald Tusk", type: .person)])
        #expect(out == [T("Donald Tusk", "sanctions_on_russia", .support)])
    }

    @Test func anActorNamedInsideAQuoteHoldsItsOwnAction() {
        let body = "“Georgia has rejected any ceasefire,” Irakli Kobakhidze said."
        let out = StanceFixture.triples(body, [N(name: "Georgia", type: .gpe), N(name: "Irakli Kobakhidze", type: .person)])
        #expect(out == [T("Georgia", "ceasefire", .oppose)])
    }

    @Test func anAsideBetweenCommasKeepsTheSubject() {
        let out = StanceFixture.triples(
            "Hungary, however, has dismissed calls for more weapons deliveries to Ukraine.", [N(name: "Hungary", type: .gpe)])
        #expect(out == [T("Hungary", "military_aid_ukraine", .oppose)])
    }

    @Test func aDatelineIsNotAHolder() {
        let out = StanceFixture.triples(
            "ANKARA (Reuters) - It welcomed the truce on Monday.", [N(name: "Ankara", type: .gpe), N(name: "Reuters", type: .org)])
        #expect(out.isEmpty)
    }

    @Test func aHeadlineIsScanned() throws {
        var (fields, analysis) = StanceFixture.inputs("Body text.", [N(name: "Hamas", type: .org)])
        fields.insert(AnalyzedField(field: .title, text: "Hamas Accepts Ceasefire Proposal"), at: 0)
        analysis.mentions.insert(
            ResolvedMention(entity: 0, field: .title, tokens: 0..<1, start: 0, end: 5, text: "Hamas", isMetonym: false), at: 0)
        let stances = StanceExtractor(lexicon: StanceFixture.lexicon).extract(fields: fields, analysis: &analysis).stances
        #expect(stances.map(\.target) == [.topic("ceasefire")])
        #expect(stances.first?.evidence.field == .title)
    }

    @Test func aSpeakerAfterASemicolonDoesNotOwnTheFirstClause() {
        let out = StanceFixture.triples(
            "Hamas says it accepts the truce proposal; Israel says it falls short.",
            [N(name: "Hamas", type: .org), N(name: "Israel", type: .gpe)])
        #expect(out == [T("Hamas", "ceasefire", .support)])
    }
}

