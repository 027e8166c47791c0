import ArgumentParser
import Extraction
import Foundation

/// Loads the bundled knowledge base, extended by a newsroom's directory when given.
enum EngineLoader {
    static func load(knowledgeBase directory: String?) throws -> ExtractionEngine {
        do {
            var kb = try KnowledgeBase.bundled()
            if let directory {
                kb = try KnowledgeBase.load(directory: URL(fileURLWithPath: directory), extending: kb)
            }
            return ExtractionEngine(knowledgeBase: kb)
        } catch {
            throw ValidationError("knowledge base: \(error)")
        }
    }
}
