import Foundation
import Testing

@testable import Extraction

@Suite("Knowledge base")
struct KnowledgeBaseTests {
    @Test func bundledKnowledgeBaseLoadsWithVersionCountriesAndDirectories() {
        let kb = Fixtures.knowledgeBase
        #expect(kb.version == "2026.11")
        #expect(!kb.directories.isEmpty)
        #expect(kb.entries.filter { $0.kbId?.hasPrefix("iso3166-1:") == true }.count >= 240)
        #expect(kb.entry(named: "Russia")?.kbId == "iso3166-1:RU")
        #expect(kb.entry(named: "Russian Federation")?.name == "Russia")
        #expect(kb.entry(named: "U.S.")?.name == "United States")
        #expect(kb.entry(named: "us") == nil)
        #expect(kb.entry(named: "Zelenskyy")?.name == "Volodymyr Zelensky")
        #expect(kb.ownerOfDemonym("ukrainian")?.name == "Ukraine")
        #expect(kb.ownerOfDemonym("north korean")?.name == "North Korea")
    }

    private func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("entities"), withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    private func loadError(_ files: [String: String]) throws -> ExtractionError? {
        let dir = try directory(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try KnowledgeBase.load(directory: dir, extending: nil)
            return nil
        } catch {
            return error
        }
    }

    @Test func invalidJSONIsRejectedNamingFileAndLine() throws {
        let bad = "{\"entities\": [\n  {\"name\": \"A\", \"type\": \"ORG\"},\n  {\"name\": \"B\" \"type\": \"ORG\"}\n]}\n"
        let error = try #require(try loadError(["kb.json": "{\"version\": \"t\"}", "entities/bad.json": bad]))
        #expect(error.code == .invalidKnowledgeBase)
        #expect(error.reason.contains("bad.json:3:"))
    }

    @Test func invalidEntryIsRejectedNamingFileLineAndProblem() throws {
        let bad = "{\"entities\": [\n  {\"name\": \"A\", \"type\": \"ORG\"},\n  {\"name\": \"B\", \"type\": \"PLANET\"}\n]}\n"
        let error = try #require(try loadError(["kb.json": "{\"version\": \"t\"}", "entities/types.json": bad]))
        #expect(error.reason.contains("types.json:3:"))
        #expect(error.reason.contains("PLANET"))
        let typo = "{\"entities\": [\n  {\"name\": \"A\", \"type\": \"ORG\", \"alias\": [\"B\"]}\n]}"
        let error2 = try #require(try loadError(["kb.json": "{\"version\": \"t\"}", "entities/typo.json": typo]))
        #expect(error2.reason.contains("typo.json:2:"))
        #expect(error2.reason.contains("alias"))
    }

    @Test func missingManifestAndMissingBundleAreClearErrors() throws {
        let error = try #require(try loadError([:]))
        #expect(error.reason.contains("kb.json"))
    }

    @Test func newsroomDirectoryExtendsAndOverridesTheBundledBase() throws {
        let dir = try directory([
            "kb.json": "{\"version\": \"2026.12-local\"}",
            "entities/local.json": """
            {"entities": [
              {"name": "Velmora Institute", "type": "ORG", "aliases": ["VI"]},
              {"name": "Russia", "type": "GPE", "kb_id": "iso3166-1:RU", "aliases": ["Rossiya"]}
            ]}
            """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let kb = try KnowledgeBase.load(directory: dir, extending: Fixtures.knowledgeBase)
        #expect(kb.version == "2026.12-local")
        #expect(kb.directories.count == Fixtures.knowledgeBase.directories.count + 1)
        #expect(kb.entry(named: "Velmora Institute")?.type == .org)
        #expect(kb.entry(named: "Rossiya")?.name == "Russia")
        #expect(kb.entries.count == Fixtures.knowledgeBase.entries.count + 1)
        let engine = ExtractionEngine(knowledgeBase: kb)
        let names = engine.entityAnalysis(of: Article(id: "x", body: "The Velmora Institute said Rossiya objected.")).entities.map(\.name)
        #expect(names == ["Velmora Institute", "Russia"])
    }
}

@Suite("Knowledge-base string trimming")
struct KnowledgeBaseTrimmingTests {
    @Test func trimsTheSameSpacesAsFoundationsWhitespaceSet() {
        let samples = [
            "", " ", "\t", "Kyiv", "  Kyiv ", "\tNew York\t", "\u{00A0}Zelensky\u{3000}", "a b", " \u{2009}x\u{2009} ",
            "\nline\n", "Київ ", " 🇺🇦", "\u{200B}zero-width\u{200B}",
        ]
        // Every scalar up to U+3100 (the last space is U+3000) and a sample of the rest, on both
        // sides, so that a difference in the set of spaces shows.
        let values = Array(0...0x3100) + Array(stride(from: 0x3101, through: 0x10FFFF, by: 97))
        let every = values.compactMap(Unicode.Scalar.init).map { "\($0)x\($0)" }
        for s in samples + every {
            #expect(KnowledgeBase.trimmingSpaces(s) == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
        }
    }
}
