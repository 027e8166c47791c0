import Foundation

extension KnowledgeBase {
    /// The file holding the data version.
    public static let manifestFileName = "kb.json"
    /// The folder of entity files; every `*.json` in it is loaded, in name order.
    public static let entitiesFolderName = "entities"

    /// Loads the knowledge base shipped with the module (the `*_Extraction.resources` bundle).
    /// - Throws: ``ExtractionError`` `invalidKnowledgeBase` when the bundle cannot be found
    ///   or a file is invalid.
    public static func bundled() throws(ExtractionError) -> KnowledgeBase {
        try load(directory: try KnowledgeBaseLocator.bundledDirectory(), extending: nil)
    }

    /// Loads a knowledge-base directory.
    ///
    /// The directory holds `kb.json` (`{"version": "2026.11"}`; required unless `extending`
    /// is given) and `entities/*.json`, each `{"entities": [ {entry}, ... ]}` with entries
    /// `{"name", "type", "kb_id"?, "id"?, "aliases"?, "demonyms"?, "capital"?, "capital_of"?,
    /// "metonym_of"?, "common_word"?, "note"?}`. Stance files (`cues.json`, `topics.json`) in
    /// the same directory are loaded by ``StanceLexicon``.
    ///
    /// - Parameters:
    ///   - directory: The directory to load.
    ///   - extending: A knowledge base to extend (usually ``bundled()``): its entries stay,
    ///     an entry of the same name and type is replaced, the version is the new one if given.
    /// - Throws: ``ExtractionError`` `invalidKnowledgeBase`; the reason names the file, the
    ///   line and the problem.
    public static func load(directory: URL, extending: KnowledgeBase?) throws(ExtractionError) -> KnowledgeBase {
        var entries = extending?.entries ?? []
        var version = extending?.version
        let manifest = directory.appendingPathComponent(manifestFileName)
        if FileManager.default.fileExists(atPath: manifest.path) {
            let json = try parseFile(manifest)
            guard case .object = json else { throw invalid(manifest.path, json.line, "expected an object") }
            guard let v = json["version"] else { throw invalid(manifest.path, json.line, "missing field \"version\"") }
            guard case .string(let s, _) = v, !s.isEmpty else {
                throw invalid(manifest.path, v.line, "\"version\" must be a non-empty string, not \(v.typeName)")
            }
            version = s
        } else if extending == nil {
            throw ExtractionError(code: .invalidKnowledgeBase, reason: "\(manifest.path): missing (a knowledge base needs kb.json with a version)")
        }
        let folder = directory.appendingPathComponent(entitiesFolderName)
        var files: [String] = []
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        }
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() { index[e.type.rawValue + "\u{1F}" + e.name] = i }
        for name in files {
            let url = folder.appendingPathComponent(name)
            for entry in try parseEntityFile(url) {
                let key = entry.type.rawValue + "\u{1F}" + entry.name
                if let i = index[key] {
                    entries[i] = entry
                } else {
                    index[key] = entries.count
                    entries.append(entry)
                }
            }
        }
        var names = extending?.names ?? NameLexicon()
        try names.load(directory: directory)
        let directories = (extending?.directories ?? []) + [directory]
        let lexicon = try StanceLexicon.load(directories: directories)
        return try KnowledgeBase(version: version ?? "unversioned", directories: directories, entries: entries, names: names, stanceLexicon: lexicon)
    }

    static func invalid(_ file: String, _ line: Int, _ problem: String) -> ExtractionError {
        ExtractionError(code: .invalidKnowledgeBase, reason: "\(file):\(line): \(problem)")
    }

    static func parseFile(_ url: URL) throws(ExtractionError) -> LocatedJSON {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ExtractionError(code: .invalidKnowledgeBase, reason: "\(url.path): cannot be read: \(error.localizedDescription)")
        }
        var parser = LocatedJSONParser(bytes: [UInt8](data))
        do {
            return try parser.parse()
        } catch {
            throw invalid(url.path, error.line, "invalid JSON: \(error.message)")
        }
    }

    private static let entryFields: Set<String> = [
        "name", "type", "kb_id", "id", "aliases", "demonyms", "capital", "capital_of", "metonym_of", "common_word", "note",
    ]

    /// Parses and validates one entity file.
    static func parseEntityFile(_ url: URL) throws(ExtractionError) -> [KnowledgeBaseEntry] {
        let file = url.path
        let json = try parseFile(url)
        guard case .object(let members, _) = json else { throw invalid(file, json.line, "expected an object with \"entities\"") }
        for m in members where !["entities", "source", "description"].contains(m.key) {
            throw invalid(file, m.value.line, "unknown top-level field \"\(m.key)\" (allowed: entities, source, description)")
        }
        guard let list = json["entities"] else { throw invalid(file, json.line, "missing field \"entities\"") }
        guard case .array(let items, _) = list else { throw invalid(file, list.line, "\"entities\" must be an array, not \(list.typeName)") }
        var out: [KnowledgeBaseEntry] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .object(let fields, let line) = item else { throw invalid(file, item.line, "an entity must be an object, not \(item.typeName)") }
            for f in fields where !entryFields.contains(f.key) {
                throw invalid(file, f.value.line, "unknown field \"\(f.key)\" (allowed: \(entryFields.sorted().joined(separator: ", ")))")
            }
            func string(_ key: String, required: Bool = false) throws(ExtractionError) -> String? {
                guard let v = item[key] else {
                    if required { throw invalid(file, line, "missing field \"\(key)\"") }
                    return nil
                }
                if case .null = v, !required { return nil }
                guard case .string(let s, _) = v else { throw invalid(file, v.line, "\"\(key)\" must be a string, not \(v.typeName)") }
                let trimmed = Self.trimmingSpaces(s)
                if trimmed.isEmpty { throw invalid(file, v.line, "\"\(key)\" must not be empty") }
                if trimmed.unicodeScalars.count > 300 { throw invalid(file, v.line, "\"\(key)\" is longer than 300 characters") }
                return trimmed
            }
            func strings(_ key: String) throws(ExtractionError) -> [String] {
                guard let v = item[key] else { return [] }
                guard case .array(let xs, _) = v else { throw invalid(file, v.line, "\"\(key)\" must be an array of strings, not \(v.typeName)") }
                var out: [String] = []
                for x in xs {
                    guard case .string(let s, _) = x, !Self.trimmingSpaces(s).isEmpty else {
                        throw invalid(file, x.line, "\"\(key)\" must hold non-empty strings, found \(x.typeName)")
                    }
                    out.append(Self.trimmingSpaces(s))
                }
                return out
            }
            let name = try string("name", required: true)!
            let typeName = try string("type", required: true)!
            guard let type = EntityType(rawValue: typeName) else {
                throw invalid(file, item["type"]!.line, "unknown type \"\(typeName)\" (allowed: PERSON, ORG, GPE, LOC)")
            }
            var commonWord = false
            if let v = item["common_word"] {
                guard case .bool(let b, _) = v else { throw invalid(file, v.line, "\"common_word\" must be true or false") }
                commonWord = b
            }
            _ = try string("note")
            _ = try string("capital")
            out.append(
                KnowledgeBaseEntry(
                    name: name, type: type, kbId: try string("kb_id"), id: try string("id"), aliases: try strings("aliases"),
                    demonyms: try strings("demonyms"), capitalOf: try string("capital_of"), metonymOf: try string("metonym_of"),
                    isCommonWord: commonWord, file: file, line: line))
        }
        return out
    }

    /// `s` without leading and trailing spaces and tabs (the scalars of Foundation's
    /// `CharacterSet.whitespaces`: general category Zs, U+0009 and U+200B zero width space),
    /// without bridging through `NSString`, which made trimming a tenth of the knowledge base's
    /// load time.
    static func trimmingSpaces(_ s: String) -> String {
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            c == "\t" || c == "\u{200B}" || c.properties.generalCategory == .spaceSeparator
        }
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return s }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
