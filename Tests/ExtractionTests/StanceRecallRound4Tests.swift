import Testing

@testable import Extraction

/// Mechanisms of the fourth stance round: topic phrases used in another sense, and more.
@Suite("Stance recall, round 4")
struct StanceRecallRound4Tests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    static let japan = N(name: "Japan", type: .gpe, aliases: ["Tokyo"], kbId: "iso3166-1:JP")
    static let korea = N(name: "South Korea", type: .gpe, aliases: ["Seoul"], kbId: "iso3166-1:KR")

    @Test func anEconomicModifierGivesATruceAnotherSense() {
        let out = StanceFixture.triples(
            "Japan wants to extend its tariff truce with South Korea for another year, trade officials said.",
            [Self.japan, Self.korea])
        #expect(!out.contains { $0.target == "ceasefire" }, "\(out)")
        // Without the modifier the truce is a ceasefire.
        let plain = StanceFixture.triples(
            "Japan wants to extend its truce with South Korea for another year, officials said.",
            [Self.japan, Self.korea])
        #expect(plain.contains(T("Japan", "ceasefire", .support)), "\(plain)")
    }

    @Test func tradeTalksAreNotPeaceTalks() {
        let out = StanceFixture.triples(
            "South Korea said it was ready to resume trade talks with Tokyo next month.", [Self.japan, Self.korea])
        #expect(!out.contains { $0.target == "peace_talks" }, "\(out)")
        let plain = StanceFixture.triples(
            "South Korea said it was ready to resume talks with Tokyo next month.", [Self.japan, Self.korea])
        #expect(plain.contains(T("South Korea", "peace_talks", .support)), "\(plain)")
    }

    static let varga = N(name: "Lena Varga", type: .person, aliases: ["Varga"])
    static let kral = N(name: "Tomas Kral", type: .person, aliases: ["Kral"])

    @Test func theNameOfAnAbsoluteWithClauseSpeaksPastItsAppositive() {
        let out = StanceFixture.triples(
            "The government turned down the offer, with Lena Varga, a close ally of Prime Minister Tomas Kral, saying the ceasefire was premature.",
            [Self.varga, Self.kral])
        #expect(out.contains(T("Lena Varga", "ceasefire", .oppose)), "\(out)")
        #expect(!out.contains { $0.holder == "Tomas Kral" }, "\(out)")
        let plain = StanceFixture.triples(
            "The government turned down the offer, with Lena Varga saying the ceasefire was premature.",
            [Self.varga, Self.kral])
        #expect(plain.contains(T("Lena Varga", "ceasefire", .oppose)), "\(plain)")
    }

    @Test func aNameAfterWithWithoutASpeechGerundIsNoSubject() {
        let out = StanceFixture.triples(
            "Lena Varga met with Tomas Kral on Friday and rejected the ceasefire.", [Self.varga, Self.kral])
        #expect(out.contains(T("Lena Varga", "ceasefire", .oppose)), "\(out)")
        #expect(!out.contains { $0.holder == "Tomas Kral" }, "\(out)")
    }

    @Test func whichAfterAPersonsNameIsNotThatPersonSoAParticipleSpeaksForTheSubject() {
        let out = StanceFixture.triples(
            "Lena Varga praised the meeting between the opposition leader and Tomas Kral, which ended late on Sunday, saying the government supported a truce.",
            [Self.varga, Self.kral])
        #expect(!out.contains { $0.holder == "Tomas Kral" }, "\(out)")
        #expect(out.contains(T("Lena Varga", "ceasefire", .support)), "\(out)")
    }

    @Test func whoAfterAPersonsNameStillOpensARelativeClauseAboutThatPerson() {
        let out = StanceFixture.triples(
            "Tomas Kral, who has rejected the truce twice, met Lena Varga on Monday.", [Self.varga, Self.kral])
        #expect(out.contains(T("Tomas Kral", "ceasefire", .oppose)), "\(out)")
    }

    @Test func restoringDialogueBetweenWashingtonAndMoscowIsNormalisation() {
        let russia = N(name: "Russia", type: .gpe, aliases: ["Moscow"], kbId: "iso3166-1:RU")
        let usa = N(name: "United States", type: .gpe, aliases: ["Washington"], kbId: "iso3166-1:US")
        let out = StanceFixture.triples(
            "Russia said it was ready to restore the dialogue between Washington and Moscow once the sanctions question in Ukraine was settled.",
            [russia, usa])
        #expect(out.contains(T("Russia", "us_russia_normalization", .support)), "\(out)")
        #expect(!out.contains(T("Russia", "peace_talks", .support)), "\(out)")
    }

    @Test func dialogueWithMoscowSoughtByAThirdCountryIsNoUSRussiaNormalisation() {
        let russia = N(name: "Russia", type: .gpe, aliases: ["Moscow"], kbId: "iso3166-1:RU")
        let germany = N(name: "Germany", type: .gpe, aliases: ["Berlin"], kbId: "iso3166-1:DE")
        let out = StanceFixture.triples(
            "Germany said it was ready to restore dialogue with Moscow once the fighting in Ukraine had stopped.",
            [russia, germany])
        #expect(!out.contains(T("Germany", "us_russia_normalization", .support)), "\(out)")
    }

    @Test func theThreeCountriesAreTheLatestListOfThreeCountries() {
        let peru = N(name: "Peru", type: .gpe, kbId: "iso3166-1:PE")
        let chile = N(name: "Chile", type: .gpe, kbId: "iso3166-1:CL")
        let brazil = N(name: "Brazil", type: .gpe, kbId: "iso3166-1:BR")
        let out = StanceFixture.triples(
            "Envoys from Peru, Chile and Brazil arrived in the capital on Monday. The three countries urged an immediate truce.",
            [peru, chile, brazil])
        for name in ["Peru", "Chile", "Brazil"] {
            #expect(out.contains(T(name, "ceasefire", .support)), "\(name): \(out)")
        }
        // A list of another length is not what "the three countries" means.
        let two = StanceFixture.triples(
            "Envoys from Peru and Chile arrived in the capital on Monday. The three countries urged an immediate truce.",
            [peru, chile, brazil])
        #expect(!two.contains { $0.holder == "Peru" || $0.holder == "Chile" }, "\(two)")
    }

    @Test func planningATopicSupportsItOnlyWherePlanIsAVerb() {
        let canada = N(name: "Canada", type: .gpe, kbId: "iso3166-1:CA")
        let poland = N(name: "Poland", type: .gpe, kbId: "iso3166-1:PL")
        let out = StanceFixture.triples(
            "Canada and Poland are planning a reassurance force for Ukraine after any truce.", [canada, poland])
        #expect(out.contains(T("Canada", "foreign_troops_in_ukraine", .support)), "\(out)")
        #expect(out.contains(T("Poland", "foreign_troops_in_ukraine", .support)), "\(out)")
        // A plan named as a thing is no verb: nothing is planned by the one who discusses it.
        let noun = StanceFixture.triples(
            "Poland discussed their plan for a reassurance force in Ukraine, and Canada reviewed the alliance's defence plans for Ukraine.",
            [canada, poland])
        #expect(!noun.contains { $0.target == "foreign_troops_in_ukraine" && $0.polarity == .support }, "\(noun)")
    }
}
