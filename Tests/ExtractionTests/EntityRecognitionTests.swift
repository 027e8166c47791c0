import Testing

@testable import Extraction

@Suite("Entity recognition")
struct EntityRecognitionTests {
    private func names(_ body: String, title: String? = nil) -> [String: EntityType] {
        var out: [String: EntityType] = [:]
        for e in Fixtures.entities(body, title: title) { out[e.name] = e.type }
        return out
    }

    @Test func surnamesAndSpellingVariantsMergeIntoOnePerson() {
        let es = Fixtures.entities(
            "Volodymyr Zelenskyy spoke first. Later Zelensky added that Zelenskiy's office would reply. Marta Kovalchuk, a senior adviser, agreed. Kovalchuk said more talks were needed."
        )
        let z = try! #require(Fixtures.entity("Volodymyr Zelensky", in: es))
        #expect(z.mentionCount == 3)
        #expect(z.id == "person:volodymyr-zelensky")
        let k = try! #require(Fixtures.entity("Marta Kovalchuk", in: es))
        #expect(k.type == .person)
        #expect(k.mentionCount == 2)
        #expect(es.count == 2)
    }

    @Test func acronymsMergeWithTheirFullNames() {
        let es = Fixtures.entities(
            "The European Union said the EU would act. The Baltic Grain Council (BGC) met; the BGC later issued a statement. NATO and the North Atlantic Treaty Organization are one."
        )
        #expect(Fixtures.entity("European Union", in: es)?.mentionCount == 2)
        let council = try! #require(Fixtures.entity("Baltic Grain Council", in: es))
        #expect(council.type == .org)
        #expect(council.mentionCount == 3)
        #expect(Fixtures.entity("NATO", in: es)?.mentionCount == 2)
        #expect(es.count == 3)
    }

    @Test func anUndefinedAcronymJoinsTheOneNameWhoseCapitalisedWordsItSpells() {
        let es = Fixtures.entities(
            "The Coastal Fishers Union, or CFU, rejected the deal. Later the CFU said it would strike. "
                + "Talks with the Kivu-Ruzizi Development Front stalled; the KRDF blamed Kinshasa. The XQZ did not comment."
        )
        let union = try! #require(Fixtures.entity("Coastal Fishers Union", in: es))
        #expect(union.mentionCount == 3)
        #expect(Fixtures.entity("CFU", in: es) == nil)
        #expect(Fixtures.entity("Kivu-Ruzizi Development Front", in: es)?.mentionCount == 2)
        // An acronym no name of the article spells stays an organisation of its own.
        #expect(Fixtures.entity("XQZ", in: es)?.type == .org)
    }

    @Test func aSecondSurnameAfterAKnownPersonBelongsToTheMention() {
        let es = Fixtures.entities("Opposition leader Edmundo González Urrutia said talks would go on. González left.")
        let person = try! #require(Fixtures.entity("Edmundo González", in: es), "\(es.map(\.name))")
        #expect(person.mentions.map(\.text) == ["Edmundo González Urrutia", "González"])
        #expect(es.count == 1, "\(es.map(\.name))")
    }

    @Test func aLongerKnownNameAfterTheWinsOverOneThatBeginsWithThe() {
        let es = Fixtures.entities("Italy wants the Atlantic Alliance to stay united, and The Atlantic reported the vote.")
        #expect(Fixtures.entity("NATO", in: es)?.mentions.map(\.text) == ["Atlantic Alliance"], "\(es.map(\.name))")
        #expect(Fixtures.entity("The Atlantic", in: es)?.mentionCount == 1, "\(es.map(\.name))")
    }

    @Test func anAcronymThatTwoNamesSpellStaysApart() {
        let es = Fixtures.entities(
            "The Northern Reform Party and the National Railway Police both met. The NRP said nothing."
        )
        #expect(Fixtures.entity("NRP", in: es)?.mentionCount == 1)
        #expect(Fixtures.entity("Northern Reform Party", in: es)?.mentionCount == 1)
    }

    @Test func aLoneGivenNameIsTheOnePersonNamedInFullWithIt() {
        let es = Fixtures.entities(
            "Talks were led by Tesfaye Gebremariam and Hana Wolde. Tesfaye told reporters the gap had narrowed."
        )
        #expect(Fixtures.entity("Tesfaye Gebremariam", in: es)?.mentionCount == 2)
        #expect(Fixtures.entity("Tesfaye", in: es) == nil)
    }

    @Test func aGivenNameTwoPeopleShareOrAnEnglishWordIsNotMerged() {
        let es = Fixtures.entities(
            "Tesfaye Gebremariam met Tesfaye Alemu in Addis Ababa. Tesfaye said little. Mark Ostrander and Hana Wolde arrived. Mark the date, Wolde said."
        )
        #expect(Fixtures.entity("Tesfaye Gebremariam", in: es)?.mentionCount == 1)
        #expect(Fixtures.entity("Tesfaye Alemu", in: es)?.mentionCount == 1)
        #expect(Fixtures.entity("Mark Ostrander", in: es)?.mentionCount == 1)
        #expect(Fixtures.entity("Hana Wolde", in: es)?.mentionCount == 2)
    }

    @Test func nameInitialsSkipLowercaseWordsAndALeadingThe() {
        #expect(EntityRecognizer.initials(of: "Sudan People's Liberation Movement") == "SPLM")
        #expect(EntityRecognizer.initials(of: "United Nations Assistance Mission in Afghanistan") == "UNAMA")
        #expect(EntityRecognizer.initials(of: "Tehrik-i-Taliban Pakistan") == "TTP")
        #expect(EntityRecognizer.initials(of: "The Levant Observer") == "LO")
        #expect(EntityRecognizer.initials(of: "Hamas") == nil)
    }

    @Test func capitalsStandForTheirGovernmentUnlessTheTextMeansThePlace() {
        let es = Fixtures.entities(
            "Tehran rejected the offer, and Washington said it would wait. The talks held in Vienna ended. Officials in Tehran met later. Moscow's envoy flew to Beijing."
        )
        let iran = try! #require(Fixtures.entity("Iran", in: es))
        #expect(iran.mentions.map(\.text) == ["Tehran"])
        #expect(Fixtures.entity("United States", in: es)?.mentions.map(\.text) == ["Washington"])
        #expect(Fixtures.entity("Tehran", in: es)?.type == .gpe)
        #expect(Fixtures.entity("Vienna", in: es)?.type == .gpe)
        #expect(Fixtures.entity("Russia", in: es)?.mentions.map(\.text) == ["Moscow"])
        #expect(Fixtures.entity("Beijing", in: es) != nil)
        #expect(Fixtures.entity("Washington", in: es) == nil)
    }

    @Test func theKremlinAndWhiteHouseAreOrganisations() {
        let n = names("The Kremlin and the White House traded accusations, the Pentagon said.")
        #expect(n == ["Kremlin": .org, "White House": .org, "Pentagon": .org])
    }

    @Test func demonymsAndAdjectivesAreNotEntities() {
        let n = names("Ukrainian and Russian negotiators met European and American diplomats. A Sudanese official and North Korean troops were mentioned.")
        #expect(n.isEmpty)
    }

    @Test func possessivesResolveToTheirEntity() {
        let es = Fixtures.entities("Norway’s proposal and Chile's answer followed NATO’s statement.")
        #expect(Set(es.map(\.name)) == ["Norway", "Chile", "NATO"])
        #expect(es.first { $0.name == "Norway" }?.mentions.first?.text == "Norway")
    }

    @Test func titleWordsAreNotPartOfAPersonsName() {
        let es = Fixtures.entities("Foreign Minister Tomas Reinholt met Secretary of State Marco Rubio and Gen. Ilse Marten.")
        #expect(Set(es.map(\.name)) == ["Tomas Reinholt", "Marco Rubio", "Ilse Marten"])
        #expect(es.allSatisfy { $0.type == .person })
    }

    @Test func unseenNamesAreTypedFromContext() {
        let n = names(
            "Diplomats gathered in Zembrovo on Monday. The Ministry of Coastal Affairs and the Karvel Shipping Company objected. Olek Branski, a senior lawmaker, said the Drava Valley was calm."
        )
        #expect(n["Zembrovo"] == .gpe)
        #expect(n["Ministry of Coastal Affairs"] == .org)
        #expect(n["Karvel Shipping Company"] == .org)
        #expect(n["Olek Branski"] == .person)
        #expect(n["Drava Valley"] == .loc)
        #expect(n["Diplomats"] == nil)
        #expect(n["Monday"] == nil)
    }

    @Test func sentenceInitialCommonWordsAndHeadlineCaseAreNotNames() {
        let n = names(
            "Security Guarantees and Reconstruction\nMeanwhile, Estonia said nothing. Following the vote, Latvia agreed.",
            title: "Leaders Weigh New Security Pact")
        #expect(n == ["Estonia": .gpe, "Latvia": .gpe])
    }

    @Test func mentionOffsetsMatchTheTextInTitleAndBody() {
        let title = "Ñuñoa’s mayor and Zelensky 👋 meet"
        let body = "Café talk: «Zelensky» met Erdoğan in İstanbul 🇹🇷 and Kraków. Then Zelensky left."
        let a = Fixtures.engine.entityAnalysis(of: Article(id: "o", body: body, title: title))
        #expect(!a.mentions.isEmpty)
        for m in a.mentions {
            let text = m.field == .title ? title : body
            #expect(Fixtures.slice(text, m.start, m.end) == m.text)
        }
        #expect(a.mentions.contains { $0.field == .title && $0.text == "Zelensky" })
        let z = try! #require(Fixtures.entity("Volodymyr Zelensky", in: a.entities))
        #expect(z.mentionCount == 3)
    }

    @Test func placeNamesInsideOrganisationNamesAreNotThePlace() {
        let n = names("Analysts at the Brookfield Institute and the Oslo School of Economics agreed with a Vienna-based group.")
        #expect(n["Brookfield Institute"] == .org)
        #expect(n["Oslo School of Economics"] == .org)
        #expect(n["Norway"] == nil)
        #expect(n["Vienna"] == .gpe)
    }

    @Test func namedAgreementsDoNotCountAsTheCity() {
        let n = names("The Minsk agreements failed, diplomats said at talks in Doha.")
        #expect(n == ["Doha": .gpe])
    }

    @Test func coordinatedAndSuffixedPlacesAreTyped() {
        let n = names("Strikes hit sites at Fordow and Bandar Khamir, and the Lorvan province was evacuated.")
        #expect(n["Fordow"] == .gpe)
        #expect(n["Lorvan"] == .gpe)
    }

    @Test func datelinesNameThePlaceNotTheGovernment() {
        let es = Fixtures.entities("ANKARA/DOHA — Turkey and Qatar said on Monday that Ankara would host talks.")
        #expect(Fixtures.entity("Ankara", in: es)?.mentions.map(\.text) == ["ANKARA"])
        #expect(Fixtures.entity("Doha", in: es) != nil)
        #expect(Fixtures.entity("Turkey", in: es)?.mentions.map(\.text) == ["Turkey", "Ankara"])
    }

    @Test func longerOrganisationNamesWinOverKnownShorterOnes() {
        let n = names("Officials of the Supreme National Security Council met in Tehran.")
        #expect(n["Supreme National Security Council"] == .org)
        #expect(n["National Security Council"] == nil)
    }

    @Test func titleModifiersAndHonorificsAreNotNames() {
        let n = names("Deputy Legal Affairs Minister Kaveh Rostami met Dr Seyed Abbas Araghchi.")
        #expect(n == ["Kaveh Rostami": .person, "Abbas Araghchi": .person])
    }

    @Test func aKnownPersonWrittenWithAnotherFirstNameSpellingIsThatPerson() {
        let es = Fixtures.entities("Army chief Abdul Fatah al-Burhan met Robert Harris in Port Sudan.")
        #expect(Fixtures.entity("Abdel Fattah al-Burhan", in: es)?.mentions.map(\.text) == ["Abdul Fatah al-Burhan"])
        #expect(Fixtures.entity("Robert Harris", in: es)?.type == .person)
        #expect(Fixtures.entity("Kamala Harris", in: es) == nil)
    }

    @Test func shorterFormsOfAFullNameMerge() {
        let es = Fixtures.entities("Karim bin Saleh al-Naqvi arrived. Later, Karim al-Naqvi said talks would go on, and Naqvi left.")
        #expect(es.count == 1)
        #expect(es.first?.mentionCount == 3)
    }

    @Test func placesInAListAfterALocativeAreTyped() {
        let n = names("Fighting spread in Khartoum, Al Qadarif, Kosti and Darfur.")
        #expect(n["Al Qadarif"] == .gpe)
        #expect(n["Kosti"] == .gpe)
    }

    @Test func capitalisedAdjectivesAfterPrepositionsAreNotPlaces() {
        let n = names("Protests spread in Muslim countries and in Sunni areas, a statement in Arabic said. Shelling hit Kupiansk on Monday.")
        #expect(n.isEmpty || n == ["Kupiansk": .gpe])
        let m = names("Fighting continued in Vovchansk on Monday.")
        #expect(m == ["Vovchansk": .gpe])
    }

    @Test func transliterationVariantsOfKnownPeopleResolveToThem() {
        let es = Fixtures.entities("Defence Minister Rustem Umierov met Mike Jackson in Geneva.")
        #expect(Fixtures.entity("Rustem Umerov", in: es)?.mentions.map(\.text) == ["Rustem Umierov"])
        #expect(Fixtures.entity("Mike Jackson", in: es)?.type == .person)
        #expect(EntityRecognizer.isSpellingVariant("zelensky", "zelenskyy"))
        #expect(!EntityRecognizer.isSpellingVariant("kirby", "kerry"))
    }

    @Test func acronymsAreCaseSensitive() {
        let n = names("Let us know what the US and the EU think of it.")
        #expect(n == ["United States": .gpe, "European Union": .org])
    }

    @Test func salienceIsBoundedAndFavoursTheHeadline() {
        let es = Fixtures.entities("Peru and Chile talked. Peru agreed. Chile waited. Bolivia watched.", title: "Peru signs accord")
        for e in es { #expect(e.salience >= 0 && e.salience <= 1) }
        let peru = es.first { $0.name == "Peru" }!.salience
        let bolivia = es.first { $0.name == "Bolivia" }!.salience
        #expect(peru > bolivia)
    }

    @Test func demonymOwnersReachEntitiesPresentAndTheKnowledgeBase() {
        let a = Fixtures.engine.entityAnalysis(of: Article(id: "d", body: "Ukraine objected. A senior Hungarian official disagreed."))
        #expect(a.demonymOwners["ukrainian"].map { a.entities[$0].name } == "Ukraine")
        #expect(a.ownerOfDemonym("hungarian")?.name == "Hungary")
        #expect(a.ownerOfDemonym("hungarian")?.entityId == "gpe:hungary")
    }
}
