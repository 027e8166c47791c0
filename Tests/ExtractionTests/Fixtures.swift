import Foundation
import Testing

@testable import Extraction

/// Shared, loaded-once test fixtures.
enum Fixtures {
    static let knowledgeBase: KnowledgeBase = {
        do {
            return try KnowledgeBase.bundled()
        } catch {
            fatalError("bundled knowledge base failed to load: \(error)")
        }
    }()

    static let engine = ExtractionEngine(knowledgeBase: knowledgeBase)

    /// Entities of a body (and optional title) as (name, type) pairs.
    static func entities(_ body: String, title: String? = nil) -> [Entity] {
        engine.entityAnalysis(of: Article(id: "t", body: body, title: title)).entities
    }

    static func entity(_ name: String, in entities: [Entity]) -> Entity? {
        entities.first { $0.name == name }
    }

    /// Python-style slice by Unicode scalars.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String()
        out.unicodeScalars.append(contentsOf: scalars[start..<end])
        return out
    }
}
