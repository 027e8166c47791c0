import Foundation

extension StanceLexicon {
    /// The cue lexicon's file name.
    public static let cuesFileName = "cues.json"
    /// The topic lexicon's file name.
    public static let topicsFileName = "topics.json"

    /// Loads and compiles the stance lexicon.
    ///
    /// Each directory may hold `cues.json` and `topics.json`. Entries of all directories are
    /// merged in order, so a later directory (a newsroom's) extends an earlier one (the
    /// bundled knowledge base): a cue phrase defined again takes the later definition, a topic
    /// id defined again gains the later phrases, word classes and irregular forms add up.
    /// Directories without the files are skipped.
    ///
    /// - Parameter directories: Knowledge-base directories, bundled first.
    /// - Returns: The compiled lexicon.
    /// - Throws: ``ExtractionError`` with code `invalidKnowledgeBase` when a file cannot be
    ///   read or holds an invalid entry; the reason names the file, the line and the problem.
    public static func load(directories: [URL]) throws(ExtractionError) -> StanceLexicon {
        var builder = StanceLexiconBuilder()
        for directory in directories {
            let cues = directory.appendingPathComponent(cuesFileName)
            if let bytes = try readIfPresent(cues) {
                try builder.addCues(bytes, file: cues.path)
            }
            let topics = directory.appendingPathComponent(topicsFileName)
            if let bytes = try readIfPresent(topics) {
                try builder.addTopics(bytes, file: topics.path)
            }
        }
        return builder.build()
    }

    /// Compiles a lexicon from in-memory file contents (for tests and embedding).
    /// - Parameters:
    ///   - cues: Contents of a `cues.json`.
    ///   - topics: Contents of a `topics.json`.
    /// - Throws: ``ExtractionError`` as ``load(directories:)`` does, naming the files
    ///   `cues.json` and `topics.json`.
    public static func compile(cues: [UInt8], topics: [UInt8]) throws(ExtractionError) -> StanceLexicon {
        var builder = StanceLexiconBuilder()
        try builder.addCues(cues, file: cuesFileName)
        try builder.addTopics(topics, file: topicsFileName)
        return builder.build()
    }

    private static func readIfPresent(_ url: URL) throws(ExtractionError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw ExtractionError(
                code: .invalidKnowledgeBase, reason: "\(url.path): cannot be read: \(error.localizedDescription)")
        }
    }
}
