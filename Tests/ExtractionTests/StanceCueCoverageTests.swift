import Testing

@testable import Extraction

/// Verbs of praise and censure that wire copy uses for one actor's position on another: each
/// bundled cue makes its subject hold a stance toward the actor named as its object.
@Suite("Stance cues of praise and censure")
struct StanceCueCoverageTests {
    typealias T = StanceFixture.Triple
    typealias N = StanceFixture.Named

    static let norland = N(name: "Norland", type: .gpe, demonyms: ["norlandic"], kbId: "iso3166-1:NL")
    static let essia = N(name: "Essia", type: .gpe, demonyms: ["essian"], kbId: "iso3166-1:EE")

    @Test(arguments: ["deplored", "castigated", "berated", "assailed", "rebuked", "censured", "was critical of"])
    func censureOfANamedActorIsOppositionToIt(verb: String) {
        let out = StanceFixture.triples("Norland \(verb) Essia on Tuesday.", [Self.norland, Self.essia])
        #expect(out.contains(T("Norland", "Essia", .oppose)), "\(out)")
        #expect(!out.contains(T("Norland", "Essia", .support)), "\(out)")
    }

    @Test(arguments: ["commended", "lauded"])
    func praiseOfANamedActorIsSupportForIt(verb: String) {
        let out = StanceFixture.triples("Norland \(verb) Essia on Tuesday.", [Self.norland, Self.essia])
        #expect(out.contains(T("Norland", "Essia", .support)), "\(out)")
    }

    @Test func aNegatedCensureIsNoOpposition() {
        let out = StanceFixture.triples("Norland did not censure Essia on Tuesday.", [Self.norland, Self.essia])
        #expect(!out.contains(T("Norland", "Essia", .oppose)), "\(out)")
    }
}

extension StanceCueCoverageTests {
    @Test(arguments: ["disapproval of", "hostility to", "hostility toward"])
    func aNounOfDisapprovalTowardANamedActorIsOppositionToIt(noun: String) {
        let out = StanceFixture.triples("Norland made its \(noun) Essia plain on Tuesday.", [Self.norland, Self.essia])
        #expect(out.contains(T("Norland", "Essia", .oppose)), "\(out)")
    }

    @Test func praiseForANamedActorIsSupportForIt() {
        let out = StanceFixture.triples("Norland had only praise for Essia on Tuesday.", [Self.norland, Self.essia])
        #expect(out.contains(T("Norland", "Essia", .support)), "\(out)")
    }
}
