/// The stance pass over one analysed field: per-token tables, quotes, reported-speech
/// frames, then cues with their holders and targets.
///
/// Every table is an array indexed by token, filled in one pass; holder and target searches
/// look at a bounded window around each cue, so the whole pass is linear in the field.
struct StanceFieldScan {
    let field: AnalyzedField
    let lexicon: StanceLexicon
    let configuration: StanceExtractor.Configuration
    /// The article's entities, then any demonym owners added by this scan.
    var entities: [Entity]
    let baseEntityCount: Int
    let analysis: EntityAnalysis
    /// Mentions of this field, in text order.
    let mentions: [ResolvedMention]

    /// Per-token copies of what the hot loops read, so they never copy a `Token` (and its
    /// strings): kind, capitalisation, word-likeness, punctuation code, "-ing" after a comma.
    var kind: [Token.Kind]
    var capital: [Bool]
    var wordLike: [Bool]
    var punct: [UInt8]
    var gerund: [Bool]
    static let comma: UInt8 = 1
    static let semicolon: UInt8 = 2
    static let colon: UInt8 = 3
    static let otherPunctuation: UInt8 = 4
    /// Word id per token.
    var ids: [Int32]
    /// Word classes per token (including multi-word markers on their first token).
    var classes: [StanceWordClass]
    /// Tokens a topic phrase may pass over.
    var topicSkippable: [Bool]
    /// Tokens a cue phrase may pass over.
    var cueSkippable: [Bool]
    /// Index into `mentions` per token, or -1.
    var mentionAt: [Int32]
    /// Entity index of the demonym's owner per token, or -1.
    var demonymAt: [Int32]
    /// Index into `quoteSpans` per token inside a quote, or -1.
    var quoteAt: [Int32]
    /// Topic match index per covered token, or -1.
    var topicAt: [Int32]
    /// The holder (entity index) of each sentence's subject, or -1.
    var sentenceSubject: [Int32]

    /// The last evidence built, reused by the next cue of the same span.
    var lastEvidence: Evidence?
    var quoteSpans: [QuoteSpan] = []
    var topicMatches: [TopicMatch] = []
    /// The context groups signalled anywhere in the article.
    var articleContext: UInt64 = 0
    /// Cues per sentence, in text order.
    var sentenceCues: [[CueMatch]] = []
    /// Whether a token belongs to a cue phrase.
    var inCue: [Bool] = []

    /// Results.
    var stances: [Stance] = []
    /// Per stance, a compact (holder, target, polarity) key for deduplication.
    var stanceKeys: [Int] = []
    var quotes: [Quote] = []
    /// Entities created for demonym owners (only with `addsDemonymOwners`).
    var addedEntities: [Entity] { Array(entities[baseEntityCount...]) }

    /// A quotation in the field.
    struct QuoteSpan {
        /// The opening and closing quote tokens.
        var open: Int
        var close: Int
        /// The speaker's entity index, or -1.
        var speaker: Int32
    }

    /// A topic phrase found in the field.
    struct TopicMatch {
        var start: Int
        var end: Int
        var topic: String
        var sign: Int
        var isGeneric: Bool
        var sentence: Int
        /// Index into the lexicon's topic phrases.
        var phrase: Int
    }

    /// A holder with the polarity factor and weight it carries.
    struct Holder {
        var entity: Int
        var factor: Int
        var weight: Double
        /// The factor the holder carried into this cue's clause (1 for the cue's own holders;
        /// the composed factor of the cues before a "that" it came through): what a verb
        /// coordinated with this one starts from.
        var base = 1
    }

    /// A cue found in a sentence.
    struct CueMatch {
        var start: Int
        var end: Int
        var cue: StanceCue
    }

    /// A reported-speech frame: tokens `range` are reported as said by `holders`.
    struct Frame {
        var range: Range<Int>
        var holders: [Int]
        /// The reporting verb is negative ("warned that …").
        var isNegative = false
        /// The reporting verb, when it precedes what it reports (`-1` otherwise).
        var verb = -1
        /// The reporting verb after what it reports ("…, Medvedev said."), or `-1`.
        var postposedVerb = -1
    }

    init(field: AnalyzedField, lexicon: StanceLexicon, configuration: StanceExtractor.Configuration, analysis: EntityAnalysis) {
        self.field = field
        self.lexicon = lexicon
        self.configuration = configuration
        self.analysis = analysis
        self.entities = analysis.entities
        self.baseEntityCount = analysis.entities.count
        self.mentions = analysis.mentions.filter { $0.field == field.field }
        let n = field.tokens.count
        // The per-token tables filled by `buildTables()` start empty: it builds them whole
        // (and a field without tokens never reads them).
        kind = []
        capital = []
        wordLike = []
        punct = []
        gerund = []
        ids = []
        classes = []
        topicSkippable = []
        cueSkippable = []
        mentionAt = []
        demonymAt = []
        quoteAt = [Int32](repeating: -1, count: n)
        topicAt = [Int32](repeating: -1, count: n)
        sentenceSubject = [Int32](repeating: -1, count: field.sentences.count)
    }

    /// The text between two scalar offsets, transcoded in one pass.
    func text(_ start: Int, _ end: Int) -> String {
        let scalars = field.scalars
        let lo = max(0, min(start, scalars.count))
        let hi = max(lo, min(end, scalars.count))
        return String(unsafeUninitializedCapacity: (hi - lo) * 4) { buffer in
            var n = 0
            for k in lo..<hi {
                UTF8.encode(scalars[k]) { byte in
                    buffer[n] = byte
                    n += 1
                }
            }
            return n
        }
    }

    // MARK: - Driver

    /// Runs the whole pass; results land in ``stances`` and ``quotes``.
    mutating func run() {
        prepare()
        run(context: context)
    }

    /// The context groups (``StanceLexicon/contextBits``) this field's words signal; set by
    /// ``prepare()``.
    var context: UInt64 = 0

    /// Builds the per-token tables and notes which context groups the field signals.
    mutating func prepare() {
        guard !field.tokens.isEmpty else { return }
        buildTables()
        var bits: UInt64 = 0
        let contextBits = lexicon.contextBits
        for id in ids where id >= 0 && Int(id) < contextBits.count { bits |= contextBits[Int(id)] }
        context = bits
    }

    /// Finds the stances and quotes, given the context groups of the whole article.
    mutating func run(context: UInt64) {
        guard !field.tokens.isEmpty else { return }
        articleContext = context
        findTopics()
        findLeaderMeetings()
        findCues()
        signTopics()
        findSentenceSubjects()
        findQuotes()
        for s in field.sentences.indices {
            let sentence = field.sentences[s]
            // Section headings carry no positions; a headline often does ("Hamas accepts truce").
            if sentence.isBoilerplate || (sentence.isHeading && field.field != .title) || sentence.tokens.isEmpty {
                continue
            }
            scanSentence(s)
        }
    }

    // MARK: - Tables

    mutating func buildTables() {
        let tokens = field.tokens
        let n = tokens.count
        var entityIndexById: [String: Int] = [:]
        var indexed = false
        // Local arrays, moved into place at the end: writes to stored arrays in a loop pay a
        // uniqueness check each.
        var mentionAt = [Int32](repeating: -1, count: n)
        for (mi, m) in mentions.enumerated() {
            for t in m.tokens where t < n { mentionAt[t] = Int32(mi) }
        }
        var kind = [Token.Kind](repeating: .word, count: n)
        var capital = [Bool](repeating: false, count: n)
        var wordLike = [Bool](repeating: false, count: n)
        var punct = [UInt8](repeating: 0, count: n)
        var ids = [Int32](repeating: StanceVocabulary.none, count: n)
        var classes = [StanceWordClass](repeating: [], count: n)
        var demonymAt = [Int32](repeating: -1, count: n)
        var topicSkippable = [Bool](repeating: false, count: n)
        var cueSkippable = [Bool](repeating: false, count: n)
        let vocabulary = lexicon.vocabulary
        tokens.withUnsafeBufferPointer { buffer in
            for i in 0..<n {
                let k = buffer[i].kind
                kind[i] = k
                capital[i] = buffer[i].isCapitalized
                switch k {
                case .word:
                    wordLike[i] = true
                    let lower = buffer[i].lower
                    var id = vocabulary.id(of: lower, hash: buffer[i].lowerHash)
                    if id < 0, buffer[i].isAllCaps, lower.utf8.contains(UInt8(ascii: ".")) {
                        // "U.S." and "U. S." are written "us" in the lexicon.
                        id = vocabulary.id(of: String(lower.unicodeScalars.filter { $0 != "." && $0 != " " }))
                    }
                    ids[i] = id
                    if id >= 0 { classes[i] = lexicon.classes(of: id) }
                    if capital[i], mentionAt[i] < 0, let owner = analysis.knownDemonyms[lower] {
                        topicSkippable[i] = true
                        if let index = analysis.demonymOwners[lower], index < entities.count {
                            demonymAt[i] = Int32(index)
                        } else {
                            if !indexed {
                                for (k, e) in entities.enumerated() { entityIndexById[e.id] = k }
                                indexed = true
                            }
                            if let index = entityIndexById[owner.entityId] {
                                demonymAt[i] = Int32(index)
                            } else if configuration.addsDemonymOwners {
                                let entity = Entity(
                                    id: owner.entityId, name: owner.name, type: owner.type, kbId: owner.kbId,
                                    salience: 0, mentionCount: 0, mentions: [])
                                entityIndexById[owner.entityId] = entities.count
                                demonymAt[i] = Int32(entities.count)
                                entities.append(entity)
                            }
                        }
                    }
                case .number:
                    wordLike[i] = true
                    ids[i] = vocabulary.id(of: buffer[i].lower, hash: buffer[i].lowerHash)
                case .possessive, .dash, .quote, .apostrophe:
                    topicSkippable[i] = true
                    cueSkippable[i] = true
                case .punctuation:
                    switch buffer[i].text.unicodeScalars.first {
                    case ",": punct[i] = Self.comma
                    case ";": punct[i] = Self.semicolon
                    case ":": punct[i] = Self.colon
                    default: punct[i] = Self.otherPunctuation
                    }
                default:
                    break
                }
            }
        }
        // A participle after a comma opens a clause (", citing …").
        var gerund = [Bool](repeating: false, count: n)
        for i in tokens.indices.dropFirst() where punct[i - 1] == Self.comma && kind[i] == .word {
            gerund[i] = tokens[i].lower.hasSuffix("ing")
        }
        self.gerund = gerund
        // Multi-word markers ("according to", "rather than") mark their first token.
        for i in tokens.indices where lexicon.markerTrie.startsPhrase(ids[i]) {
            let limit = field.sentences[tokens[i].sentence].tokens.upperBound
            if let m = lexicon.markerTrie.longestMatch(
                ids: ids, from: i, limit: limit, skippable: cueSkippable, maxSkips: 1), m.end - m.start > 1
            {
                let cls = StanceWordClass(rawValue: UInt32(bitPattern: m.payload))
                classes[i].formUnion(cls)
                // A multi-word filler ("any of", "so-called") is skipped whole, and its words
                // are not cues ("called").
                if cls.contains(.filler) {
                    for t in m.start..<m.end {
                        classes[t].insert(.filler)
                        if t > m.start { ids[t] = StanceVocabulary.none }
                    }
                }
            }
        }
        for i in tokens.indices where classes[i].contains(.filler) { topicSkippable[i] = true }
        self.mentionAt = mentionAt
        self.kind = kind
        self.capital = capital
        self.wordLike = wordLike
        self.punct = punct
        self.ids = ids
        self.classes = classes
        self.demonymAt = demonymAt
        self.topicSkippable = topicSkippable
        self.cueSkippable = cueSkippable
        ignoreDateline()
    }

    /// A dateline ("CAIRO/JERUSALEM (Reuters) -") names where the story was filed and who
    /// filed it, not who holds a position: its names are not holders.
    mutating func ignoreDateline() {
        guard field.field == .body, let first = field.sentences.first else { return }
        let tokens = field.tokens
        let upper = min(first.tokens.upperBound, first.tokens.lowerBound + 12)
        var depth = 0
        var sawWord = false
        for d in first.tokens.lowerBound..<upper {
            if kind[d] == .dash {
                guard sawWord else { return }
                for t in first.tokens.lowerBound..<d { mentionAt[t] = -1 }
                return
            }
            if tokens[d].text == "(" { depth += 1 }
            if tokens[d].text == ")" { depth -= 1 }
            if wordLike[d] {
                guard depth > 0 || tokens[d].isAllCaps else { return }
                sawWord = true
            }
        }
    }

    /// Whether a boundary word stands between commas as an aside ("Hungary, however, has").
    func isParenthetical(_ j: Int) -> Bool {
        j > 0 && j + 1 < punct.count && punct[j - 1] == Self.comma && punct[j + 1] == Self.comma
    }

    /// Finds topic phrases, left to right without overlap.
    mutating func findTopics() {
        for (s, sentence) in field.sentences.enumerated() {
            var i = sentence.tokens.lowerBound
            let limit = sentence.tokens.upperBound
            while i < limit {
                guard lexicon.topicTrie.startsPhrase(ids[i]),
                    let m = lexicon.topicTrie.longestMatch(
                        ids: ids, from: i, limit: limit, skippable: topicSkippable, maxSkips: 3)
                else {
                    i += 1
                    continue
                }
                let phrase = lexicon.topicPhrases[Int(m.payload)]
                if phrase.contextGroup >= 0, articleContext & (1 << UInt64(phrase.contextGroup)) == 0 {
                    i += 1  // a topic of a conflict the article is not about
                    continue
                }
                if phrase.isNounOnly, !isNounReading(at: m.start, floor: sentence.tokens.lowerBound) {
                    i += 1  // "would guarantee": the verb, not the noun the phrase names
                    continue
                }
                if let subject = lexicon.topicSubjects[phrase.topicIndex],
                    namesAnotherSubject(subject, start: m.start, end: m.end, in: sentence)
                {
                    i = m.end  // "Morocco's sovereignty", "sanctions on Iran": not this topic
                    continue
                }
                if m.start > sentence.tokens.lowerBound, ids[m.start - 1] >= 0,
                    lexicon.topicOtherSenses[phrase.topicIndex].contains(ids[m.start - 1])
                {
                    i = m.end  // "a tariff truce", "trade talks": the phrase in another sense
                    continue
                }
                let sign = phrase.isOpposite ? -1 : 1
                let index = Int32(topicMatches.count)
                topicMatches.append(
                    TopicMatch(
                        start: m.start, end: m.end, topic: phrase.topic, sign: sign, isGeneric: phrase.isGeneric,
                        sentence: s, phrase: Int(m.payload)))
                for t in m.start..<m.end { topicAt[t] = index }
                i = m.end
            }
        }
    }

    /// Finds the cue phrases of every sentence; tokens of topic phrases and names are not cues.
    mutating func findCues() {
        let tokens = field.tokens
        inCue = [Bool](repeating: false, count: tokens.count)
        sentenceCues = []
        sentenceCues.reserveCapacity(field.sentences.count)
        for sentence in field.sentences {
            var cues: [CueMatch] = []
            let range = sentence.tokens
            var i = range.lowerBound
            while i < range.upperBound, cues.count < Self.maxCuesPerSentence {
                // A capitalised word inside a sentence is a name, except in a headline.
                let midCapital =
                    capital[i] && i > range.lowerBound && kind[i - 1] != .quote
                    && punct[i - 1] != Self.colon && !sentence.isTitleCase
                // "U.S.-brokered", "Western-backed": a compound adjective, not a cue.
                let compound = i > range.lowerBound && kind[i - 1] == .dash
                if mentionAt[i] < 0, topicAt[i] < 0 || isVerbTopic(at: i), !midCapital, !compound,
                    lexicon.cueTrie.startsPhrase(ids[i]),
                    let m = lexicon.cueTrie.longestMatch(
                        ids: ids, from: i, limit: range.upperBound, skippable: cueSkippable, maxSkips: 2)
                {
                    let cue = lexicon.cues[Int(m.payload)]
                    // "Oman mediated the talks": a one-word topic is a verb cue only as a verb.
                    if topicAt[i] >= 0, !(cue.role == .verb && m.end == i + 1 && !isNounUse(of: i, floor: range.lowerBound)) {
                        i += 1
                        continue
                    }
                    // "the stalled talks", "a proposed truce": a participle between an article and a
                    // topic modifies the topic; it is no verb of the sentence.
                    if cue.role == .verb, m.end == m.start + 1, m.end < range.upperBound, topicAt[m.end] >= 0,
                        tokens[m.start].lower.hasSuffix("ed"), isNounUse(of: m.start, floor: range.lowerBound)
                    {
                        i = m.end
                        continue
                    }
                    // "their plan for a force": a cue that is one only as a verb, where no verb stands.
                    if cue.needsVerbPosition,
                        !(isVerbPosition(m.start) || (m.start > 0 && classes[m.start - 1].contains(.beVerb)))
                            || (m.start > 0 && classes[m.start - 1].contains(.possessivePronoun))
                    {
                        i = m.end
                        continue
                    }
                    // "White House press secretary", "a press conference": a directive that is one
                    // only as a verb needs its addressee after it ("pressed Israel to accept").
                    if cue.needsVerbPosition, Self.directiveCues.contains(cue.phrase), !opensAddressee(at: m.end) {
                        i = m.end
                        continue
                    }
                    // "Lvova-Belova, who is wanted by the court": a person wanted by (or for) is
                    // sought for arrest; nobody holds a position.
                    if cue.role == .verb, isWantedPerson(at: m.start, end: m.end, floor: range.lowerBound) {
                        i = m.end
                        continue
                    }
                    // "told state television": a reporting word used as a noun or modifier.
                    if cue.role == .relay, isNounUse(of: m.start, floor: range.lowerBound) {
                        i = m.end
                        continue
                    }
                    // "warned against a premature ceasefire": an evaluative adjective right
                    // before a topic modifies it; the verb before carries the position.
                    if cue.role == .predicate, m.end < range.upperBound, topicAt[m.end] >= 0,
                        !isPredicative(CueMatch(start: m.start, end: m.end, cue: cue))
                    {
                        i = m.end
                        continue
                    }
                    cues.append(CueMatch(start: m.start, end: m.end, cue: cue))
                    for t in m.start..<m.end { inCue[t] = true }
                    i = m.end
                    continue
                }
                i += 1
            }
            sentenceCues.append(cues)
        }
    }

    /// Whether the cue `start..<end` is "wanted" in the legal sense: "wanted by" / "wanted for"
    /// said of a person ("who is wanted by the ICC", "Kony, wanted for war crimes", "he is
    /// wanted by Interpol"). "A truce wanted by both sides" is still a wish.
    func isWantedPerson(at start: Int, end: Int, floor: Int) -> Bool {
        let tokens = field.tokens
        guard end == start + 1, tokens[start].lower == "wanted", end < tokens.count else { return false }
        let next = tokens[end].lower
        guard next == "by" || next == "for" else { return false }
        var j = start - 1
        var looked = 0
        while j >= floor, looked < 3 {
            if classes[j].contains(.personPronoun) { return true }
            if mentionAt[j] >= 0 { return entities[mentions[Int(mentionAt[j])].entity].type == .person }
            if tokens[j].lower == "who" || tokens[j].lower == "whom" { return true }
            if !(classes[j].contains(.auxiliary) || classes[j].contains(.beVerb) || punct[j] == Self.comma
                || tokens[j].lower == "also" || tokens[j].lower == "still" || tokens[j].lower == "been")
            {
                return false
            }
            looked += 1
            j -= 1
        }
        return false
    }

    /// Whether token `i` is a whole one-word topic match ("mediate") that may also be read as a
    /// verb cue.
    func isVerbTopic(at i: Int) -> Bool {
        let t = Int(topicAt[i])
        // "need guarantees": a phrase that is the topic only as a noun is then no verb cue.
        return topicMatches[t].start == i && topicMatches[t].end == i + 1
            && !lexicon.topicPhrases[topicMatches[t].phrase].isNounOnly
    }

    /// Whether the word at `i` (a reporting verb's form) is used as a noun or a modifier: right
    /// after another reporting verb ("told state television"), an article or "of" ("head of
    /// state", "the statement").
    func isNounUse(of i: Int, floor: Int) -> Bool {
        guard i > floor else { return false }
        if classes[i - 1].contains(.speechVerb) { return true }
        let before = field.tokens[i - 1].lower
        return before == "the" || before == "a" || before == "an" || before == "of"
    }

    /// Flips topics preceded by an inverter or a negator ("lifting sanctions", "without
    /// Kyiv's consent", "no concessions"), looking back at most three words and not into a cue.
    mutating func signTopics() {
        for index in topicMatches.indices {
            let m = topicMatches[index]
            let floor = field.sentences[m.sentence].tokens.lowerBound
            if isWithout(m.start), isUnderNegatedHead(preposition: m.start, floor: floor) {
                topicMatches[index].sign = -m.sign  // "no negotiations on Ukraine without Ukraine"
                continue
            }
            var j = m.start - 1
            var seen = 0
            while j >= floor, seen < 3 {
                if topicAt[j] >= 0 || inCue[j] || kind[j] == .punctuation { break }
                if classes[j].contains(.inverter) || classes[j].contains(.negator) {
                    // "not against Ukraine joining the EU": a negated inverter cancels out.
                    // (A negated verb is the cue's negation: "must not undermine".)
                    let negatedInverter =
                        classes[j].contains(.inverter) && classes[j].contains(.preposition) && j - 1 >= floor
                        && classes[j - 1].contains(.negator)
                    // "no concessions against Ukraine's interests", "no talks on Ukraine without
                    // Ukraine": a "no" before the noun the preposition modifies cancels it too.
                    if !negatedInverter, !(classes[j].contains(.preposition) && isUnderNegatedHead(preposition: j, floor: floor)) {
                        topicMatches[index].sign = -m.sign
                    }
                    break
                }
                if wordLike[j] { seen += 1 }
                j -= 1
            }
        }
    }

    // MARK: - Subjects and pronouns

    /// The subject of each sentence: the first holder-like phrase among its first tokens.
    mutating func findSentenceSubjects() {
        for (s, sentence) in field.sentences.enumerated() {
            var i = sentence.tokens.lowerBound
            // "Karakaş: The party says …": a transcript's or interview's speaker label is not the
            // subject of the sentence it opens; the subject comes after the colon.
            if mentionAt[i] >= 0 {
                let label = mentions[Int(mentionAt[i])].tokens.upperBound
                if label < sentence.tokens.upperBound, punct[label] == Self.colon, field.tokens[i].followsNewline || s == 0 {
                    i = label + 1
                }
            }
            // "The 28-point draft, first reported last week, would require Ukraine to …": the
            // subject is the draft; a name after it is no subject.
            if opensWithThing(sentence.tokens) { continue }
            let upper = min(sentence.tokens.upperBound, i + 16)
            while i < upper {
                if mentionAt[i] >= 0 {
                    let m = mentions[Int(mentionAt[i])]
                    if isEligibleSubject(mention: m), isHolderType(m.entity) {
                        sentenceSubject[s] = Int32(titledPerson(after: m) ?? m.entity)
                        break
                    }
                    i = max(i + 1, m.tokens.upperBound)
                    continue
                }
                if classes[i].contains(.personPronoun) || classes[i].contains(.groupPronoun) {
                    let r = resolvePronoun(at: i)
                    if r >= 0 {
                        sentenceSubject[s] = Int32(r)
                        break
                    }
                }
                if classes[i].contains(.holderNoun), let owner = demonymOwner(before: i) {
                    sentenceSubject[s] = Int32(owner)
                    break
                }
                // "Hamas … The group said it …": a description of the organisation named before.
                if classes[i].contains(.organizationDescription), let e = definiteReferent(at: i), isHolderType(e) {
                    sentenceSubject[s] = Int32(e)
                    break
                }
                if classes[i].contains(.speechVerb) || classes[i].contains(.complementizer) { break }
                i += 1
            }
        }
    }

    /// "NATO Secretary General Mark Rutte", "AU Commission chairperson Mahmoud Ali Youssouf":
    /// the person a title joins to the organisation or country named before it.
    func titledPerson(after m: ResolvedMention) -> Int? {
        guard entities[m.entity].type != .person else { return nil }
        var j = m.tokens.upperBound
        var titles = 0
        while j < field.tokens.count, titles < 5, mentionAt[j] < 0, classes[j].contains(.title) || kind[j] == .dash {
            if classes[j].contains(.title) { titles += 1 }
            j += 1
        }
        guard titles > 0, j < field.tokens.count, mentionAt[j] >= 0 else { return nil }
        let e = mentions[Int(mentionAt[j])].entity
        return entities[e].type == .person ? e : nil
    }

    func isHolderType(_ entity: Int) -> Bool {
        entities[entity].type != .loc
    }

    /// Resolves "he", "she", "it", "they" (and possessive forms) to an entity index, or -1:
    /// the subject of this or a recent sentence of a compatible type, else the latest
    /// compatible mention.
    func resolvePronoun(at index: Int) -> Int {
        let wantsPerson = classes[index].contains(.personPronoun)
        // "the bloc" is an organisation, "the kingdom" a country; "it", "they" either.
        let wantsOrganization = classes[index].contains(.organizationReferent)
        let wantsCountry = classes[index].contains(.countryReferent)
        let narrowed = wantsPerson || wantsOrganization || wantsCountry
        func compatible(_ e: Int) -> Bool {
            let type = entities[e].type
            if wantsPerson { return type == .person }
            if wantsOrganization { return type == .org }
            if wantsCountry { return type == .gpe }
            return type == .org || type == .gpe
        }
        let s = field.tokens[index].sentence
        // "Russia has suggested that it …": a pronoun opening reported speech is the speaker.
        // "Hamas said on Monday it had …", "Netanyahu's office said it would …".
        let floor = field.sentences[s].tokens.lowerBound
        var v = index - 1
        while v >= max(floor, index - 5) {
            if classes[v].contains(.speechVerb), mentionAt[v] < 0 {
                let speakers = localSubject(before: v, floor: floor)
                if let speaker = speakers.first(where: compatible) ?? (narrowed ? nil : speakers.first) {
                    return speaker
                }
                if wantsOrganization || wantsCountry, let affiliation = affiliation(before: v, floor: floor, where: compatible) {
                    // "Saudi Foreign Minister Prince Faisal said the kingdom …": the speaker's
                    // country or organisation.
                    return affiliation
                }
                break
            }
            if mentionAt[v] >= 0 || kind[v] == .punctuation { break }
            v -= 1
        }
        if !narrowed, !classes[index].contains(.personPronoun), isThingPronoun(at: index, sentence: s) {
            // "The second agreement, known as Minsk II, was signed … It called for a ceasefire":
            // an "it" opening a sentence continues the thing the last sentence was about.
            return -1
        }
        if wantsPerson {
            // "Peskov said Zelensky's stance showed that he …": a person owning the reported
            // clause's subject, after the speech verb and before "that".
            var k = index - 1
            var sawThat = false
            while k > floor {
                if classes[k].contains(.complementizer) { sawThat = true }
                if classes[k].contains(.speechVerb) || kind[k] == .quote { break }
                if sawThat, mentionAt[k] >= 0, kind[k + 1] == .possessive {
                    let e = mentions[Int(mentionAt[k])].entity
                    if compatible(e) { return e }
                }
                k -= 1
            }
            // "he", "she": the nearest person named as a subject in the last three sentences.
            var j = index - 1
            let lowest = max(field.sentences[max(0, s - 3)].tokens.lowerBound, index - 200)
            while j >= lowest {
                if mentionAt[j] >= 0 {
                    let m = mentions[Int(mentionAt[j])]
                    if compatible(m.entity), isEligibleSubject(mention: m) { return m.entity }
                    j = m.tokens.lowerBound - 1
                    continue
                }
                j -= 1
            }
        }
        let current = sentenceSubject[s]
        if current >= 0, compatible(Int(current)), firstMention(of: Int(current), in: s, before: index) {
            return Int(current)
        }
        if !wantsPerson, let e = latestGroupMention(before: index, from: field.sentences[s].tokens.lowerBound, where: compatible) {
            // "He said he had spoken with the National Unity Government and that they …": when
            // the sentence's own subject cannot be meant, an actor named earlier in it comes
            // before the subjects of earlier sentences.
            return e
        }
        var k = s - 1
        while k >= max(0, s - 6) {
            let subject = sentenceSubject[k]
            if subject >= 0, compatible(Int(subject)) { return Int(subject) }
            k -= 1
        }
        // Fall back to the latest compatible mention before the pronoun; for "it" and "they",
        // not a place named after a preposition ("talks in Geneva … it says").
        var j = index - 1
        let lowest = max(0, index - 200)
        while j >= lowest {
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                let before = m.tokens.lowerBound - 1
                let place = entities[m.entity].type == .gpe && before >= 0 && classes[before].contains(.preposition)
                if compatible(m.entity), wantsPerson || (!place && !isModifier(m)) {
                    return m.entity
                }
            }
            j -= 1
        }
        return -1
    }

    /// Whether the singular "it" / "its" at `index`, with no name before it in its sentence,
    /// continues a thing: the sentence before opens with a common noun phrase that is no
    /// actor ("The 28-point draft, first reported last week, would require …", "The second
    /// agreement, known as Minsk II, …") and has no actor subject, or opens with an "it" that
    /// already refers to no actor.
    func isThingPronoun(at index: Int, sentence s: Int) -> Bool {
        let lower = field.tokens[index].lower
        guard lower == "it" || lower == "its", s > 0, sentenceSubject[s - 1] < 0 else { return false }
        let here = field.sentences[s].tokens
        for j in here.lowerBound..<index where mentionAt[j] >= 0 || demonymAt[j] >= 0 { return false }
        let previous = field.sentences[s - 1].tokens
        guard !previous.isEmpty else { return false }
        if field.tokens[previous.lowerBound].lower == "it" { return true }
        return opensWithThing(previous)
    }

    /// Whether the sentence with tokens `range` opens with a common noun phrase that is no
    /// actor: a determiner and lowercase words up to a comma, a verb-like word or five words,
    /// none a name, demonym, holder noun, title or pronoun ("The 28-point draft, …").
    func opensWithThing(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let first = range.lowerBound
        let opener = field.tokens[first].lower
        guard opener == "the" || opener == "a" || opener == "an" || opener == "this" || opener == "that" else {
            return false
        }
        var j = first + 1
        var words = 0
        while j < range.upperBound, words < 5 {
            if punct[j] != 0 || classes[j].contains(.auxiliary) || classes[j].contains(.beVerb)
                || classes[j].contains(.speechVerb)
            {
                break
            }
            if mentionAt[j] >= 0 || demonymAt[j] >= 0 || capital[j] { return false }
            let c = classes[j]
            if c.contains(.holderNoun) || c.contains(.title) || c.contains(.groupPronoun) || c.contains(.personPronoun) {
                return false
            }
            if wordLike[j] { words += 1 }
            j += 1
        }
        return words > 0
    }

    /// The latest mention between `lower` and `index` passing `accepts`, not a place named
    /// after a preposition ("talks in Geneva"), not a name owning a noun ("Ukraine's allies").
    func latestGroupMention(before index: Int, from lower: Int, where accepts: (Int) -> Bool) -> Int? {
        var j = index - 1
        while j >= lower {
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                let before = m.tokens.lowerBound - 1
                let place = entities[m.entity].type == .gpe && before >= 0 && classes[before].contains(.preposition)
                let owner = m.tokens.upperBound < kind.count && kind[m.tokens.upperBound] == .possessive
                // "An official told Reuters it would …": the outlet told is no actor meant.
                if accepts(m.entity), !place, !owner, !isListener(m), !isModifier(m) { return m.entity }
                j = m.tokens.lowerBound - 1
                continue
            }
            j -= 1
        }
        return nil
    }

    /// The nearest country or organisation named (or given by a demonym) between `floor` and
    /// token `end` that passes `accepts`: the affiliation of a speaker described there
    /// ("EU foreign policy chief Kaja Kallas", "Saudi Arabia's foreign minister, …").
    func affiliation(before end: Int, floor: Int, where accepts: (Int) -> Bool) -> Int? {
        var j = end - 1
        while j >= floor {
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                if accepts(m.entity) { return m.entity }
                j = m.tokens.lowerBound - 1
                continue
            }
            if demonymAt[j] >= 0, accepts(Int(demonymAt[j])) { return Int(demonymAt[j]) }
            j -= 1
        }
        return nil
    }

    /// Whether a mention only modifies the noun after it ("the Donetsk region", "the Geneva
    /// talks", "the Minsk agreements"): no actor a pronoun can mean.
    func isModifier(_ m: ResolvedMention) -> Bool {
        let after = m.tokens.upperBound
        return after < kind.count && classes[after].contains(.modifiedNoun) && !capital[after]
    }

    /// Whether token `j` is the punctuation mark `mark`.
    func isPunctuation(_ j: Int, _ mark: Unicode.Scalar) -> Bool {
        kind[j] == .punctuation && field.scalars[field.tokens[j].start] == mark
    }

    /// The "(" opening the bracket closed by the ")" at `close`, searching no lower than
    /// `lowest`, or `nil`.
    func bracketOpen(closedAt close: Int, lowest: Int) -> Int? {
        var k = close - 1
        while k > lowest {
            if isPunctuation(k, "(") { return k }
            k -= 1
        }
        return nil
    }

    /// Whether entity `e` is mentioned in sentence `s` before token `index`.
    func firstMention(of e: Int, in s: Int, before index: Int) -> Bool {
        var j = max(field.sentences[s].tokens.lowerBound, index - 60)
        while j < index {
            if mentionAt[j] >= 0, mentions[Int(mentionAt[j])].entity == e { return true }
            j += 1
        }
        // A pronoun subject resolved from earlier text is not mentioned in the sentence.
        return false
    }

    /// Whether a mention can be a clause subject: a name not owned by a possessive ("Ukraine's
    /// future") and not the object of a preposition ("talks with Russia"), looking past
    /// titles and demonyms ("to Russian President Vladimir Putin").
    func isEligibleSubject(mention m: ResolvedMention) -> Bool {
        let tokens = field.tokens
        let after = m.tokens.upperBound
        if after < tokens.count, kind[after] == .possessive { return false }
        // "the Kursk operation had been intended to …": the name modifies the noun after it.
        if after < tokens.count, classes[after].contains(.modifiedNoun), !capital[after] { return false }
        // "US-Russia negotiations": names joined by a dash modify a noun.
        if after + 1 < tokens.count, kind[after] == .dash, mentionAt[after + 1] >= 0 { return false }
        let before = m.tokens.lowerBound
        if before >= 2, kind[before - 1] == .dash, mentionAt[before - 2] >= 0 { return false }
        let sentenceStart = field.sentences[tokens[m.tokens.lowerBound].sentence].tokens.lowerBound
        var j = m.tokens.lowerBound - 1
        var looked = 0
        while j >= sentenceStart, looked < 5 {
            let c = classes[j]
            if c.contains(.preposition) || c.contains(.agentMarker) || c.contains(.beneficiaryMarker) {
                // "Secretary of State Marco Rubio": a preposition inside a title (not "Carlo
                // Calenda of Azione", where the word before is a name).
                let inTitle = j > sentenceStart && capital[j - 1] && capital[j + 1] && mentionAt[j - 1] < 0
                // "…, with Kim Yo Jong saying …": the speaker of an absolute "with" clause.
                if !inTitle { return tokens[j].lower == "with" && speaksInGerund(after: after) }
            }
            if c.contains(.title) || c.contains(.filler) || demonymAt[j] >= 0 || mentionAt[j] >= 0
                || capital[j]
            {
                looked += 1
                j -= 1
                continue
            }
            // "a meeting between President Zelensky and President Putin": the second name of a
            // pair after a preposition is its object too.
            if c.contains(.coordinator), isSecondOfPrepositionalPair(coordinator: j, floor: sentenceStart) { return false }
            break
        }
        return true
    }

    /// Whether the relative pronoun at `opener` is "which" and the name before it a person's:
    /// "the call between Trump and Putin, which was under way": "which" is the call, not Putin.
    func isWhichAfterPerson(_ m: ResolvedMention, opener: Int) -> Bool {
        field.tokens[opener].lower == "which" && entities[m.entity].type == .person
    }

    /// Whether a speech verb in "-ing" follows token `after` right away or past an appositive
    /// closed by a comma: "with Zelensky saying", "with the envoy, a former minister, adding".
    func speaksInGerund(after: Int) -> Bool {
        let tokens = field.tokens
        var v = after
        if v < tokens.count, punct[v] == Self.comma {
            var j = v + 1
            let hi = min(tokens.count, v + 16)
            while j < hi, kind[j] != .punctuation { j += 1 }
            guard j < hi, punct[j] == Self.comma else { return false }
            v = j + 1
        }
        return v < tokens.count && classes[v].contains(.speechVerb) && tokens[v].lower.hasSuffix("ing")
    }

    /// The entity owning a demonym within the three words before a holder noun ("a senior
    /// Ukrainian official", "Russian officials"), if it is a country of the article.
    func demonymOwner(before index: Int) -> Int? {
        var j = index - 1
        var looked = 0
        let floor = field.sentences[field.tokens[index].sentence].tokens.lowerBound
        while j >= floor, looked < 3 {
            if demonymAt[j] >= 0 {
                let e = Int(demonymAt[j])
                return entities[e].type == .gpe ? e : nil
            }
            if mentionAt[j] >= 0 || !wordLike[j] { return nil }
            looked += 1
            j -= 1
        }
        return nil
    }

    /// Holders coordinated before the holder phrase starting at `start`: "Russia and the
    /// United States", "U.S. and Russian officials".
    func coordinatedHolders(before start: Int, into holders: inout [Int]) {
        var j = start - 1
        let floor = field.sentences[field.tokens[start].sentence].tokens.lowerBound
        var rounds = 0
        // Skip titles before the name found: "and British Prime Minister Keir Starmer".
        while j >= floor, mentionAt[j] < 0, classes[j].contains(.title) || demonymAt[j] >= 0 || capital[j] { j -= 1 }
        // "Ukraine, Poland and the Baltic states urged": a list that goes on after the holder
        // found (with no name) starts before it.
        let goesOn = listGoesOn(after: start)
        while j >= floor, rounds < 3 {
            // Skip "the", "both".
            while j >= floor, classes[j].contains(.filler), mentionAt[j] < 0 { j -= 1 }
            // A list ends with "and": "Russia, China and Iran", not "in Warsaw, Canada".
            guard j >= floor, classes[j].contains(.coordinator) || (punct[j] == Self.comma && (rounds > 0 || goesOn)) else {
                return
            }
            let openingComma = rounds == 0 && !classes[j].contains(.coordinator)
            j -= 1
            while j >= floor, classes[j].contains(.filler), mentionAt[j] < 0 { j -= 1 }
            guard j >= floor else { return }
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                guard isHolderType(m.entity), kind[m.tokens.upperBound] != .possessive else { return }
                // "In Warsaw, Poland and the Baltic states": a place after a preposition is no member.
                if openingComma, m.tokens.lowerBound > floor, classes[m.tokens.lowerBound - 1].contains(.preposition) { return }
                if !holders.contains(m.entity) { holders.append(m.entity) }
                j = m.tokens.lowerBound - 1
            } else if demonymAt[j] >= 0, entities[Int(demonymAt[j])].type == .gpe {
                let e = Int(demonymAt[j])
                if !holders.contains(e) { holders.append(e) }
                j -= 1
            } else {
                return
            }
            rounds += 1
        }
    }

    /// The holder phrase nearest before `index` in its clause: a subject name, a pronoun, an
    /// unnamed official, or the antecedent of "which"/"who". Stops at a clause boundary, a
    /// "that" or a speech verb (the frame's speaker is found separately).
    func localSubject(before index: Int, floor: Int) -> [Int] {
        // "The UAE denies arming the RSF and says it …": a verb coordinated with an earlier
        // one shares the sentence subject.
        if index - 2 >= floor, classes[index - 1].contains(.coordinator), demonymAt[index - 2] < 0 {
            let s = field.tokens[index].sentence
            let subject = Int(sentenceSubject[s])
            if subject >= 0, firstMention(of: subject, in: s, before: index) { return [subject] }
        }
        var j = index - 1
        let limit = max(floor, index - configuration.maxHolderDistance)
        while j >= limit {
            let c = classes[j]
            // "“We will never trust NATO again,” the group said": the subject is not inside the
            // quote its clause attributes.
            if kind[j] == .quote, j >= 1, quoteAt[j - 1] >= 0, punct[j - 1] == Self.comma { return [] }
            if kind[j] == .punctuation, punct[j] == Self.comma, let head = appositiveHead(closingAt: j, floor: floor) {
                var holders = [head.entity]
                coordinatedHolders(before: head.start, into: &holders)
                return holders
            }
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                if isHolderType(m.entity), isEligibleSubject(mention: m), !isInsideTopic(m) {
                    var holders = [m.entity]
                    coordinatedHolders(before: m.tokens.lowerBound, into: &holders)
                    return holders
                }
                j = m.tokens.lowerBound - 1
                continue
            }
            if c.contains(.firstPersonPronoun), quoteAt[j] < 0, let speaker = speakerLabel(before: j) {
                return [speaker]  // "GROSSI: … I support …"
            }
            if c.contains(.personPronoun) || c.contains(.groupPronoun), !c.contains(.possessivePronoun) {
                let r = resolvePronoun(at: j)
                return r >= 0 ? [r] : []
            }
            if c.contains(.holderNoun), let e = possessorOfHolderNoun(at: j, floor: floor) {
                // "Trump's administration", "Ukraine's position", "Israel's new government",
                // "Sudan's army-led government".
                return [e]
            }
            // "the president", "the ministry", "the party", "the group": a description of an
            // actor named before.
            if c.contains(.title) || c.contains(.holderNoun) || c.contains(.organizationDescription)
                || (wordLike[j] && Self.organizationHeads.contains(lowerOf: field.tokens[j])),
                let e = definiteReferent(at: j), isHolderType(e)
            {
                return [e]
            }
            if let pair = pairReferents(at: j) { return pair }  // "both sides", "the two leaders"
            if c.contains(.holderNoun), let owner = demonymOwner(before: j) {
                var holders = [owner]
                var start = j - 1
                while start > floor, demonymAt[start] < 0 { start -= 1 }
                coordinatedHolders(before: start, into: &holders)
                return holders
            }
            if c.contains(.relativePronoun) {
                // "Turkey, which has offered ...": the antecedent right before; "Saudi Arabia
                // and Qatar, both of which have …": all of a list.
                var k = j - 1
                var quantified = false
                if k >= 2, field.tokens[k].lower == "of", ["both", "all", "each"].contains(field.tokens[k - 1].lower) {
                    k -= 2
                    quantified = true
                }
                if k >= 0, punct[k] == Self.comma { k -= 1 }
                if k >= 0, mentionAt[k] >= 0 {
                    let m = mentions[Int(mentionAt[k])]
                    if isHolderType(m.entity), !isWhichAfterPerson(m, opener: j) {
                        var holders = [m.entity]
                        if quantified { coordinatedHolders(before: m.tokens.lowerBound, into: &holders) }
                        return holders
                    }
                }
                return []
            }
            // "… but emphasized", "but was considering": an elided subject is the one before.
            if c.contains(.clauseBoundary), index - j > 3, !isParenthetical(j) { return [] }
            if c.contains(.complementizer) || c.contains(.speechVerb) { return [] }
            if kind[j] == .punctuation, punct[j] == Self.semicolon || punct[j] == Self.colon { return [] }
            j -= 1
        }
        return []
    }

    /// The named possessor of a holder noun: "Trump's administration", past up to two plain
    /// modifiers ("Israel's new government", "Sudan's army-led government").
    func possessorOfHolderNoun(at noun: Int, floor: Int) -> Int? {
        var k = noun - 1
        var modifiers = 0
        while k > floor, kind[k] != .possessive {
            if kind[k] == .dash, k + 1 < noun, k - 1 > floor, wordLike[k - 1] {
                k -= 1
                continue
            }
            let plain = classes[k].contains(.filler)
                || (wordLike[k] && !capital[k] && !inCue[k] && topicAt[k] < 0 && mentionAt[k] < 0 && demonymAt[k] < 0
                    && classes[k].isDisjoint(with: [.preposition, .coordinator, .negator, .clauseBoundary, .speechVerb,
                        .complementizer, .auxiliary, .beVerb, .relativePronoun]))
            guard plain, modifiers < 2 else { return nil }
            modifiers += 1
            k -= 1
        }
        guard k >= 1, kind[k] == .possessive, mentionAt[k - 1] >= 0 else { return nil }
        let e = mentions[Int(mentionAt[k - 1])].entity
        return isHolderType(e) ? e : nil
    }

    /// Whether a name is the first word of a topic that goes on after it ("renounced NATO
    /// membership and accepted …": NATO is not the subject), not a subject before its verb.
    func isInsideTopic(_ m: ResolvedMention) -> Bool {
        let start = m.tokens.lowerBound
        let next = m.tokens.upperBound
        guard topicAt[start] >= 0 else { return false }
        if topicMatches[Int(topicAt[start])].start < start { return true }  // "renounced NATO"
        guard next < field.tokens.count, topicAt[next] == topicAt[start] else { return false }
        return !(classes[next].contains(.speechVerb) || classes[next].contains(.auxiliary) || kind[next] == .possessive)
    }

    /// "Ramtane Lamamra, the UN envoy for Sudan, said", "Pablo Beltrán, who led the delegation,
    /// told": the comma at `comma` closes an appositive ("the …", "a …", a title) or a
    /// relative clause after a holder name, which is the subject.
    func appositiveHead(closingAt comma: Int, floor: Int) -> (entity: Int, start: Int)? {
        if let head = restatedHead(closingAt: comma, floor: floor) { return head }
        var j = comma - 1
        let lowest = max(floor, comma - 16)
        while j > lowest {
            if classes[j].contains(.speechVerb) || classes[j].contains(.complementizer) { return nil }
            if isPunctuation(j, ")") {
                // "secretary of the Democratic Party (PD),": an acronym in brackets is part of
                // the appositive.
                guard let open = bracketOpen(closedAt: j, lowest: lowest) else { return nil }
                j = open - 1
                continue
            }
            if kind[j] == .punctuation {
                guard punct[j] == Self.comma, j + 1 < comma, mentionAt[j - 1] >= 0 else { return nil }
                let opener = field.tokens[j + 1].lower
                guard opener == "the" || opener == "a" || opener == "an" || classes[j + 1].contains(.title)
                    || classes[j + 1].contains(.relativePronoun)
                else { return nil }
                let m = mentions[Int(mentionAt[j - 1])]
                guard isHolderType(m.entity), isEligibleSubject(mention: m), !isWhichAfterPerson(m, opener: j + 1) else {
                    return nil
                }
                return (m.entity, m.tokens.lowerBound)
            }
            j -= 1
        }
        return nil
    }

    /// Words that open an appositive restating the name before it ("the Polisario Front,
    /// formally the Popular Front for …, said"; "the alliance, that is A, B and C, announced";
    /// "X, better known as Y, said"): the name before the comma is the subject, not a name
    /// inside the restatement.
    static let restatementOpeners: WordSet = ["formally", "officially", "namely", "i.e.", "aka"]

    /// The head of a restating appositive closed by the comma at `comma`: a holder name, a
    /// comma, then "formally", "officially", "namely", "that is", "(also / better) known as".
    /// The restatement may hold its own commas and names (a list of members).
    func restatedHead(closingAt comma: Int, floor: Int) -> (entity: Int, start: Int)? {
        var j = comma - 1
        let lowest = max(floor + 1, comma - 32)
        while j > lowest {
            if classes[j].contains(.speechVerb) { return nil }
            if kind[j] == .punctuation, punct[j] == Self.semicolon || punct[j] == Self.colon { return nil }
            if kind[j] == .punctuation, punct[j] == Self.comma, j + 1 < comma, mentionAt[j - 1] >= 0 {
                let first = field.tokens[j + 1].lower
                var opens = Self.restatementOpeners.contains(lowerOf: field.tokens[j + 1])
                if first == "that", j + 2 < comma, field.tokens[j + 2].lower == "is" { opens = true }
                if first == "known", j + 2 < comma, field.tokens[j + 2].lower == "as" { opens = true }
                if first == "also" || first == "better" || first == "formally", j + 3 < comma, field.tokens[j + 2].lower == "known",
                    field.tokens[j + 3].lower == "as"
                {
                    opens = true
                }
                if opens {
                    let m = mentions[Int(mentionAt[j - 1])]
                    guard isHolderType(m.entity), isEligibleSubject(mention: m) else { return nil }
                    return (m.entity, m.tokens.lowerBound)
                }
            }
            j -= 1
        }
        return nil
    }

    // MARK: - Quotes

    mutating func findQuotes() {
        let tokens = field.tokens
        var openAt = -1
        var spans: [(Int, Int)] = []
        for i in tokens.indices where kind[i] == .quote {
            switch tokens[i].text {
            case "\u{201C}", "\u{00AB}", "\u{201E}":
                openAt = i
            case "\u{201D}", "\u{00BB}":
                if openAt >= 0 { spans.append((openAt, i)) }
                openAt = -1
            case "\"":
                if openAt >= 0 {
                    spans.append((openAt, i))
                    openAt = -1
                } else {
                    openAt = i
                }
            default:
                break
            }
        }
        for (open, close) in spans {
            var words = 0
            for t in (open + 1)..<close where wordLike[t] { words += 1 }
            guard words >= configuration.minimumQuoteWords else { continue }
            let index = Int32(quoteSpans.count)
            quoteSpans.append(QuoteSpan(open: open, close: close, speaker: -1))
            for t in (open + 1)..<close { quoteAt[t] = index }
        }
        for q in quoteSpans.indices {
            quoteSpans[q].speaker = Int32(speaker(ofQuote: quoteSpans[q]))
        }
        for span in quoteSpans where quotes.count < configuration.maxQuotes {
            let start = tokens[span.open].end
            var end = tokens[span.close].start
            if end - start > configuration.maxQuoteCharacters { end = start + configuration.maxQuoteCharacters }
            let speakerId = span.speaker >= 0 ? entities[Int(span.speaker)].id : nil
            quotes.append(Quote(speaker: speakerId, text: text(start, end), field: field.field, start: start, end: end))
        }
    }

    /// The speaker of a quote: "…," X said / said X after it, or X said: "…" before it.
    func speaker(ofQuote span: QuoteSpan) -> Int {
        let tokens = field.tokens
        // After: up to 12 tokens, not past another quote, a line break or the sentence end.
        var j = span.close + 1
        let upper = min(tokens.count, span.close + 13)
        while j < upper {
            if kind[j] == .quote || tokens[j].followsNewline || tokens[j].sentence != tokens[span.close].sentence { break }
            if classes[j].contains(.speechVerb), mentionAt[j] < 0 {
                let before = localSubject(before: j, floor: span.close + 1)
                if let first = before.first { return first }
                // "X called it “…” and said Zelensky was …": a coordinated speech verb shares
                // the subject before the quote; the name after it opens the reported clause.
                if j > span.close + 1, classes[j - 1].contains(.coordinator) {
                    let floor = field.sentences[tokens[span.open].sentence].tokens.lowerBound
                    return localSubject(before: span.open, floor: floor).first ?? -1
                }
                if let after = nameAfter(j) { return after }
                break
            }
            j += 1
        }
        // Before: a speech verb within three tokens of the opening quote.
        var k = span.open - 1
        let lower = max(0, span.open - 4)
        while k >= lower {
            if kind[k] == .quote { break }
            if classes[k].contains(.speechVerb), mentionAt[k] < 0 {
                let floor = field.sentences[tokens[k].sentence].tokens.lowerBound
                if let first = localSubject(before: k, floor: floor).first { return first }
                if let after = nameAfter(k), after != -1 { return after }
                break
            }
            k -= 1
        }
        return -1
    }

    /// The holder named right after token `index` ("said Lavrov", "said the Kremlin's
    /// spokesperson"), skipping titles and fillers.
    func nameAfter(_ index: Int) -> Int? {
        var j = index + 1
        var looked = 0
        while j < field.tokens.count, looked < 4 {
            if mentionAt[j] >= 0 {
                let e = mentions[Int(mentionAt[j])].entity
                return isHolderType(e) ? e : nil
            }
            if classes[j].contains(.title) || classes[j].contains(.filler) || demonymAt[j] >= 0 {
                if classes[j].contains(.holderNoun), demonymAt[j - 1] >= 0 { return Int(demonymAt[j - 1]) }
                looked += 1
                j += 1
                continue
            }
            if classes[j].contains(.holderNoun), j > 0, demonymAt[j - 1] >= 0, entities[Int(demonymAt[j - 1])].type == .gpe {
                return Int(demonymAt[j - 1])
            }
            return nil
        }
        return nil
    }
}
