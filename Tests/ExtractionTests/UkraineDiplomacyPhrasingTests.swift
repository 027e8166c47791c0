import Foundation
import Testing

@testable import Extraction

/// Mechanisms found with the second set, each on a sentence of its own.
@Suite("Ukraine-related diplomacy phrasing")
struct UkraineDiplomacyPhrasingTests {
    static func stances(_ body: String) throws -> [(holder: String, target: String, polarity: Polarity)] {
        let result = try Fixtures.engine.extract(Article(id: "t", body: body, title: "Ukraine talks"))
        let names = Dictionary(uniqueKeysWithValues: result.entities.map { ($0.id, $0.name) })
        return result.stances.map { s in
            let target: String
            switch s.target {
            case .topic(let t): target = t
            case .entity(let e): target = names[e] ?? e
            case .text(let t): target = t
            }
            return (names[s.holder] ?? s.holder, target, s.polarity)
        }
    }

    static func has(_ list: [(holder: String, target: String, polarity: Polarity)], _ h: String, _ t: String, _ p: Polarity) -> Bool {
        list.contains { $0.holder == h && $0.target == t && $0.polarity == p }
    }

    @Test func sanctionsThatMustBeLiftedFirstAreOpposed() throws {
        let s = try Self.stances("The Kremlin said the deal would take effect only after sanctions on Russian food exports were lifted.")
        #expect(Self.has(s, "Kremlin", "sanctions_on_russia", .oppose))
        #expect(!Self.has(s, "Kremlin", "sanctions_on_russia", .support))
    }

    @Test func aNegativeCueEndsAtACoordinatedSpeechVerb() throws {
        let s = try Self.stances("Pete Hegseth has ruled out American troops in Ukraine and said security guarantees must be provided by Europe.")
        #expect(Self.has(s, "Pete Hegseth", "foreign_troops_in_ukraine", .oppose))
        #expect(!Self.has(s, "Pete Hegseth", "security_guarantees_ukraine", .oppose))
    }

    @Test func theSubjectBeforeAQuoteHoldsItsCues() throws {
        let s = try Self.stances("The ministry thanked both Moscow and Kyiv and said the UAE would \"continue its efforts to support dialogue\".")
        #expect(Self.has(s, "United Arab Emirates", "peace_talks", .support))
        #expect(!Self.has(s, "Ukraine", "peace_talks", .support))
    }

    @Test func aDefiniteTitleRefersToThePersonNamedBefore() throws {
        let s = try Self.stances("President Emmanuel Macron wants more talks. Volodymyr Zelensky has welcomed the plan. The Ukrainian president says partners must continue weapons deliveries.")
        #expect(Self.has(s, "Volodymyr Zelensky", "military_aid_ukraine", .support))
        #expect(!Self.has(s, "Emmanuel Macron", "military_aid_ukraine", .support))
    }

    @Test func aMeetingBetweenTwoTitledLeadersIsASummit() throws {
        let s = try Self.stances("Rustem Umerov said Kyiv had proposed a meeting between President Volodymyr Zelensky and President Vladimir Putin.")
        #expect(Self.has(s, "Ukraine", "leaders_summit", .support))
    }

    @Test func aNounAfterTheWordAccordIsNotASpeechVerb() throws {
        let s = try Self.stances("Abiy Ahmed said his government was committed to the Pretoria accord and would never again go to war with Tigray.")
        #expect(Self.has(s, "Abiy Ahmed", "ceasefire", .support))
    }

    @Test func anActorEchoingACallTakesItsPosition() throws {
        let s = try Self.stances("Emmanuel Macron said Europe should coordinate new sanctions, a call echoed by German Chancellor Friedrich Merz.")
        #expect(Self.has(s, "Friedrich Merz", "sanctions_on_russia", .support))
        let t = try Self.stances("Emmanuel Macron called for new sanctions on Russia, as did Poland.")
        #expect(Self.has(t, "Poland", "sanctions_on_russia", .support))
    }

    @Test func reportedWordsBeforeAnAndCueAreStillReported() throws {
        let s = try Self.stances("Russia insists that Ukraine abandon its NATO ambitions and recognise the annexation of Crimea.")
        #expect(Self.has(s, "Russia", "ukraine_nato_membership", .oppose))
        #expect(Self.has(s, "Russia", "territorial_concessions", .support))
    }

    @Test func talkOfATopicBeingPrematureOpposesTheTopic() throws {
        let s = try Self.stances("Friedrich Merz said talk of German brigades in Ukraine was premature.")
        #expect(Self.has(s, "Friedrich Merz", "foreign_troops_in_ukraine", .oppose))
        #expect(!Self.has(s, "Friedrich Merz", "Ukraine", .oppose))
    }

    @Test func anUnnamedHolderNounAfterASpeechVerbOpensReportedSpeech() throws {
        let s = try Self.stances("A White House official said the administration still backs a ceasefire.")
        #expect(Self.has(s, "White House", "ceasefire", .support))
    }

    @Test func recognisingAnOccupationIsATerritorialConcession() throws {
        let s = try Self.stances("\"We will never recognise the occupation of Crimea,\" Andrii Sybiha said.")
        #expect(Self.has(s, "Andrii Sybiha", "territorial_concessions", .oppose))
    }

    @Test func aNegatedInverterCancelsOut() throws {
        let s = try Self.stances("Vladimir Putin said Russia was not against Ukraine joining the EU.")
        #expect(Self.has(s, "Vladimir Putin", "ukraine_eu_membership", .support))
    }

    @Test func aNameOwningATopicIsNotTheActorTarget() throws {
        let s = try Self.stances("Hungary's opposition to Ukraine's EU membership has frustrated its partners.")
        #expect(Self.has(s, "Hungary", "ukraine_eu_membership", .oppose))
        #expect(!Self.has(s, "Hungary", "Ukraine", .oppose))
    }

    @Test func aTranscriptSpeakerLabelHoldsFirstPersonStatements() throws {
        let s = try Self.stances("A transcript of remarks by Rafael Grossi on Ukraine.\n\nGROSSI: We will keep pushing for a ceasefire around the plant.")
        #expect(Self.has(s, "Rafael Grossi", "ceasefire", .support))
    }

    @Test func aHeadlineOpeningWithANameAndAColonReportsItsWords() throws {
        let result = try Fixtures.engine.extract(
            Article(id: "t", body: "The war in Ukraine continues.", title: "Zelensky: Ukraine will never cede the Donbas"))
        let holders = Dictionary(uniqueKeysWithValues: result.entities.map { ($0.id, $0.name) })
        #expect(result.stances.contains {
            holders[$0.holder] == "Volodymyr Zelensky" && $0.target == .topic("territorial_concessions") && $0.polarity == .oppose
        })
    }

    @Test func aHeadlineSpeechVerbReportsTheTopicAfterIt() throws {
        let result = try Fixtures.engine.extract(
            Article(id: "t", body: "The war in Ukraine continues.", title: "Kremlin says no ceasefire until Kyiv drops NATO bid"))
        let holders = Dictionary(uniqueKeysWithValues: result.entities.map { ($0.id, $0.name) })
        #expect(result.stances.contains {
            holders[$0.holder] == "Kremlin" && $0.target == .topic("ceasefire") && $0.polarity == .oppose
        })
    }

    @Test func aPlainConditionIsNotAPosition() throws {
        let s = try Self.stances("Donald Trump said he would be unhappy if Vladimir Putin did not agree to halt the fighting in Ukraine.")
        #expect(!Self.has(s, "Vladimir Putin", "ceasefire", .oppose))
        #expect(!Self.has(s, "Donald Trump", "ceasefire", .oppose))
        // The same words without "if" are a position.
        let plain = try Self.stances("Donald Trump said Vladimir Putin did not agree to halt the fighting in Ukraine.")
        #expect(Self.has(plain, "Vladimir Putin", "ceasefire", .oppose), "\(plain)")
    }

    @Test func aNegatedUndoingKeepsTheTopic() throws {
        let s = try Self.stances("Donald Tusk said Ukraine's sovereignty could not be traded away.")
        #expect(Self.has(s, "Donald Tusk", "ukraine_sovereignty", .support))
    }

    @Test func bothSidesAreThePairNamedBefore() throws {
        let s = try Self.stances("Russia and Ukraine held talks in Istanbul on Friday. Both sides agreed to continue negotiations.")
        #expect(Self.has(s, "Russia", "peace_talks", .support))
        #expect(Self.has(s, "Ukraine", "peace_talks", .support))
    }

    @Test func aHaltToStrikesIsACeasefire() throws {
        let s = try Self.stances("Donald Trump and Vladimir Putin spoke by phone. The two leaders agreed on a halt to strikes on energy infrastructure in Ukraine.")
        #expect(Self.has(s, "Vladimir Putin", "ceasefire", .support))
    }

    @Test func aNameInsideATopicIsNotTheSubjectOfTheNextVerb() throws {
        let s = try Self.stances("Under that draft, Ukraine would have renounced NATO membership and then accepted permanent neutrality.")
        #expect(!Self.has(s, "NATO", "ukraine_neutrality", .support))
        #expect(Self.has(s, "Ukraine", "ukraine_neutrality", .support))
    }

    @Test func theAccusedDoesNotHoldWhatItIsAccusedOf() throws {
        let s = try Self.stances("Kyiv and its allies accuse Moscow of stalling the peace process.")
        #expect(Self.has(s, "Ukraine", "Russia", .oppose))
        #expect(!Self.has(s, "Russia", "peace_talks", .oppose))
    }

    @Test func aNegationBeforeAndBelongsToThePreviousVerb() throws {
        let s = try Self.stances("Lula said there would be no military solution in Ukraine and urged the two sides to negotiate.")
        #expect(!Self.has(s, "Luiz Inácio Lula da Silva", "peace_talks", .oppose))
        #expect(Self.has(s, "Luiz Inácio Lula da Silva", "peace_talks", .support), "\(s)")
    }

    @Test func aFamilyNameWrittenFirstIsTheSurnameAlias() throws {
        let result = try Fixtures.engine.extract(
            Article(id: "t", body: "Chinese Foreign Minister Wang Yi chaired the meeting. \"The priority is to stop the fighting,\" Wang said."))
        #expect(result.entities.filter { $0.type == .person }.count == 1)
        // A name the knowledge base lacks: the family name written first is its surname alias.
        let unknown = try Fixtures.engine.extract(
            Article(id: "t", body: "Vice Minister Zhao Minghui chaired the meeting. \"The priority is to stop the fighting,\" Zhao said."))
        let people = unknown.entities.filter { $0.type == .person }
        #expect(people.count == 1 && people.first?.mentionCount == 2, "\(people.map { ($0.name, $0.mentionCount) })")
    }

    @Test func unquotedWordsBeforeAPostposedSpeechVerbAreReported() throws {
        let s = try Self.stances("Ukraine will never be a member of NATO, Dmitry Medvedev said.")
        #expect(Self.has(s, "Dmitry Medvedev", "ukraine_nato_membership", .oppose))
    }

    @Test func kyivWithdrawingIsATerritorialConcession() throws {
        let s = try Self.stances("Moscow says Kyiv must withdraw its troops from the four regions.")
        #expect(Self.has(s, "Russia", "territorial_concessions", .support))
        #expect(!Self.has(s, "Russia", "russian_withdrawal", .support))
    }
}
