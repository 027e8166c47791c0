import Foundation

/// The names the engine knows: people, organisations, countries, cities and regions, with
/// aliases, demonyms and metonymy, plus the stance lexicon loaded from the same directories.
///
/// Loaded from JSON files a newsroom can edit (see ``load(directory:extending:)``);
/// immutable afterwards and safe to share between tasks.
public struct KnowledgeBase: Sendable {
    /// Everything the knowledge base holds, in one immutable box: the engine's entity
    /// recogniser holds a knowledge base and the compiler copies the recogniser in its hot
    /// loops (closures capturing `self`), which retained and released every array, set and
    /// table of the knowledge base on each copy; a box is one reference count. Setting a
    /// public property replaces the box, so value semantics are kept.
    private final class Storage: Sendable {
        let version: String
        let directories: [URL]
        let stanceLexicon: StanceLexicon
        let entries: [KnowledgeBaseEntry]
        let gazetteer: Gazetteer
        let vocabulary: TokenVocabulary
        let titleTrie: TokenTrie
        let demonymTrie: TokenTrie
        let names: NameLexicon
        let demonymIndex: [String: Int]
        let metonymTarget: [Int: Int]
        let demonymOwners: [String: DemonymOwner]
        let peopleByFirstName: [String: [(entry: Int, last: String)]]
        let personNameWords: [[Token]]

        init(
            version: String, directories: [URL], stanceLexicon: StanceLexicon, entries: [KnowledgeBaseEntry],
            gazetteer: Gazetteer, vocabulary: TokenVocabulary, titleTrie: TokenTrie, demonymTrie: TokenTrie,
            names: NameLexicon, demonymIndex: [String: Int], metonymTarget: [Int: Int],
            demonymOwners: [String: DemonymOwner], peopleByFirstName: [String: [(entry: Int, last: String)]],
            personNameWords: [[Token]]
        ) {
            self.version = version
            self.directories = directories
            self.stanceLexicon = stanceLexicon
            self.entries = entries
            self.gazetteer = gazetteer
            self.vocabulary = vocabulary
            self.titleTrie = titleTrie
            self.demonymTrie = demonymTrie
            self.names = names
            self.demonymIndex = demonymIndex
            self.metonymTarget = metonymTarget
            self.demonymOwners = demonymOwners
            self.peopleByFirstName = peopleByFirstName
            self.personNameWords = personNameWords
        }

        /// A copy with some public properties replaced.
        func replacing(version: String? = nil, directories: [URL]? = nil, stanceLexicon: StanceLexicon? = nil) -> Storage {
            Storage(
                version: version ?? self.version, directories: directories ?? self.directories,
                stanceLexicon: stanceLexicon ?? self.stanceLexicon, entries: entries, gazetteer: gazetteer,
                vocabulary: vocabulary, titleTrie: titleTrie, demonymTrie: demonymTrie, names: names,
                demonymIndex: demonymIndex, metonymTarget: metonymTarget, demonymOwners: demonymOwners,
                peopleByFirstName: peopleByFirstName, personNameWords: personNameWords)
        }
    }

    private var storage: Storage

    /// The data version, reported in every event's `extractor.knowledge_base` (e.g. "2026.11").
    public var version: String {
        _read { yield storage.version }
        set { storage = storage.replacing(version: newValue) }
    }
    /// The directories the knowledge base was loaded from, bundled first; the stance lexicon
    /// reads its `cues.json` and `topics.json` from these.
    public var directories: [URL] {
        _read { yield storage.directories }
        set { storage = storage.replacing(directories: newValue) }
    }
    /// The stance engineer's cue and topic lexicon, loaded from ``directories``.
    public var stanceLexicon: StanceLexicon {
        _read { yield storage.stanceLexicon }
        set { storage = storage.replacing(stanceLexicon: newValue) }
    }
    /// All entries, in load order.
    public var entries: [KnowledgeBaseEntry] { _read { yield storage.entries } }

    var gazetteer: Gazetteer { _read { yield storage.gazetteer } }
    /// Word ids of every phrase the tries hold.
    var vocabulary: TokenVocabulary { _read { yield storage.vocabulary } }
    /// Person titles ("foreign minister"); payload unused.
    var titleTrie: TokenTrie { _read { yield storage.titleTrie } }
    /// Demonyms ("north korean"); payload is the entry index.
    var demonymTrie: TokenTrie { _read { yield storage.demonymTrie } }
    /// Word lists for names the knowledge base lacks.
    var names: NameLexicon { _read { yield storage.names } }
    /// Demonym as joined token match keys ("north\u{1F}korean") → entry index.
    var demonymIndex: [String: Int] { _read { yield storage.demonymIndex } }
    /// Entry index → entry index it stands for as an actor (capitals → countries).
    var metonymTarget: [Int: Int] { _read { yield storage.metonymTarget } }
    /// Lowercased demonyms with their owners, for ``EntityAnalysis``.
    var demonymOwners: [String: DemonymOwner] { _read { yield storage.demonymOwners } }
    /// People by lowercased first name, with the lowercased last name of each full name or
    /// alias, for spelling variants ("Rustem Umierov" → Rustem Umerov).
    var peopleByFirstName: [String: [(entry: Int, last: String)]] { _read { yield storage.peopleByFirstName } }
    /// Per entry, the word tokens of a person's canonical name (empty for other types),
    /// tokenised once at load for the surname aliases every article registers.
    var personNameWords: [[Token]] { _read { yield storage.personNameWords } }

    /// Builds a knowledge base from entries (files already validated).
    init(
        version: String, directories: [URL], entries: [KnowledgeBaseEntry], names: NameLexicon, stanceLexicon: StanceLexicon
    ) throws(ExtractionError) {
        var byName: [String: Int] = [:]
        for (i, e) in entries.enumerated() where byName[e.name.lowercased()] == nil || e.type == .gpe {
            if byName[e.name.lowercased()] == nil { byName[e.name.lowercased()] = i }
        }
        var gazetteer = Gazetteer()
        var vocabulary = TokenVocabulary()
        var demonymTrie = TokenTrie()
        var titleTrie = TokenTrie()
        for t in names.personTitles { titleTrie.insert(vocabulary.intern(phrase: t), value: 0) }
        var demonyms: [String: Int] = [:]
        var owners: [String: DemonymOwner] = [:]
        var metonyms: [Int: Int] = [:]
        for (i, e) in entries.enumerated() {
            gazetteer.add(e.name, entry: i, isCanonical: true, vocabulary: &vocabulary)
            for a in e.aliases { gazetteer.add(a, entry: i, isCanonical: false, vocabulary: &vocabulary) }
            for d in e.demonyms {
                let lower = d.lowercased()
                let key = AnalyzedField(field: .body, text: d).tokens.map(MatchKey.of).joined(separator: "\u{1F}")
                if demonyms[key] == nil {
                    demonyms[key] = i
                    demonymTrie.insert(vocabulary.intern(phrase: d), value: Int32(i))
                }
                if owners[lower] == nil {
                    owners[lower] = DemonymOwner(entityId: e.id, name: e.name, type: e.type, kbId: e.kbId)
                }
            }
            if let target = e.metonymOf {
                guard let t = byName[target.lowercased()] else {
                    throw ExtractionError(
                        code: .invalidKnowledgeBase,
                        reason: "\(e.file):\(e.line): metonym_of \"\(target)\" names no entry of the knowledge base")
                }
                metonyms[i] = t
            }
            if let c = e.capitalOf, byName[c.lowercased()] == nil {
                throw ExtractionError(
                    code: .invalidKnowledgeBase,
                    reason: "\(e.file):\(e.line): capital_of \"\(c)\" names no entry of the knowledge base")
            }
        }
        gazetteer.seal()
        titleTrie.seal()
        demonymTrie.seal()
        vocabulary.seal()
        var people: [String: [(entry: Int, last: String)]] = [:]
        for (i, e) in entries.enumerated() where e.type == .person {
            for n in [e.name] + e.aliases {
                let words = n.lowercased().split(separator: " ")
                guard words.count >= 2, let first = words.first, let last = words.last else { continue }
                people[String(first), default: []].append((i, String(last)))
            }
        }
        var nameWords = [[Token]](repeating: [], count: entries.count)
        for (i, e) in entries.enumerated() where e.type == .person {
            nameWords[i] = AnalyzedField(field: .body, text: e.name).tokens.filter { $0.kind == .word }
        }
        storage = Storage(
            version: version, directories: directories, stanceLexicon: stanceLexicon, entries: entries,
            gazetteer: gazetteer, vocabulary: vocabulary, titleTrie: titleTrie, demonymTrie: demonymTrie, names: names,
            demonymIndex: demonyms, metonymTarget: metonyms, demonymOwners: owners, peopleByFirstName: people,
            personNameWords: nameWords)
    }

    /// The entry whose canonical name or alias is `name` (as written; acronyms case-sensitive).
    /// - Parameter name: A name as it would appear in text.
    public func entry(named name: String) -> KnowledgeBaseEntry? {
        entryIndex(named: name).map { entries[$0] }
    }

    /// The index in ``entries`` of the entry named `name`.
    func entryIndex(named name: String) -> Int? {
        let field = AnalyzedField(field: .body, text: name)
        let ids = vocabulary.ids(of: field.tokens)
        guard !ids.isEmpty, let m = gazetteer.longestMatch(in: field.tokens, ids: ids, at: 0, limit: ids.count),
            m.length == ids.count
        else { return nil }
        return gazetteer.aliases[Int(m.aliases[0])].entry
    }

    /// The owner of a lowercased demonym ("ukrainian" → Ukraine).
    public func ownerOfDemonym(_ lower: String) -> KnowledgeBaseEntry? {
        let key = AnalyzedField(field: .body, text: lower).tokens.map(MatchKey.of).joined(separator: "\u{1F}")
        return demonymIndex[key].map { entries[$0] }
    }
}
