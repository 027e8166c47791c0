import Foundation
import Testing

@testable import Extraction

/// Loading the cue and topic lexicons: validation with file and line, merging directories.
@Suite("Stance lexicon")
struct StanceLexiconTests {
    static let bundled = DevSet.root.appendingPathComponent("Sources/Extraction/Resources/KnowledgeBase")

    static func temporaryDirectory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stance-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func theBundledLexiconLoads() throws {
        let lexicon = try StanceLexicon.load(directories: [Self.bundled])
        #expect(lexicon.cueCount > 200)
        #expect(lexicon.topicPhraseCount > 500)
        #expect(lexicon.topics.count == 22)
    }

    @Test func anInvalidCueIsRejectedWithFileAndLine() throws {
        let cues = """
            {
              "cues": [
                {"phrase": "demand", "polarity": "support"},
                {"phrase": "reject", "polarity": "against"}
              ]
            }
            """
        let dir = try Self.temporaryDirectory(["cues.json": cues])
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = #expect(throws: ExtractionError.self) { try StanceLexicon.load(directories: [dir]) }
        #expect(error?.code == .invalidKnowledgeBase)
        #expect(error?.reason.contains("cues.json:4:") == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains("polarity") == true)
    }

    @Test func aJSONSyntaxErrorIsRejectedWithItsLine() throws {
        let topics = "{\n  \"topics\": [\n    {\"id\": \"ceasefire\", \"phrases\": [\"truce\",]}\n  ]\n}\n"
        let dir = try Self.temporaryDirectory(["topics.json": topics])
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = #expect(throws: ExtractionError.self) { try StanceLexicon.load(directories: [dir]) }
        #expect(error?.reason.contains("topics.json:3:") == true, "\(error?.reason ?? "")")
    }

    @Test func aTopicWithoutPhrasesIsRejected() throws {
        let dir = try Self.temporaryDirectory(["topics.json": "{\"topics\": [\n{\"id\": \"empty\"}\n]}"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = #expect(throws: ExtractionError.self) { try StanceLexicon.load(directories: [dir]) }
        #expect(error?.reason.contains("topics.json:2:") == true, "\(error?.reason ?? "")")
    }

    @Test func aTopicSubjectWithoutEntitiesOrWithPhrasesAfterIsRejected() throws {
        for subject in [#"{"before": true}"#, #"{"entities": ["Chad"], "after": ["next to"]}"#, #"["Chad"]"#] {
            let topics = "{\"topics\": [\n{\"id\": \"lake_chad\", \"phrases\": [\"lake deal\"],\n \"subject\": \(subject)}\n]}"
            let dir = try Self.temporaryDirectory(["topics.json": topics])
            defer { try? FileManager.default.removeItem(at: dir) }
            let error = #expect(throws: ExtractionError.self) { try StanceLexicon.load(directories: [dir]) }
            #expect(error?.reason.contains("topics.json:3:") == true, "\(error?.reason ?? "")")
            #expect(error?.reason.contains("subject") == true, "\(error?.reason ?? "")")
        }
    }

    @Test func aNewsroomDirectoryExtendsTheBundledLexicon() throws {
        let cues = #"{"cues": [{"phrase": "torpedo", "polarity": "oppose", "role": "verb"}]}"#
        let topics = #"{"topics": [{"id": "grain_corridor", "phrases": ["grain corridor", "grain deal"]}]}"#
        let dir = try Self.temporaryDirectory(["cues.json": cues, "topics.json": topics])
        defer { try? FileManager.default.removeItem(at: dir) }
        let lexicon = try StanceLexicon.load(directories: [Self.bundled, dir])
        #expect(lexicon.topics.contains { $0.id == "grain_corridor" })
        #expect(lexicon.topics.contains { $0.id == "ceasefire" })
        var (fields, analysis) = StanceFixture.inputs(
            "Romania torpedoed the grain deal.", [StanceFixture.Named(name: "Romania", type: .gpe)])
        let stances = StanceExtractor(lexicon: lexicon).extract(fields: fields, analysis: &analysis).stances
        #expect(stances.map(\.target) == [.topic("grain_corridor")])
        #expect(stances.map(\.polarity) == [.oppose])
    }

    @Test func inflectionsAndBritishSpellingsMatch() throws {
        let n = [StanceFixture.Named(name: "Ireland", type: .gpe)]
        #expect(StanceFixture.triples("Ireland criticised the sanctions on Russia.", n).map(\.polarity) == [.oppose])
        #expect(StanceFixture.triples("Ireland sought security guarantees for Kyiv.", n).map(\.target) == ["security_guarantees_ukraine"])
    }
}
