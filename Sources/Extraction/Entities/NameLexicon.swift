import Foundation

/// Word lists for finding and typing names the knowledge base lacks (`names.json`), and
/// the common English words (`common-words.txt`) that tell a capitalised sentence opener
/// from a name.
struct NameLexicon: Sendable {
    /// Titles before a person's name ("secretary of state"); compiled into a trie by the knowledge base.
    var personTitles: [String] = []
    var personContextNouns: WordSet = []
    var speechVerbs: WordSet = []
    var orgSuffixes: WordSet = []
    var orgHeads: WordSet = []
    var gpeSuffixes: WordSet = []
    var locSuffixes: WordSet = []
    var locativePrepositions: WordSet = []
    var motionVerbs: WordSet = []
    var eventNouns: WordSet = []
    /// Nouns that make a place name part of a named agreement ("Minsk accords"): no mention.
    var treatyNouns: WordSet = []
    var nameConnectors: WordSet = []
    var nameParticles: WordSet = []
    var nonEntityAcronyms: WordSet = []
    var firstNames: WordSet = []
    var nonNameWords: WordSet = []
    /// Lowercase nouns that show the capitalised word before them is an adjective ("in Muslim countries").
    var adjectiveHeads: WordSet = []
    /// Nouns after which a name is a town or village ("villages such as Kfar Kila", "the town of Bucha").
    var settlementNouns: WordSet = []
    /// Nouns after which a name is a part of a town ("the neighbourhoods of Sheikh Maqsoud and Ashrafieh").
    var localityNouns: WordSet = []
    /// Surnames written first ("Kim Jong Un", "Wang Yi"): such names get no surname alias.
    var familyNameFirst: WordSet = []
    var commonWords: WordSet = []

    static let fileName = "names.json"
    static let commonWordsFileName = "common-words.txt"

    private static let keys: Set<String> = [
        "description", "person_titles", "person_context_nouns", "speech_verbs", "org_suffixes", "org_heads", "gpe_suffixes",
        "loc_suffixes", "locative_prepositions", "motion_verbs", "event_nouns", "treaty_nouns", "name_connectors", "name_particles",
        "non_entity_acronyms", "first_names", "non_name_words", "family_name_first", "adjective_heads",
        "settlement_nouns", "locality_nouns",
    ]

    /// Adds the lists of `directory` (either file may be absent).
    mutating func load(directory: URL) throws(ExtractionError) {
        let url = directory.appendingPathComponent(Self.fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            let json = try KnowledgeBase.parseFile(url)
            guard case .object(let members, _) = json else { throw KnowledgeBase.invalid(url.path, json.line, "expected an object") }
            for m in members {
                guard Self.keys.contains(m.key) else {
                    throw KnowledgeBase.invalid(url.path, m.value.line, "unknown list \"\(m.key)\" (allowed: \(Self.keys.sorted().joined(separator: ", ")))")
                }
                if m.key == "description" { continue }
                guard case .array(let items, _) = m.value else {
                    throw KnowledgeBase.invalid(url.path, m.value.line, "\"\(m.key)\" must be an array of strings, not \(m.value.typeName)")
                }
                var words: [String] = []
                for item in items {
                    guard case .string(let s, _) = item, !s.isEmpty else {
                        throw KnowledgeBase.invalid(url.path, item.line, "\"\(m.key)\" must hold non-empty strings, found \(item.typeName)")
                    }
                    words.append(s.lowercased())
                }
                add(m.key, words)
            }
        }
        let common = directory.appendingPathComponent(Self.commonWordsFileName)
        if FileManager.default.fileExists(atPath: common.path) {
            guard let data = try? Data(contentsOf: common) else {
                throw ExtractionError(code: .invalidKnowledgeBase, reason: "\(common.path): cannot be read")
            }
            let bytes = [UInt8](data)
            var words: [String] = []
            var start = 0
            var line = 1
            var i = 0
            while i <= bytes.count {
                if i == bytes.count || bytes[i] == 0x0A {
                    var end = i
                    while end > start, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                    var s = start
                    while s < end, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
                    if end > s, bytes[s] != UInt8(ascii: "#") {
                        if !bytes[s..<end].contains(where: { $0 >= 0x80 }) {
                            // ASCII (nearly every line of the ~60,000): lowercased byte by byte, with
                            // no validation or case-mapping pass (a tenth of the start-up time).
                            let count = end - s
                            let first = s
                            words.append(
                                String(unsafeUninitializedCapacity: count) { buffer in
                                    for k in 0..<count {
                                        let b = bytes[first + k]
                                        buffer[k] = b &- 0x41 < 26 ? b | 0x20 : b
                                    }
                                    return count
                                })
                        } else {
                            guard let word = String(validating: bytes[s..<end], as: UTF8.self) else {
                                throw KnowledgeBase.invalid(common.path, line, "invalid UTF-8")
                            }
                            words.append(word.lowercased())
                        }
                    }
                    start = i + 1
                    line += 1
                }
                i += 1
            }
            commonWords.formUnion(words)
        }
    }

    private mutating func add(_ key: String, _ words: [String]) {
        switch key {
        case "person_titles": personTitles.append(contentsOf: words)
        case "person_context_nouns": personContextNouns.formUnion(words)
        case "speech_verbs": speechVerbs.formUnion(words)
        case "org_suffixes": orgSuffixes.formUnion(words.map(Self.key))
        case "org_heads": orgHeads.formUnion(words)
        case "gpe_suffixes": gpeSuffixes.formUnion(words)
        case "loc_suffixes": locSuffixes.formUnion(words)
        case "locative_prepositions": locativePrepositions.formUnion(words)
        case "motion_verbs": motionVerbs.formUnion(words)
        case "event_nouns": eventNouns.formUnion(words)
        case "treaty_nouns": treatyNouns.formUnion(words)
        case "name_connectors": nameConnectors.formUnion(words)
        case "name_particles": nameParticles.formUnion(words)
        case "non_entity_acronyms": nonEntityAcronyms.formUnion(words)
        case "first_names": firstNames.formUnion(words)
        case "family_name_first": familyNameFirst.formUnion(words)
        case "adjective_heads": adjectiveHeads.formUnion(words)
        case "settlement_nouns": settlementNouns.formUnion(words)
        case "locality_nouns": localityNouns.formUnion(words)
        case "non_name_words": nonNameWords.formUnion(words.map(Self.key))
        default: break
        }
    }

    /// The match key of a single word ("corp." → "corp").
    static func key(_ word: String) -> String {
        let f = AnalyzedField(field: .body, text: word)
        return f.tokens.first.map(MatchKey.of) ?? word
    }
}
