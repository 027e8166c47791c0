import Testing

@testable import Extraction

/// Names the knowledge base lacks, typed by their shape and neighbours.
@Suite("Unseen name shapes")
struct UnseenNameShapeTests {
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

    @Test func aPlaceNamedBeforeDealIsTheAgreementNotThePlace() {
        let entities = Fixtures.entities("Leaders split over the Pretoria deal on Monday.")
        #expect(Fixtures.entity("Pretoria", in: entities) == nil)
    }
}

/// Korean given names and parts of a capital.
@Suite("Names with hyphens and places in capitals")
struct HyphenAndPlacePartTests {
    @Test func aKoreanGivenNameWithACommonSyllableStaysWhole() {
        let entities = Fixtures.entities("Unification Minister Chung Dong-young said more talks were needed.")
        #expect(Fixtures.entity("Chung Dong-young", in: entities)?.type == .person)
    }

    @Test func thePartsOfACapitalAreThePlace() {
        let entities = Fixtures.entities("Khartoum rejected the plan. Large parts of Khartoum lie in ruins.")
        #expect(Fixtures.entity("Khartoum", in: entities)?.type == .gpe)
        #expect(Fixtures.entity("Sudan", in: entities)?.mentions.count == 1)
    }
}
