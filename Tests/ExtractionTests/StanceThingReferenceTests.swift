import Testing

@testable import Extraction

/// "It" and sentence subjects that mean a thing (a draft, an accord, a statement), not an
/// actor named somewhere near it.
@Suite("Stance: things as subjects")
struct StanceThingReferenceTests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    @Test func itAfterASentenceAboutADocumentMeansTheDocumentNotANameInIt() {
        let zambia = N(name: "Zambia", type: .gpe)
        let lusaka = N(name: "Lusaka", type: .gpe)
        let out = StanceFixture.triples(
            "Zambia opened the meeting. The revised accord, better known as the Lusaka text, was drafted over two nights. It called for a ceasefire.",
            [zambia, lusaka])
        #expect(!out.contains { $0.target == "ceasefire" }, "\(out)")
        // An actor as the last sentence's subject is still who "it" means.
        let actor = StanceFixture.triples("Zambia opened the meeting on Monday. It called for a ceasefire.", [zambia, lusaka])
        #expect(actor == [T("Zambia", "ceasefire", .support)], "\(actor)")
    }

    @Test func aNameAfterADocumentSubjectIsNoSubject() {
        let zambia = N(name: "Zambia", type: .gpe)
        let out = StanceFixture.triples(
            "The new draft, circulated on Monday, would oblige Zambia to open its border. In exchange it offers security guarantees to the region.",
            [zambia])
        #expect(!out.contains { $0.holder == "Zambia" }, "\(out)")
        // A sentence that opens with the actor keeps it as the subject.
        let named = StanceFixture.triples(
            "Zambia would open its border. In exchange it wants a ceasefire.", [zambia])
        #expect(named == [T("Zambia", "ceasefire", .support)], "\(named)")
    }

    @Test func aPlaceModifyingANounIsNoAntecedentOfIt() {
        let kasai = N(name: "Kasai", type: .gpe)
        let out = StanceFixture.triples(
            "Mediators said on Monday that the fighting in the Kasai region had eased. Later it called for a truce.", [kasai])
        #expect(!out.contains { $0.holder == "Kasai" }, "\(out)")
        let plain = StanceFixture.triples(
            "Mediators flew over the fighting. Later Kasai called for a truce.", [kasai])
        #expect(plain == [T("Kasai", "ceasefire", .support)], "\(plain)")
    }
}

/// Words whose ordinary stance reading does not apply in a construction.
@Suite("Stance: constructions that carry no position or name another target")
struct StanceConstructionTests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    @Test func aPersonWantedByACourtIsSoughtForArrestNotAWish() {
        let court = N(name: "Special Court", type: .org)
        let colonel = N(name: "Amos Ndege", type: .person)
        for sentence in [
            "Colonel Amos Ndege, who is wanted by the Special Court for war crimes, denied the charges.",
            "Amos Ndege is still wanted by the Special Court over war crimes.",
        ] {
            let out = StanceFixture.triples(sentence, [court, colonel])
            #expect(!out.contains { $0.holder == "Special Court" }, "\(sentence): \(out)")
        }
        // A thing wanted by someone is still wanted.
        let wish = StanceFixture.triples("The Special Court wanted accountability for war crimes.", [court, colonel])
        #expect(wish.contains(T("Special Court", "war_crimes_accountability", .support)), "\(wish)")
    }

    @Test func aPredicateIsAboutTheTopicBeforeATimePreposition() {
        let union = N(name: "European Union", type: .org)
        let russia = N(name: "Russia", type: .gpe)
        let out = StanceFixture.triples(
            "Russia asked for relief. The European Union said easing sanctions until a full ceasefire was unacceptable.", [union, russia])
        #expect(out.contains(T("European Union", "sanctions_on_russia", .support)), "\(out)")
        #expect(!out.contains { $0.holder == "European Union" && $0.target == "ceasefire" }, "\(out)")
        // Without a topic before it, the time phrase is the predicate's subject.
        let plain = StanceFixture.triples(
            "Russia asked for relief. The European Union said a pause until a full ceasefire was unacceptable.", [union, russia])
        #expect(plain.contains(T("European Union", "ceasefire", .oppose)), "\(plain)")
    }
}
