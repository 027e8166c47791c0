/// The words of the stance lexicon, each with an integer id, and the surface forms that map
/// to them.
///
/// Lexicon entries are written in base form ("demand", "security guarantee"); loading
/// generates regular inflections ("demands", "demanded", "demanding", "guarantees") and British
/// spellings ("criticise"), plus any irregular forms the data lists ("sought"). At extraction
/// time each token costs one dictionary lookup of its lowercased text.
struct StanceVocabulary: Sendable {
    /// Word id for "not a lexicon word".
    static let none: Int32 = -1

    /// Base forms, indexed by id.
    private(set) var lemmas: [String] = []
    /// Surface forms written in the data, which win over generated ones.
    private var explicit: [String: Int32] = [:]
    /// Generated inflections.
    private var generated: [String: Int32] = [:]
    /// Open-addressing table built by ``finalize()``: each slot packs the top 40 bits of a
    /// 64-bit FNV-1a hash of the form's UTF-8 with its id + 1 in the low 24 bits (0 marks an
    /// empty slot), so a lookup touches one 8-byte slot and hashes in a few nanoseconds. With
    /// a few thousand forms a 40-bit collision with an unrelated word is negligible.
    private var slots: [UInt64] = [0]
    private var mask = 0
    /// A 64 Kbit presence filter on 16 hash bits: most words of a text are not lexicon
    /// words, and this rejects them from L1 cache without touching the larger table.
    private var filter = [UInt64](repeating: 0, count: 1024)
    private static let idBits: UInt64 = 0xFF_FFFF

    /// The id of a surface form (already lowercased), or ``none``.
    @inline(__always)
    func id(of lower: String) -> Int32 {
        // No lexicon word is this long; skip hashing it.
        if lower.utf8.count > 24 { return Self.none }
        return id(of: lower, hash: WordHash.of(lower))
    }

    /// The id of a surface form whose ``WordHash`` is `hash` (a token's ``Token/lowerHash``).
    @inline(__always)
    func id(of lower: String, hash: UInt64) -> Int32 {
        if lower.utf8.count > 24 { return Self.none }
        let h = (hash == 0 ? 1 : hash) & ~Self.idBits
        let bit = Int(truncatingIfNeeded: h >> 24) & 0xFFFF
        if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return Self.none }
        var i = Int(truncatingIfNeeded: h >> 40) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return Self.none }
            if slot & ~Self.idBits == h { return Int32(truncatingIfNeeded: slot & Self.idBits) - 1 }
            i = (i + 1) & mask
        }
    }

    /// ``WordHash``, never 0 (an empty slot).
    @inline(__always)
    private static func hash(_ s: String) -> UInt64 {
        let h = WordHash.of(s)
        return h == 0 ? 1 : h
    }

    /// Declares every word the lexicon uses before any ``intern(_:)``, so that a word that
    /// is an inflection of another ("troops" of "troop", "called" of "call") shares its id
    /// whatever the order the data lists them in.
    mutating func declare(_ words: Set<String>) {
        var formOf: [String: String] = [:]
        for word in words.sorted() {
            for form in Self.inflections(of: word) where words.contains(form) && formOf[form] == nil {
                formOf[form] = word
            }
        }
        for word in words.sorted() where formOf[word] == nil { _ = intern(word) }
        for (form, base) in formOf.sorted(by: { $0.key < $1.key }) {
            // Follow chains ("deployments" → "deployment" → …) to a base that is a lemma.
            var root = base
            var steps = 0
            while let next = formOf[root], steps < 4 {
                root = next
                steps += 1
            }
            if explicit[form] == nil, let id = explicit[root] { explicit[form] = id }
        }
    }

    /// The id of a base form, adding it (with its inflections) if new.
    mutating func intern(_ lemma: String) -> Int32 {
        if let existing = explicit[lemma] { return existing }
        let id = Int32(lemmas.count)
        lemmas.append(lemma)
        explicit[lemma] = id
        if lemma.contains("'") {
            explicit[lemma.replacingOccurrences(of: "'", with: "\u{2019}")] = id
        }
        for form in Self.inflections(of: lemma) where generated[form] == nil {
            generated[form] = id
        }
        return id
    }

    /// Maps an irregular form ("sought") to the id of `lemma` ("seek").
    mutating func addForm(_ form: String, of lemma: String) {
        let id = intern(lemma)
        if explicit[form] == nil { explicit[form] = id }
    }

    /// Builds the lookup table; call once after the last ``intern(_:)``.
    mutating func finalize() {
        var table = generated
        for (form, id) in explicit { table[form] = id }
        var capacity = 16
        while capacity < table.count * 2 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        for (form, id) in table {
            let h = Self.hash(form) & ~Self.idBits
            var i = Int(truncatingIfNeeded: h >> 40) & mask
            while slots[i] != 0 && slots[i] & ~Self.idBits != h { i = (i + 1) & mask }
            slots[i] = h | (UInt64(id + 1) & Self.idBits)
            let bit = Int(truncatingIfNeeded: h >> 24) & 0xFFFF
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// The number of distinct base forms.
    var count: Int { lemmas.count }

    /// Regular English inflections of a base form: plural / third person, past, gerund, and
    /// `-ise`/`-ize` spelling variants. Over-generation is harmless: nonsense forms never occur.
    static func inflections(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        // Two-letter function words ("it", "us") have no inflections ("its" is not "it").
        guard scalars.count >= 3, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { return [] }
        var out: [String] = []
        func add(_ s: String) { if s != word { out.append(s) } }
        let last = scalars[scalars.count - 1]
        let beforeLast = scalars[scalars.count - 2]
        let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]
        let stem = String(String.UnicodeScalarView(scalars.dropLast()))
        // Plural / third person singular.
        if last == "y", !vowels.contains(beforeLast) {
            add(stem + "ies")
            add(stem + "ied")
        } else if ["s", "x", "z"].contains(last) || word.hasSuffix("ch") || word.hasSuffix("sh") {
            add(word + "es")
        } else {
            add(word + "s")
        }
        // Past and gerund.
        if last == "e" {
            add(word + "d")
            add(stem + "ing")
        } else {
            add(word + "ed")
            add(word + "ing")
            // Consonant doubling for short consonant-vowel-consonant endings: stop, commit, ban.
            if scalars.count >= 3, !vowels.contains(last), !["w", "x", "y"].contains(last), vowels.contains(beforeLast),
                !vowels.contains(scalars[scalars.count - 3])
            {
                add(word + String(last) + "ed")
                add(word + String(last) + "ing")
            }
        }
        // British / American spelling of -ize verbs and -yse.
        if word.hasSuffix("ize") || word.hasSuffix("ise") {
            let base = String(word.dropLast(3))
            let other = base + (word.hasSuffix("ize") ? "ise" : "ize")
            for form in [other, other + "s", other + "d", String(other.dropLast()) + "ing"] { add(form) }
        }
        return out
    }
}
