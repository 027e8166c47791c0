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

