import Testing

@testable import Extraction

/// Names the knowledge base lacks, typed by their shape and neighbours.
@Suite("Unseen name shapes")
struct UnseenNameShapeTests {
    @Test func aTitleAfterAPossessorOrAnAgeBetweenCommasMakesAPerson() {
        // "Hipper" and "Sleet" are English words, so nothing but the appositive says "person".
        let spokesperson = Fixtures.entities("Officials met. Anitta Hipper, the EU's lead spokesperson, said talks would go on.")
        #expect(Fixtures.entity("Anitta Hipper", in: spokesperson)?.type == .person, "\(spokesperson.map(\.name))")
        let minister = Fixtures.entities("Officials met. Dara Sleet, Ireland's foreign minister, said talks would go on.")
        #expect(Fixtures.entity("Dara Sleet", in: minister)?.type == .person, "\(minister.map(\.name))")
        let aged = Fixtures.entities("Officials met. Anitta Hipper, 54, said talks would go on.")
        #expect(Fixtures.entity("Anitta Hipper", in: aged)?.type == .person, "\(aged.map(\.name))")
        // Without such an appositive the same words are not taken for a name.
        let bare = Fixtures.entities("Officials met. Anitta Hipper arrived.")
        #expect(Fixtures.entity("Anitta Hipper", in: bare) == nil, "\(bare.map(\.name))")
    }

    @Test func aKnownOrganisationOpeningALongerOneIsPartOfItsName() {
        let mission = Fixtures.entities("The United Nations Assistance Mission in Afghanistan (UNAMA) said dozens had been killed. UNAMA later said more.")
        let unama = try! #require(Fixtures.entity("United Nations Assistance Mission in Afghanistan", in: mission), "\(mission.map(\.name))")
        #expect(unama.type == .org)
        #expect(unama.mentionCount == 3, "\(unama.mentions.map(\.text))")
        #expect(Fixtures.entity("United Nations", in: mission) == nil, "\(mission.map(\.name))")
        let bureau = Fixtures.entities("Talks stalled. The Hamas Political Bureau said talks would go on.")
        #expect(Fixtures.entity("Hamas Political Bureau", in: bureau)?.type == .org, "\(bureau.map(\.name))")
        // Without its acronym after it, "in" and a place are where the organisation is.
        let place = Fixtures.entities("Talks stalled. The United Nations Mission in Geneva said talks would go on.")
        #expect(Fixtures.entity("United Nations Mission", in: place)?.type == .org, "\(place.map(\.name))")
        #expect(Fixtures.entity("Geneva", in: place)?.type == .gpe, "\(place.map(\.name))")
        // A title after a known organisation is not part of a name.
        let title = Fixtures.entities("Talks stalled. NATO Secretary General Mark Rutte said talks would go on.")
        #expect(Fixtures.entity("NATO", in: title)?.type == .org, "\(title.map(\.name))")
    }

    @Test func aBylineNamesTheWriterAndTheOutlet() {
        let inCity = Fixtures.entities("Layla Ben Amor in Tripoli\n\nOn the seafront the fishing boats are back.")
        #expect(Fixtures.entity("Layla Ben Amor", in: inCity)?.type == .person, "\(inCity.map(\.name))")
        #expect(Fixtures.entity("Ben Amor", in: inCity) == nil, "\(inCity.map(\.name))")
        let two = Fixtures.entities("Dario Ferrante in Rome and Joanna Kos in Warsaw\n\nThe boats are back.")
        #expect(Fixtures.entity("Dario Ferrante", in: two)?.type == .person, "\(two.map(\.name))")
        #expect(Fixtures.entity("Joanna Kos", in: two)?.type == .person, "\(two.map(\.name))")
        let outlet = Fixtures.entities("Elif Karaca for The Harbour Review\n\nThe boats are back.")
        #expect(Fixtures.entity("Elif Karaca", in: outlet)?.type == .person, "\(outlet.map(\.name))")
        #expect(outlet.contains { $0.name.hasSuffix("Harbour Review") && $0.type == .org }, "\(outlet.map(\.name))")
        // A headline of English words before "in" is no byline.
        let headline = Fixtures.entities("Peace Talks Resume in Geneva\n\nThe boats are back.")
        #expect(headline.allSatisfy { $0.type != .person }, "\(headline.map(\.name))")
    }

    @Test func aNameAfterInIsWhereTheSpeakerIsEvenBeforeSaid() {
        let es = Fixtures.entities("Representatives of the Druze community in Sweida said talks would go on.")
        #expect(Fixtures.entity("Sweida", in: es)?.type == .gpe, "\(es.map(\.name))")
        // Without the preposition the same shape is a speaker.
        let speaker = Fixtures.entities("Talks stalled, Kowalczyk said on Monday.")
        #expect(speaker.allSatisfy { $0.type != .gpe }, "\(speaker.map(\.name))")
    }

    @Test func namesInACreditLineArePeopleAndTheirPlacesArePlaces() {
        let credit = Fixtures.entities(
            "Talks ended.\n\n(Reporting by Siti Hajar Rahman in Putrajaya and Chan Dara Pich in Phnom Penh; Writing by Kittipong Srisuk)")
        for name in ["Siti Hajar Rahman", "Chan Dara Pich", "Kittipong Srisuk"] {
            #expect(Fixtures.entity(name, in: credit)?.type == .person, "\(name): \(credit.map(\.name))")
        }
        #expect(Fixtures.entity("Phnom Penh", in: credit)?.type == .gpe, "\(credit.map(\.name))")
        // "By" opening an ordinary sentence is no credit line.
        let plain = Fixtures.entities("By Monday, the fighters had reached Bukavu and Uvira.")
        #expect(plain.allSatisfy { $0.type != .person }, "\(plain.map(\.name))")
    }

    @Test func aNameAfterASettlementOrLocalityNounIsAPlace() {
        let villages = Fixtures.entities("Residents of border villages such as Kfar Kila and Aitaroun cannot go home.")
        #expect(Fixtures.entity("Kfar Kila", in: villages)?.type == .gpe, "\(villages.map(\.name))")
        #expect(Fixtures.entity("Aitaroun", in: villages)?.type == .gpe, "\(villages.map(\.name))")
        let quarters = Fixtures.entities("Fighting raged around the Aleppo neighbourhoods of Sheikh Maqsoud and Ashrafieh.")
        #expect(Fixtures.entity("Sheikh Maqsoud", in: quarters)?.type == .loc, "\(quarters.map(\.name))")
        #expect(Fixtures.entity("Ashrafieh", in: quarters)?.type == .loc, "\(quarters.map(\.name))")
        // A title after any other noun still opens a person's name.
        let person = Fixtures.entities("Supporters of Sheikh Maqsoud al-Hariri said talks would go on.")
        #expect(person.contains { $0.type == .person }, "\(person.map(\.name))")
    }

    @Test func streetsSquaresAndBridgesArePlacesEvenAfterACountrysName() {
        let es = Fixtures.entities("Crowds gathered in Algeria Square and on Independence Avenue, then crossed the Antonivskyi Bridge.")
        #expect(Fixtures.entity("Algeria Square", in: es)?.type == .loc, "\(es.map(\.name))")
        #expect(Fixtures.entity("Independence Avenue", in: es)?.type == .loc, "\(es.map(\.name))")
        #expect(Fixtures.entity("Antonivskyi Bridge", in: es)?.type == .loc, "\(es.map(\.name))")
        // The country inside the square's name is not mentioned.
        #expect(Fixtures.entity("Algeria", in: es) == nil, "\(es.map(\.name))")
    }

    @Test func aDemonymOpensAnArmedForceOrServiceName() {
        let army = Fixtures.entities("Hours later the Royal Thai Army said troops were firing, and the Russian Navy said the drill was over.")
        #expect(Fixtures.entity("Royal Thai Army", in: army)?.type == .org, "\(army.map(\.name))")
        #expect(Fixtures.entity("Russian Navy", in: army)?.type == .org, "\(army.map(\.name))")
        // A demonym before a lowercase noun is no name.
        let plain = Fixtures.entities("Hours later the Thai army said troops were firing.")
        #expect(plain.allSatisfy { $0.type != .org }, "\(plain.map(\.name))")
    }

    @Test func aNameBeforeAnAgreementNounIsNotAPersonOrPlace() {
        let entities = Fixtures.entities("Both sides cited the Alma-Ata declaration and the Ohrid agreement.")
        #expect(entities.isEmpty, "\(entities.map(\.name))")
    }

    @Test func aCapitalisedAgreementNameIsAnOrganisation() {
        let entities = Fixtures.entities("Negotiators studied the Abraham Accords closely.")
        #expect(Fixtures.entity("Abraham Accords", in: entities)?.type == .org)
    }

    @Test func aConjunctOfAPlaceIsAPlaceEvenBeforeASpeechVerb() {
        let entities = Fixtures.entities("Residents of Mekelle and Adigrat told Reuters that prices had doubled.")
        #expect(Fixtures.entity("Adigrat", in: entities)?.type == .gpe)
    }

    @Test func aPersonsNameEndsBeforeOfAndTheEmployer() {
        let entities = Fixtures.entities("Lawmaker Tomasz Wrzosek of Nowa Droga voted against the motion.")
        #expect(Fixtures.entity("Tomasz Wrzosek", in: entities)?.type == .person, "\(entities.map(\.name))")
        #expect(!entities.contains { $0.name.contains(" of ") }, "\(entities.map(\.name))")
        // An organisation's head keeps its "of" ("Bank of …"), and so does a name with an English word.
        let bank = Fixtures.entities("Officials at the Central Bank of Libya froze the accounts.")
        #expect(Fixtures.entity("Central Bank of Libya", in: bank)?.type == .org, "\(bank.map(\.name))")
    }

    @Test func aPossessiveInsideAnOrganisationsNameKeepsTheName() {
        let entities = Fixtures.entities(
            "Leaders of the Liberal Farmers' Party and the Democratic People's Front (FPD) met in Dodoma.")
        #expect(Fixtures.entity("Liberal Farmers' Party", in: entities)?.type == .org, "\(entities.map(\.name))")
        let front = Fixtures.entity("Democratic People's Front", in: entities)
        #expect(front?.type == .org, "\(entities.map(\.name))")
        // An acronym in brackets names the organisation even when it comes from another language.
        #expect(front?.mentions.contains { $0.text == "FPD" } == true, "\(entities.map(\.name))")
        // A known name's possessive is not part of a longer name.
        let russia = Fixtures.entities("Leaders said Russia's Defence Council met in Moscow.")
        #expect(Fixtures.entity("Russia", in: russia)?.type == .gpe, "\(russia.map(\.name))")
    }

    @Test func aPlaceBeforeATitledNameIsStillAPlace() {
        let entities = Fixtures.entities(
            "Speaking at the summit in Lodwar, Kenyan Foreign Minister Amina Otieno said the talks would go on.")
        #expect(Fixtures.entity("Lodwar", in: entities)?.type == .gpe, "\(entities.map(\.name))")
        #expect(Fixtures.entity("Amina Otieno", in: entities)?.type == .person, "\(entities.map(\.name))")
        // An appositive title after a name still makes it a person.
        let described = Fixtures.entities("The talks were led by Otieno, the foreign minister, on Monday.")
        #expect(Fixtures.entity("Otieno", in: described)?.type == .person, "\(described.map(\.name))")
    }

    @Test func outletAndUnitSuffixesMakeOrganisations() {
        let entities = Fixtures.entities("The Lakeside Weekly reported that the Northern Air Wing had moved.")
        #expect(Fixtures.entity("Lakeside Weekly", in: entities)?.type == .org, "\(entities.map(\.name))")
        #expect(Fixtures.entity("Northern Air Wing", in: entities)?.type == .org, "\(entities.map(\.name))")
    }

    @Test func anAllCapsHeadingNeverYieldsANameEndingInOfThe() {
        let entities = Fixtures.entities("4. PARLIAMENTARY ASSEMBLY OF THE BLACK SEA COUNCIL (Varna)\nStatement on the tribunal.")
        #expect(!entities.contains { $0.name.uppercased().hasSuffix(" OF THE") || $0.name.uppercased().hasSuffix(" OF") },
            "\(entities.map(\.name))")
        // The heading is one organisation's name, connectors and all.
        #expect(entities.contains { $0.name == "PARLIAMENTARY ASSEMBLY OF THE BLACK SEA COUNCIL" && $0.type == .org },
            "\(entities.map(\.name))")
    }

    @Test func aSentenceOpeningOrganisationKeepsItsFirstWord() {
        let entities = Fixtures.entities("The Patriotic Alliance for Change said it would join the talks.")
        #expect(Fixtures.entity("Patriotic Alliance for Change", in: entities)?.type == .org, "\(entities.map(\.name))")
    }

    @Test func aPlaceNamedBeforeDealIsNotAMentionOfThePlace() {
        let entities = Fixtures.entities("Leaders split over the Pretoria deal on Monday.")
        #expect(Fixtures.entity("Pretoria", in: entities) == nil)
        let place = Fixtures.entities("Leaders met in Pretoria on Monday.")
        #expect(Fixtures.entity("Pretoria", in: place)?.type == .gpe)
    }
}

/// Korean given names and parts of a capital.
@Suite("Names with hyphens and places in capitals")
struct HyphenAndPlacePartTests {
    @Test func aKoreanGivenNameWithACommonSyllableStaysWhole() {
        let entities = Fixtures.entities("Unification Minister Chung Dong-young said more talks were needed.")
        #expect(Fixtures.entity("Chung Dong-young", in: entities)?.type == .person)
    }

    @Test func aCapitalThatSpeaksAfterAListCommaIsItsGovernment() {
        let entities = Fixtures.entities("Thirty children have been returned to Ukraine, Kyiv says.")
        #expect(Fixtures.entity("Kyiv", in: entities) == nil, "\(entities.map(\.name))")
        #expect(Fixtures.entity("Ukraine", in: entities)?.mentions.count == 2)
        let places = Fixtures.entities("Fighting continued in Donetsk, Kharkiv and Kyiv.")
        #expect(Fixtures.entity("Kyiv", in: places)?.type == .gpe)
    }

    @Test func thePartsOfACapitalAreThePlace() {
        let entities = Fixtures.entities("Khartoum rejected the plan. Large parts of Khartoum lie in ruins.")
        #expect(Fixtures.entity("Khartoum", in: entities)?.type == .gpe)
        #expect(Fixtures.entity("Sudan", in: entities)?.mentions.count == 1)
    }
}

/// Organisations named "Head of Place", particles in surnames, and relatives of known people.
@Suite("Long organisation names and family names")
struct LongOrganisationAndFamilyNameTests {
    @Test func aKnownPlaceAfterAnOrganisationsHeadAndOfIsPartOfItsName() {
        let entities = Fixtures.entities("Auditors met officials of the Central Bank of Nigeria on Monday.")
        #expect(Fixtures.entity("Central Bank of Nigeria", in: entities)?.type == .org, "\(entities.map(\.name))")
        #expect(Fixtures.entity("Central Bank", in: entities) == nil)
    }

    @Test func aDemonymInsideAnOrganisationsNameIsKept() {
        let entities = Fixtures.entities("Aid groups joined the Alliance for the Protection of Syrian Refugees last year.")
        #expect(
            Fixtures.entity("Alliance for the Protection of Syrian Refugees", in: entities)?.type == .org,
            "\(entities.map(\.name))")
    }

    @Test func aDemonymEndingTheWordsAfterOfIsNotPulledIntoAName() {
        let entities = Fixtures.entities("Belgrade wants the Association of Serb-majority Municipalities set up first.")
        #expect(!entities.contains { $0.name.hasSuffix("Serb") }, "\(entities.map(\.name))")
    }

    @Test func aPlaceAfterInStaysAPlace() {
        let entities = Fixtures.entities("She is a researcher at the Baltic Defence Institute in Tartu, Estonia.")
        #expect(Fixtures.entity("Tartu", in: entities)?.type == .gpe, "\(entities.map(\.name))")
    }

    @Test func twoParticlesBeforeASurnameStayInThePersonsName() {
        let entities = Fixtures.entities("The panel was chaired by Joost van der Berg, a former diplomat.")
        #expect(Fixtures.entity("Joost van der Berg", in: entities)?.type == .person, "\(entities.map(\.name))")
        #expect(Fixtures.entity("Berg", in: entities) == nil)
    }

    @Test func givenNamesMatchAcrossSpellingsInitialsAndShortFormsButNotOtherNames() {
        let same = [("andrei", "andriy"), ("sergei", "sergey"), ("dmitri", "dmitry"), ("j", "joe"), ("alex", "alexander"), ("abdul", "abdel")]
        let different = [("jill", "joe"), ("melania", "donald"), ("hunter", "joe"), ("robert", "kamala"), ("anna", "andrei")]
        #expect(same.allSatisfy { EntityRecognizer.isSameGivenName($0.0, $0.1) })
        #expect(!different.contains { EntityRecognizer.isSameGivenName($0.0, $0.1) })
    }

    @Test func anUnknownGivenNameBeforeAKnownSurnameIsAnotherPerson() {
        let entities = Fixtures.entities("Speaking beside Jill Biden, President Joe Biden praised the volunteers. Biden left at noon.")
        let jill = Fixtures.entity("Jill Biden", in: entities)
        #expect(jill?.type == .person && jill?.mentions.count == 1, "\(entities.map { ($0.name, $0.mentionCount) })")
        #expect(Fixtures.entity("Joe Biden", in: entities)?.mentionCount == 2)
    }

    @Test func aNameThatItsBracketedAcronymSpellsOutIsOneOrganisation() {
        let mission = Fixtures.entities(
            "The United Nations Assistance Mission in Lesotho (UNAML) urged both parties to keep talking.")
        #expect(Fixtures.entity("United Nations Assistance Mission in Lesotho", in: mission)?.type == .org, "\(mission.map(\.name))")
        #expect(!mission.contains { $0.name == "United Nations" }, "\(mission.map(\.name))")
        let centre = Fixtures.entities("The Centre for Peace and Justice in Malawi (CPJM) welcomed the talks.")
        #expect(Fixtures.entity("Centre for Peace and Justice in Malawi", in: centre)?.type == .org, "\(centre.map(\.name))")
        // Initials that do not spell the acronym leave the names as they were.
        let place = Fixtures.entities("The Institute for Strategic Studies in Lisbon (IISS) published a report.")
        #expect(!place.contains { $0.name.hasSuffix("in Lisbon") }, "\(place.map(\.name))")
    }
}
