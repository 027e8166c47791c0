import Foundation

/// The compiled stance lexicon: cue phrases, topic phrases and function-word classes, keyed
/// by word ids so that extraction does one dictionary lookup per token.
///
/// Built from `cues.json` and `topics.json` by ``load(directories:)``; immutable and safe to
/// share between tasks.
public struct StanceLexicon: Sendable {
    /// Everything the lexicon holds, built by ``StanceLexiconBuilder``.
    ///
    /// Kept in one immutable box: the extractor, every field scan and every copy of the
    /// lexicon then hold one reference instead of some forty arrays, so copying it retains one
    /// object and a scan's helper calls, which pass the scan by value, copy 8 bytes of it
    /// rather than 300.
    struct Tables: Sendable {
        var vocabulary = StanceVocabulary()
        /// Cue phrases; payload indexes ``cues``.
        var cueTrie = PhraseTrie()
        /// The cue entries.
        var cues: [StanceCue] = []
        /// Topic phrases; payload indexes ``topicPhrases``.
        var topicTrie = PhraseTrie()
        /// The topic phrase entries.
        var topicPhrases: [TopicPhrase] = []
        /// Catalogue ids with their descriptions, in file order.
        var topics: [(id: String, description: String)] = []
        /// Multi-word function phrases ("according to", "rather than"); payload is the raw value
        /// of a ``StanceWordClass``, set on the phrase's first token.
        var markerTrie = PhraseTrie()
        /// Word classes per word id.
        var wordClasses: [StanceWordClass] = []
        /// Index of ``TopicPhrase/fallbackTopic`` in ``topics`` (or past its end when absent).
        var fallbackTopicIndex = 0
        /// Per word id, the context groups (bit set) the word signals ("ukraine", "kremlin").
        var contextBits: [UInt64] = []
        /// The number of context groups (at most 64).
        var contextGroupCount = 0
        /// Per topic (index in ``topics``), what it is about, if the catalogue says.
        var topicSubjects: [TopicSubject?] = []
        /// Per topic (index in ``topics``), the word ids of modifiers that give its phrases
        /// another sense right before them ("tariff truce", "trade talks").
        var topicOtherSenses: [[Int32]] = []
        /// Index in ``topicPhrases`` of the first (not opposite) phrase of the `leaders_summit`
        /// topic, which meetings between two titled leaders are recorded under; `nil` when the
        /// catalogue has none.
        var leadersSummitPhrase: Int? = nil
    }


    private final class Box: Sendable {
        let tables: Tables
        init(_ tables: Tables) { self.tables = tables }
    }

    private let box: Box

    /// An empty lexicon; extraction with it finds quotes but no stances.
    public init() {
        var tables = Tables()
        tables.vocabulary.finalize()
        self.init(tables: tables)
    }

    /// A lexicon of compiled tables.
    init(tables: Tables) {
        box = Box(tables)
    }

    var vocabulary: StanceVocabulary {
        _read { yield box.tables.vocabulary }
    }
    /// Cue phrases; payload indexes ``cues``.
    var cueTrie: PhraseTrie {
        _read { yield box.tables.cueTrie }
    }
    /// The cue entries.
    public var cues: [StanceCue] {
        _read { yield box.tables.cues }
    }
    /// Topic phrases; payload indexes ``topicPhrases``.
    var topicTrie: PhraseTrie {
        _read { yield box.tables.topicTrie }
    }
    /// The topic phrase entries.
    public var topicPhrases: [TopicPhrase] {
        _read { yield box.tables.topicPhrases }
    }
    /// Catalogue ids with their descriptions, in file order.
    public var topics: [(id: String, description: String)] {
        _read { yield box.tables.topics }
    }
    /// Multi-word function phrases ("according to", "rather than"); payload is the raw value
    /// of a ``StanceWordClass``, set on the phrase's first token.
    var markerTrie: PhraseTrie {
        _read { yield box.tables.markerTrie }
    }
    /// Word classes per word id.
    var wordClasses: [StanceWordClass] {
        _read { yield box.tables.wordClasses }
    }
    /// Index of ``TopicPhrase/fallbackTopic`` in ``topics`` (or past its end when absent).
    var fallbackTopicIndex: Int {
        _read { yield box.tables.fallbackTopicIndex }
    }
    /// Per word id, the context groups (bit set) the word signals ("ukraine", "kremlin").
    var contextBits: [UInt64] {
        _read { yield box.tables.contextBits }
    }
    /// The number of context groups (at most 64).
    var contextGroupCount: Int {
        _read { yield box.tables.contextGroupCount }
    }
    /// Per topic (index in ``topics``), what it is about, if the catalogue says.
    var topicSubjects: [TopicSubject?] {
        _read { yield box.tables.topicSubjects }
    }
    /// Per topic (index in ``topics``), the word ids of modifiers that give its phrases
    /// another sense right before them ("tariff truce", "trade talks").
    var topicOtherSenses: [[Int32]] {
        _read { yield box.tables.topicOtherSenses }
    }
    /// Index in ``topicPhrases`` of the first (not opposite) phrase of the `leaders_summit`
    /// topic, which meetings between two titled leaders are recorded under; `nil` when the
    /// catalogue has none.
    var leadersSummitPhrase: Int? {
        _read { yield box.tables.leadersSummitPhrase }
    }

    /// The number of cue phrases.
    public var cueCount: Int { cueTrie.phraseCount }
    /// The number of topic phrases.
    public var topicPhraseCount: Int { topicTrie.phraseCount }
    /// The number of distinct words known to the lexicon.
    public var wordCount: Int { vocabulary.count }

    /// The word classes of word `id`.
    @inline(__always)
    func classes(of id: Int32) -> StanceWordClass {
        id >= 0 && Int(id) < wordClasses.count ? wordClasses[Int(id)] : []
    }

    /// Splits a lexicon phrase into normalised words: lowercased, split at spaces and
    /// hyphens, quotes dropped and a possessive "'s" removed (the tokenizer splits those off,
    /// and matching skips them).
    static func words(of phrase: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            var word = String(current).lowercased()
            if word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") { word.removeLast(2) }
            if !word.isEmpty { words.append(word) }
            current = String.UnicodeScalarView()
        }
        for scalar in phrase.unicodeScalars {
            switch scalar {
            case " ", "\t", "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}", "/":
                flush()
            case "\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", ",", ".":
                continue
            default:
                current.append(scalar)
            }
        }
        flush()
        return words
    }
}
