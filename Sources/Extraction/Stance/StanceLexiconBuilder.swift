/// Collects and validates lexicon entries from one or more `cues.json` / `topics.json`
/// files, then compiles them into a ``StanceLexicon``.
struct StanceLexiconBuilder {
    private var cues: [String: StanceCue] = [:]
    private var cueOrder: [String] = []
    private var classWords: [(phrase: String, cls: StanceWordClass)] = []
    private var irregular: [(form: String, lemma: String)] = []
    private var topicOrder: [String] = []
    private var topicDescriptions: [String: String] = [:]
    private var topicGeneric: [String: Bool] = [:]
    private var topicHolders: [String: Set<String>] = [:]
    private var topicContext: [String: [String]] = [:]
    private var topicSubject: [String: TopicSubject] = [:]
    private var topicOtherSenses: [String: [String]] = [:]
    private var topicPhrases: [(phrase: String, topic: String, opposite: Bool, nounOnly: Bool)] = []

    /// Reads one `cues.json`.
    mutating func addCues(_ bytes: [UInt8], file: String) throws(ExtractionError) {
        let root = try parse(bytes, file: file)
        func fail(_ value: LocatedJSON, _ problem: String) -> ExtractionError {
            Self.error(file: file, line: value.line, problem)
        }
        guard root.objectValue != nil else { throw fail(root, "the top level must be an object") }
        if let classes = root["word_classes"] {
            guard let members = classes.objectValue else { throw fail(classes, "\"word_classes\" must be an object") }
            for (key, list) in members {
                guard let cls = StanceWordClass.names.first(where: { $0.key == key })?.value else {
                    throw fail(list, "unknown word class \"\(key)\"")
                }
                guard let items = list.arrayValue else { throw fail(list, "word class \"\(key)\" must be an array") }
                for item in items {
                    guard let phrase = item.stringValue, !StanceLexicon.words(of: phrase).isEmpty else {
                        throw fail(item, "word class \"\(key)\" entries must be non-empty strings")
                    }
                    classWords.append((phrase, cls))
                }
            }
        }
        if let forms = root["irregular_forms"] {
            guard let members = forms.objectValue else { throw fail(forms, "\"irregular_forms\" must be an object") }
            for (lemma, list) in members {
                guard let items = list.arrayValue else { throw fail(list, "irregular forms of \"\(lemma)\" must be an array") }
                for item in items {
                    guard let form = item.stringValue, !form.isEmpty else {
                        throw fail(item, "irregular forms of \"\(lemma)\" must be non-empty strings")
                    }
                    irregular.append((form.lowercased(), lemma.lowercased()))
                }
            }
        }
        guard let list = root["cues"] else { return }
        guard let entries = list.arrayValue else { throw fail(list, "\"cues\" must be an array") }
        for entry in entries {
            guard entry.objectValue != nil else { throw fail(entry, "a cue must be an object, not \(entry.typeName)") }
            guard let phrase = entry["phrase"]?.stringValue, !StanceLexicon.words(of: phrase).isEmpty else {
                throw fail(entry, "a cue needs a non-empty \"phrase\"")
            }
            guard let polarityText = entry["polarity"]?.stringValue, let polarity = Polarity(rawValue: polarityText) else {
                throw fail(entry["polarity"] ?? entry, "cue \"\(phrase)\": \"polarity\" must be \"support\" or \"oppose\"")
            }
            var role = StanceCue.Role.verb
            if let value = entry["role"] {
                guard let text = value.stringValue, let r = StanceCue.Role(rawValue: text) else {
                    let allowed = StanceCue.Role.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail(value, "cue \"\(phrase)\": \"role\" must be one of \(allowed)")
                }
                role = r
            }
            var actors = false
            if let value = entry["actor"] {
                guard let b = value.boolValue else { throw fail(value, "cue \"\(phrase)\": \"actor\" must be a boolean") }
                actors = b
            }
            var verbPosition = false
            if let value = entry["verb_position"] {
                guard let b = value.boolValue else { throw fail(value, "cue \"\(phrase)\": \"verb_position\" must be a boolean") }
                verbPosition = b
            }
            var confidence = 0.75
            if let value = entry["confidence"] {
                guard let c = value.numberValue, c >= 0, c <= 1 else {
                    throw fail(value, "cue \"\(phrase)\": \"confidence\" must be a number in [0, 1]")
                }
                confidence = c
            }
            let key = StanceLexicon.words(of: phrase).joined(separator: " ")
            if cues[key] == nil { cueOrder.append(key) }
            var cue = StanceCue(phrase: key, polarity: polarity, role: role, targetsActors: actors, confidence: confidence)
            cue.needsVerbPosition = verbPosition
            cues[key] = cue
        }
    }

    /// Reads one `topics.json`.
    mutating func addTopics(_ bytes: [UInt8], file: String) throws(ExtractionError) {
        let root = try parse(bytes, file: file)
        func fail(_ value: LocatedJSON, _ problem: String) -> ExtractionError {
            Self.error(file: file, line: value.line, problem)
        }
        guard let list = root["topics"] else { throw fail(root, "the top level must be an object with \"topics\"") }
        guard let entries = list.arrayValue else { throw fail(list, "\"topics\" must be an array") }
        for entry in entries {
            guard entry.objectValue != nil else { throw fail(entry, "a topic must be an object, not \(entry.typeName)") }
            guard let id = entry["id"]?.stringValue, !id.isEmpty,
                id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
            else {
                throw fail(entry["id"] ?? entry, "a topic needs an \"id\" of lowercase letters, digits and '_'")
            }
            if topicDescriptions[id] == nil { topicOrder.append(id) }
            if let d = entry["description"] {
                guard let text = d.stringValue else { throw fail(d, "topic \"\(id)\": \"description\" must be a string") }
                topicDescriptions[id] = text
            } else if topicDescriptions[id] == nil {
                topicDescriptions[id] = ""
            }
            if let g = entry["generic"] {
                guard let b = g.boolValue else { throw fail(g, "topic \"\(id)\": \"generic\" must be a boolean") }
                topicGeneric[id] = b
            }
            if let h = entry["holders"] {
                guard let items = h.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                    throw fail(h, "topic \"\(id)\": \"holders\" must be an array of names")
                }
                topicHolders[id, default: []].formUnion(items.compactMap { $0.stringValue?.lowercased() })
            }
            if let c = entry["context"] {
                guard let items = c.arrayValue, !items.isEmpty,
                    items.allSatisfy({ ($0.stringValue.map { StanceLexicon.words(of: $0).count == 1 }) ?? false })
                else {
                    throw fail(c, "topic \"\(id)\": \"context\" must be a non-empty array of single words")
                }
                topicContext[id] = items.compactMap { $0.stringValue?.lowercased() }
            }
            if let subject = entry["subject"] {
                topicSubject[id] = try Self.subject(subject, topic: id, fail: fail)
            }
            if let o = entry["other_senses"] {
                guard let items = o.arrayValue,
                    items.allSatisfy({ ($0.stringValue.map { StanceLexicon.words(of: $0).count == 1 }) ?? false })
                else {
                    throw fail(o, "topic \"\(id)\": \"other_senses\" must be an array of single words")
                }
                topicOtherSenses[id, default: []].append(contentsOf: items.compactMap { $0.stringValue?.lowercased() })
            }
            var phraseCount = 0
            for (key, opposite, nounOnly) in [("phrases", false, false), ("opposite_phrases", true, false), ("noun_phrases", false, true)] {
                guard let value = entry[key] else { continue }
                guard let items = value.arrayValue else { throw fail(value, "topic \"\(id)\": \"\(key)\" must be an array") }
                for item in items {
                    guard let phrase = item.stringValue, !StanceLexicon.words(of: phrase).isEmpty else {
                        throw fail(item, "topic \"\(id)\": \"\(key)\" entries must be non-empty strings")
                    }
                    topicPhrases.append((phrase, id, opposite, nounOnly))
                    phraseCount += 1
                }
            }
            if phraseCount == 0, !topicPhrases.contains(where: { $0.topic == id }) {
                throw fail(entry, "topic \"\(id)\" has no \"phrases\"")
            }
        }
    }

    /// Compiles everything read so far.
    func build() -> StanceLexicon {
        var lexicon = StanceLexicon.Tables()
        var vocabulary = StanceVocabulary()
        func ids(_ phrase: String) -> [Int32] {
            StanceLexicon.words(of: phrase).map { vocabulary.intern($0) }
        }
        var allWords = Set<String>()
        for (phrase, _) in classWords { allWords.formUnion(StanceLexicon.words(of: phrase)) }
        for key in cueOrder { allWords.formUnion(StanceLexicon.words(of: key)) }
        for (phrase, _, _, _) in topicPhrases { allWords.formUnion(StanceLexicon.words(of: phrase)) }
        for (_, lemma) in irregular { allWords.insert(lemma) }
        for words in topicContext.values { allWords.formUnion(words) }
        for words in topicOtherSenses.values { allWords.formUnion(words) }
        vocabulary.declare(allWords)
        for (form, lemma) in irregular { vocabulary.addForm(form, of: lemma) }
        var classesById: [Int32: StanceWordClass] = [:]
        for (phrase, cls) in classWords {
            let words = ids(phrase)
            if words.count == 1 {
                classesById[words[0], default: []].formUnion(cls)
            } else {
                lexicon.markerTrie.insert(words, payload: Int32(bitPattern: cls.rawValue))
            }
        }
        for key in cueOrder {
            guard let cue = cues[key] else { continue }
            lexicon.cueTrie.insert(ids(key), payload: Int32(lexicon.cues.count))
            lexicon.cues.append(cue)
        }
        for (phrase, topic, opposite, nounOnly) in topicPhrases {
            lexicon.topicTrie.insert(ids(phrase), payload: Int32(lexicon.topicPhrases.count))
            var entry = TopicPhrase(
                topic: topic, isOpposite: opposite, isGeneric: topicGeneric[topic] ?? false,
                holderNames: topicHolders[topic] ?? [])
            entry.isNounOnly = nounOnly
            lexicon.topicPhrases.append(entry)
        }
        lexicon.cueTrie.freeze()
        lexicon.topicTrie.freeze()
        lexicon.markerTrie.freeze()
        vocabulary.finalize()
        lexicon.topics = topicOrder.map { ($0, topicDescriptions[$0] ?? "") }
        var topicIndex: [String: Int] = [:]
        for (i, id) in topicOrder.enumerated() { topicIndex[id] = i }
        for i in lexicon.topicPhrases.indices {
            lexicon.topicPhrases[i].topicIndex = topicIndex[lexicon.topicPhrases[i].topic] ?? 0
        }
        lexicon.topicSubjects = topicOrder.map { topicSubject[$0] }
        lexicon.topicOtherSenses = topicOrder.map { (topicOtherSenses[$0] ?? []).map { vocabulary.intern($0) } }
        lexicon.fallbackTopicIndex = topicIndex[TopicPhrase.fallbackTopic] ?? topicOrder.count
        lexicon.leadersSummitPhrase = lexicon.topicPhrases.firstIndex { $0.topic == "leaders_summit" && !$0.isOpposite }
        // Context groups: one per distinct word list, at most 64.
        var groups: [[String]: Int] = [:]
        var contextBits = [UInt64](repeating: 0, count: vocabulary.count)
        for id in topicOrder {
            guard let words = topicContext[id] else { continue }
            let key = words.sorted()
            let group: Int
            if let g = groups[key] {
                group = g
            } else {
                guard groups.count < 64 else { continue }
                group = groups.count
                groups[key] = group
                for w in words {
                    let wid = vocabulary.id(of: w)
                    if wid >= 0, Int(wid) < contextBits.count { contextBits[Int(wid)] |= 1 << UInt64(group) }
                }
            }
            for i in lexicon.topicPhrases.indices where lexicon.topicPhrases[i].topic == id {
                lexicon.topicPhrases[i].contextGroup = group
            }
        }
        lexicon.contextBits = contextBits
        lexicon.contextGroupCount = groups.count
        var classes = [StanceWordClass](repeating: [], count: vocabulary.count)
        for (id, cls) in classesById { classes[Int(id)] = cls }
        lexicon.wordClasses = classes
        lexicon.vocabulary = vocabulary
        return StanceLexicon(tables: lexicon)
    }

    /// Reads a topic's `"subject"`: `{"entities": [names], "before": bool, "after": [words]}`.
    private static func subject(
        _ value: LocatedJSON, topic id: String, fail: (LocatedJSON, String) -> ExtractionError
    ) throws(ExtractionError) -> TopicSubject {
        guard value.objectValue != nil else { throw fail(value, "topic \"\(id)\": \"subject\" must be an object") }
        guard let names = value["entities"]?.arrayValue, !names.isEmpty, names.allSatisfy({ $0.stringValue != nil }) else {
            throw fail(value["entities"] ?? value, "topic \"\(id)\": \"subject\" needs \"entities\", a non-empty array of names")
        }
        var before = false
        if let b = value["before"] {
            guard let flag = b.boolValue else { throw fail(b, "topic \"\(id)\": subject \"before\" must be a boolean") }
            before = flag
        }
        var after: Set<String> = []
        if let a = value["after"] {
            guard let words = a.arrayValue,
                words.allSatisfy({ ($0.stringValue.map { StanceLexicon.words(of: $0).count == 1 }) ?? false })
            else {
                throw fail(a, "topic \"\(id)\": subject \"after\" must be an array of single words")
            }
            after = Set(words.compactMap { $0.stringValue?.lowercased() })
        }
        return TopicSubject(names: Set(names.compactMap { $0.stringValue?.lowercased() }), before: before, after: after)
    }

    private func parse(_ bytes: [UInt8], file: String) throws(ExtractionError) -> LocatedJSON {
        do {
            return try LocatedJSON.parse(bytes)
        } catch {
            throw Self.error(file: file, line: error.line, "invalid JSON: \(error.message)")
        }
    }

    private static func error(file: String, line: Int, _ problem: String) -> ExtractionError {
        KnowledgeBase.invalid(file, line, problem)
    }
}
