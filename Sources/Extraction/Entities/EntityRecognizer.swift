/// Finds, types and merges the named entities of one article.
///
/// Pass 1 walks every sentence once: knowledge-base names (longest match, case rules),
/// person titles, demonyms, and runs of capitalised words the knowledge base lacks, typed
/// from their shape and context (titles, first names, "said", appositions, organisation and
/// place suffixes, locative prepositions). Capitals decide between place and government
/// (metonymy). Pass 2 resolves surnames, acronyms defined in parentheses and names in
/// headline-case lines against the names found in pass 1. Linear in the article's tokens.
struct EntityRecognizer {
    /// The most tokens an unseen name may have ("Organisation for the Prohibition of Chemical Weapons" has 7).
    static let maxNameTokens = 16
    /// The most Unicode scalars an unseen name may have; longer "words" are not names.
    static let maxNameScalars = 64

    let kb: KnowledgeBase
    let maxMentionsPerEntity: Int
    let maxEntities: Int
    /// Mentions listed over all entities of an article (`mention_count` still counts all).
    var maxTotalMentions = 512

    /// What a span refers to.
    enum Target: Hashable {
        case kb(Int)
        case local(Int)
    }

    struct Span {
        var field: Int
        var tokens: Range<Int>
        var target: Target
        var isMetonym: Bool
        /// Scalar offsets, set when the span is recorded.
        var start = 0
        var end = 0
    }

    /// A name the knowledge base lacks.
    struct Local {
        var name: String
        var slug: String
        var wordCount: Int
        var votes: [EntityType: Int] = [:]
        var type: EntityType {
            var best: (EntityType, Int)? = nil
            for t in [EntityType.person, .org, .gpe, .loc] {
                if let v = votes[t], v > (best?.1 ?? 0) { best = (t, v) }
            }
            return best?.0 ?? .org
        }
    }

    /// A one-word name found in pass 1, resolved in pass 2 (surname of a full name, or new).
    struct PendingSingle {
        var field: Int
        var token: Int
        var type: EntityType
        var strength: Int
    }

    private struct State {
        var spans: [Span] = []
        var covered: [[Bool]]
        var locals: [Local] = []
        var localBySlug: [String: Int] = [:]
        var aliasTable: [String: Target] = [:]
        /// First key of a local alias → the most tokens such an alias has.
        var aliasFirst: [String: Int] = [:]

        /// Registers a local alias (joined match keys) unless taken.
        mutating func register(_ keys: ArraySlice<String>, _ target: Target) {
            let joined = keys.count == 1 ? keys.first! : keys.joined(separator: "\u{1F}")
            guard aliasTable[joined] == nil, let first = keys.first else { return }
            aliasTable[joined] = target
            aliasFirst[first] = max(aliasFirst[first] ?? 0, keys.count)
        }
        var pendingSingles: [PendingSingle] = []
    }

    func analyze(_ fields: [AnalyzedField]) -> EntityAnalysis {
        let vocabulary = kb.vocabulary
        var keys: [[String]] = []
        var ids: [[Int32]] = []
        keys.reserveCapacity(fields.count)
        ids.reserveCapacity(fields.count)
        for f in fields {
            var fieldKeys: [String] = []
            var fieldIds: [Int32] = []
            fieldKeys.reserveCapacity(f.tokens.count)
            fieldIds.reserveCapacity(f.tokens.count)
            for t in f.tokens {
                let k = MatchKey.keyAndHash(of: t)
                fieldKeys.append(k.key)
                fieldIds.append(vocabulary.id(k.key, hash: k.hash))
            }
            keys.append(fieldKeys)
            ids.append(fieldIds)
        }
        var state = State(covered: fields.map { [Bool](repeating: false, count: $0.tokens.count) })

        // Pass 1
        for (fi, f) in fields.enumerated() {
            for s in f.sentences where !s.isBoilerplate {
                scan(sentence: s, field: fi, fields: fields, keys: keys[fi], ids: ids[fi], state: &state)
            }
        }

        // Surnames of people named in full, for pass 2.
        var givenNames: [(local: Int, word: Token)] = []
        for (li, l) in state.locals.enumerated() where l.type == .person && l.wordCount >= 2 {
            let parts = AnalyzedField(field: .body, text: l.name).tokens.filter { $0.kind == .word }
            if let first = parts.first { givenNames.append((li, first)) }
            // "Wang Yi" … "Wang said": a family name written first is the surname.
            if let first = parts.first, kb.names.familyNameFirst.contains(lowerOf: first) {
                if parts.count == 2, first.isCapitalized { state.register([MatchKey.of(first)], .local(li)) }
                continue
            }
            if let last = parts.last, last.isCapitalized, !kb.names.firstNames.contains(lowerOf: last) || parts.count > 2 {
                let k = MatchKey.of(last)
                state.register([k], .local(li))
            }
        }
        var kbPeople = Set<Int>()
        for s in state.spans { if case .kb(let e) = s.target, kb.entries[e].type == .person { kbPeople.insert(e) } }
        for e in kbPeople {
            let parts = kb.personNameWords[e]
            if parts.count == 2, let first = parts.first, kb.names.familyNameFirst.contains(lowerOf: first) {
                state.register([MatchKey.of(first)], .kb(e))
                continue
            }
            guard parts.count >= 2, let first = parts.first, !kb.names.familyNameFirst.contains(lowerOf: first) else { continue }
            let k = MatchKey.of(parts.last!)
            state.register([k], .kb(e))
        }
        registerGivenNames(locals: givenNames, kbPeople: kbPeople, &state)

        // Pass 2: local names on tokens pass 1 left.
        if !state.aliasTable.isEmpty {
            for fi in fields.indices {
                let toks = fields[fi].tokens
                let fieldKeys = keys[fi]
                for s in fields[fi].sentences where !s.isBoilerplate {
                    var i = s.tokens.lowerBound
                    while i < s.tokens.upperBound {
                        guard !state.covered[fi][i], toks[i].kind == .word, toks[i].isCapitalized,
                            let longest = state.aliasFirst[fieldKeys[i]]
                        else {
                            i += 1
                            continue
                        }
                        var n = min(longest, s.tokens.upperBound - i)
                        var found = false
                        while n >= 1 {
                            if (i..<(i + n)).allSatisfy({ !state.covered[fi][$0] }),
                                let target = state.aliasTable[n == 1 ? fieldKeys[i] : fieldKeys[i..<(i + n)].joined(separator: "\u{1F}")]
                            {
                                add(Span(field: fi, tokens: i..<(i + n), target: target, isMetonym: false), toks, &state)
                                i += n
                                found = true
                                break
                            }
                            n -= 1
                        }
                        if !found { i += 1 }
                    }
                }
            }
        }
        // Remaining one-word names become entities of their own.
        for p in state.pendingSingles where !state.covered[p.field][p.token] {
            let f = fields[p.field]
            let li = local(named: f.tokens[p.token].text, words: 1, type: p.type, strength: p.strength, &state)
            add(Span(field: p.field, tokens: p.token..<(p.token + 1), target: .local(li), isMetonym: false), f.tokens, &state)
        }
        return build(fields: fields, state: state)
    }

    // MARK: - Pass 1

    private func scan(sentence s: Sentence, field fi: Int, fields: [AnalyzedField], keys: [String], ids: [Int32], state: inout State) {
        let f = fields[fi]
        let toks = f.tokens
        let end = s.tokens.upperBound
        let headline = s.isTitleCase
        var firstWord = s.tokens.lowerBound
        while firstWord < end, !toks[firstWord].isWordLike { firstWord += 1 }
        if headline, f.field == .body {
            scanByline(s, firstWord: firstWord, field: fi, fields: fields, keys: keys, ids: ids, &state)
        }
        var i = s.tokens.lowerBound
        var pendingTitle = false
        var pendingDemonym: Int? = nil
        while i < end {
            let kind = toks[i].kind
            let capitalized = toks[i].isCapitalized
            if state.covered[fi][i] {
                pendingTitle = false
                i += 1
                continue
            }
            guard kind == .word || kind == .number else {
                if kind != .quote { pendingTitle = false }
                pendingDemonym = nil
                i += 1
                continue
            }
            // "United Nations Assistance Mission in Afghanistan (UNAMA)": a name spelled out by
            // the acronym after it is one organisation, known names and "in" inside it included.
            if kind == .word, capitalized, !headline,
                case let start = toks[i].lower == "the" ? i + 1 : i,
                let e = acronymSpelledRun(from: start, toks: toks, end: end),
                // A name or acronym the knowledge base knows is read as such.
                kb.entryIndex(named: toks[e + 1].text) == nil,
                kb.gazetteer.longestMatch(in: toks, ids: ids, at: start, limit: end).map({ start + $0.length < e }) ?? true
            {
                addOrganisation(start..<e, field: fi, fields: fields, keys: keys, end: end, &state)
                i = e
                pendingTitle = false
                pendingDemonym = nil
                continue
            }
            // Knowledge-base names.
            if let m = kb.gazetteer.longestMatch(in: toks, ids: ids, at: i, limit: end) {
                // "the Atlantic Alliance": a longer known name after "the" wins over one that
                // begins with "the" ("The Atlantic").
                if toks[i].lower == "the", let inner = kb.gazetteer.longestMatch(in: toks, ids: ids, at: i + 1, limit: end),
                    1 + inner.length > m.length
                {
                    i += 1
                    continue
                }
                let entryIndex = pick(m.aliases)
                // The fields read, not a copy of the entry (its strings and arrays).
                let entryType = kb.entries[entryIndex].type
                let entryIsCommonWord = kb.entries[entryIndex].isCommonWord
                let entryHasKbId = kb.entries[entryIndex].kbId != nil
                var accept = true
                if entryIsCommonWord, m.length == 1, i == firstWord || headline,
                    i + 1 < end, toks[i + 1].isCapitalized, !headline
                {
                    accept = false
                }
                if accept, entryType == .gpe || entryType == .loc, !entryHasKbId, i + m.length < end,
                    kb.names.treatyNouns.contains(lowerOf: toks[i + m.length])
                {
                    // "the Minsk accords", "the Normandy format": a named agreement, not the place
                    i += m.length + 1
                    continue
                }
                if accept, entryType == .org, i + m.length < end, toks[i + m.length].isCapitalized, !headline,
                    kb.gazetteer.longestMatch(in: toks, ids: ids, at: i + m.length, limit: end) == nil
                {
                    // "the United Nations Assistance Mission in Afghanistan", "the United Nations
                    // Mission for the Referendum in Western Sahara": a known organisation opening a
                    // longer one, whose own head word follows it.
                    let j = scanRun(from: i + m.length, toks: toks, keys: keys, ids: ids, end: end)
                    if j > i + m.length, j - i <= Self.maxNameTokens,
                        ((i + m.length)..<j).contains(where: { kb.names.orgHeads.contains(keys[$0]) || kb.names.orgSuffixes.contains(keys[$0]) }),
                        !((i + m.length)..<j).contains(where: { self.titleLength(at: $0, ids: ids, end: end) > 0 })
                    {
                        let a = toks[i].lower == "the" ? i + 1 : i  // an alias written with "the"
                        addOrganisation(a..<j, field: fi, fields: fields, keys: keys, end: end, &state)
                        i = j
                        pendingTitle = false
                        pendingDemonym = nil
                        continue
                    }
                }
                if accept, entryType == .gpe || entryType == .loc, i + m.length < end, toks[i + m.length].isCapitalized, !headline {
                    // "the Washington Institute", "Kyiv School of Economics": the place names an organisation
                    let j = scanRun(from: i, toks: toks, keys: keys, ids: ids, end: end)
                    if j > i + m.length,
                        kb.names.orgSuffixes.contains(keys[j - 1]) || kb.names.orgHeads.contains(keys[i + m.length])
                            || kb.names.locSuffixes.contains(keys[j - 1])  // "Algeria Square", "Sinai Peninsula"
                    {
                        classify(
                            i..<j, sentence: s, firstWord: firstWord, field: fi, fields: fields, keys: keys, afterTitle: false, ids: ids,
                            demonym: nil, &state)
                        i = j
                        pendingTitle = false
                        pendingDemonym = nil
                        continue
                    }
                }
                if accept {
                    var range = i..<(i + m.length)
                    // "Edmundo González Urrutia": a second surname the knowledge base does not
                    // write belongs to the known person's mention.
                    let k = range.upperBound
                    if entryType == .person, m.length >= 2, k < end, toks[k].kind == .word, toks[k].isCapitalized, !toks[k].isAllCaps,
                        !toks[k].followsNewline, !isCommon(toks[k]), kb.gazetteer.longestMatch(in: toks, ids: ids, at: k, limit: end) == nil,
                        self.titleLength(at: k, ids: ids, end: end) == 0, demonymLength(at: k, ids: ids, end: end) == nil,
                        k + 1 >= end || !(toks[k + 1].kind == .word && toks[k + 1].isCapitalized)
                    {
                        range = i..<(k + 1)
                    }
                    var target = Target.kb(entryIndex)
                    var metonym = false
                    if let gov = kb.metonymTarget[entryIndex], !isPlaceUse(range, toks: toks, ids: ids, sentence: s, inBody: f.field == .body) {
                        target = .kb(gov)
                        metonym = true
                    }
                    add(Span(field: fi, tokens: range, target: target, isMetonym: metonym), toks, &state)
                    defineAcronym(after: range, target: target, field: fi, toks: toks, keys: keys, end: end, &state)
                    i = range.upperBound
                    pendingTitle = false
                    pendingDemonym = nil
                    continue
                }
            }
            // Titles before a person's name ("Foreign Minister", "Gen.").
            let titleLength = self.titleLength(at: i, ids: ids, end: end)
            // "the neighbourhoods of Sheikh Maqsoud": after a place noun a title word is part of a place name.
            if titleLength > 0, settlementContext(before: i, toks: toks, floor: s.tokens.lowerBound) == nil {
                pendingTitle = true
                i += titleLength
                continue
            }
            // Demonyms and adjectives are not mentions.
            if capitalized, let n = demonymLength(at: i, ids: ids, end: end) {
                pendingDemonym = i
                i += n
                continue
            }
            if kind == .word, capitalized,
                !headline
                    || (kb.names.firstNames.contains(lowerOf: toks[i]) && i + 1 < end && toks[i + 1].isCapitalized && !isCommon(toks[i + 1]))
            {
                let j = scanRun(from: i, toks: toks, keys: keys, ids: ids, end: end, startsSentence: i == firstWord)
                classify(
                    i..<j, sentence: s, firstWord: firstWord, field: fi, fields: fields, keys: keys, afterTitle: pendingTitle,
                    ids: ids, demonym: pendingDemonym, &state)
                i = max(j, i + 1)
                pendingTitle = false
                pendingDemonym = nil
                continue
            }
            pendingTitle = false
            pendingDemonym = nil
            i += 1
        }
    }

    /// Records tokens `r` as an organisation the knowledge base lacks, with the acronym in
    /// brackets after it and its name as an alias for later mentions.
    private func addOrganisation(
        _ r: Range<Int>, field fi: Int, fields: [AnalyzedField], keys: [String], end: Int, _ state: inout State
    ) {
        let toks = fields[fi].tokens
        let words = r.filter { toks[$0].kind == .word && toks[$0].isCapitalized }.count
        let li = local(named: fields[fi].text(ofTokens: r), words: words, type: .org, strength: 3, &state)
        add(Span(field: fi, tokens: r, target: .local(li), isMetonym: false), toks, &state)
        defineAcronym(after: r, target: .local(li), field: fi, toks: toks, keys: keys, end: end, &state)
        state.register(keys[r], .local(li))
    }

    /// A byline line of the body, "Layla Ben Amor in Tripoli", "Elif Karaca for The Harbour
    /// Review", "Dario Ferrante in Rome and Joanna Kos in Warsaw": two to four name words that
    /// are no English words, then "in" and a known place or "for" and the outlet to the end of
    /// the line. The writer is a person and the outlet is typed like any name; headline case
    /// would otherwise hide both.
    private func scanByline(
        _ s: Sentence, firstWord: Int, field fi: Int, fields: [AnalyzedField], keys: [String], ids: [Int32], _ state: inout State
    ) {
        let toks = fields[fi].tokens
        let end = s.tokens.upperBound
        guard toks[firstWord].followsNewline || firstWord == 0 else { return }
        var i = firstWord
        while i < end {
            var k = i
            var words = 0
            while k < end, toks[k].kind == .word,
                toks[k].isCapitalized || (words > 0 && kb.names.nameParticles.contains(keys[k]))
            {
                if toks[k].isCapitalized {
                    guard !isCommon(toks[k]) || kb.names.firstNames.contains(lowerOf: toks[k]) else { return }
                    words += 1
                }
                k += 1
            }
            guard (2...4).contains(words), k + 1 < end, toks[k + 1].isCapitalized else { return }
            let marker = toks[k].lower
            if marker == "in" {
                guard let m = kb.gazetteer.longestMatch(in: toks, ids: ids, at: k + 1, limit: end),
                    kb.entries[pick(m.aliases)].type == .gpe
                else { return }
                classify(
                    i..<k, sentence: s, firstWord: firstWord, field: fi, fields: fields, keys: keys, afterTitle: true, ids: ids,
                    demonym: nil, &state)
                i = k + 1 + m.length
                guard i < end, toks[i].lower == "and", i + 1 < end else { return }
                i += 1
            } else if marker == "for" {
                var o = k + 1
                while o < end, toks[o].kind == .word, toks[o].isCapitalized || kb.names.nameConnectors.contains(keys[o]) { o += 1 }
                guard o == end || (o + 1 == end && toks[o].kind == .punctuation) else { return }
                classify(
                    i..<k, sentence: s, firstWord: firstWord, field: fi, fields: fields, keys: keys, afterTitle: true, ids: ids,
                    demonym: nil, &state)
                classify(
                    (k + 1)..<o, sentence: s, firstWord: k + 1, field: fi, fields: fields, keys: keys, afterTitle: false, ids: ids,
                    demonym: nil, &state)
                return
            } else {
                return
            }
        }
    }

    /// Prefers the canonical name, then the first loaded entry.
    private func pick(_ aliases: [Int32]) -> Int {
        var best = kb.gazetteer.aliases[Int(aliases[0])]
        for a in aliases.dropFirst() {
            let alias = kb.gazetteer.aliases[Int(a)]
            if alias.isCanonical && !best.isCanonical { best = alias }
        }
        return best.entry
    }

    private func demonymLength(at i: Int, ids: [Int32], end: Int) -> Int? {
        guard ids[i] >= 0 else { return nil }
        return kb.demonymTrie.longest(ids, from: i, limit: end)?.length
    }

    private func titleLength(at i: Int, ids: [Int32], end: Int) -> Int {
        guard ids[i] >= 0 else { return 0 }
        return kb.titleTrie.longest(ids, from: i, limit: end)?.length ?? 0
    }

    /// Whether a capital names the place ("talks held in Riyadh", "the Riyadh talks") rather
    /// than its government ("Moscow demands", "criticism from Kyiv").
    private func isPlaceUse(_ r: Range<Int>, toks: [Token], ids: [Int32], sentence s: Sentence, inBody: Bool) -> Bool {
        let next = r.upperBound < s.tokens.upperBound ? toks[r.upperBound] : nil
        if let next, next.kind == .possessive { return false }
        // A dateline: "SEOUL —", "BRUSSELS (Reuters) -", "KYIV, Ukraine —" at the start of a line.
        if inBody, toks[r.lowerBound].followsNewline, let next, next.kind == .dash || next.text == "(" || next.text == "," || next.text == "/" {
            return true
        }
        if inBody, toks[r.lowerBound].isAllCaps, r.lowerBound < 6, toks[r.lowerBound].sentence == 0 { return true }  // "WASHINGTON/BEIJING —"
        if let next, next.isWordLike, kb.names.eventNouns.contains(lowerOf: next) { return true }
        // "Moscow-based"
        if let next, next.kind == .dash, r.upperBound + 1 < s.tokens.upperBound, toks[r.upperBound + 1].lower == "based" { return true }
        // "Riyadh, Saudi Arabia"
        if let next, next.text == ",", r.upperBound + 1 < s.tokens.upperBound {
            let after = toks[r.upperBound + 1]
            if after.isCapitalized, let m = kb.gazetteer.longestMatch(in: toks, ids: ids, at: r.upperBound + 1, limit: s.tokens.upperBound),
                kb.entries[pick(m.aliases)].type == .gpe, kb.metonymTarget[pick(m.aliases)] == nil
            {
                return true
            }
        }
        var p = r.lowerBound - 1
        if p >= s.tokens.lowerBound, toks[p].lower == "the" { p -= 1 }
        guard p >= s.tokens.lowerBound else { return false }
        let prev = toks[p].lower
        if prev == "capital" || prev == "city" { return true }
        // "the streets of Nicosia", "large parts of Khartoum": a part of the place.
        if prev == "of", p - 1 >= s.tokens.lowerBound, kb.names.eventNouns.contains(lowerOf: toks[p - 1]) { return true }
        // "in Goma, Kinshasa and Kigali", "in Darfur and Khartoum": a list after a locative preposition
        // (but "… returned to Ukraine, Kyiv says": a capital that speaks is its government).
        let speaks = next.map { $0.kind == .word && kb.names.speechVerbs.contains($0.lower) } ?? false
        if prev == "and" || prev == "or" || prev == ",", !speaks {
            var q = p - 1
            let lowest = max(s.tokens.lowerBound, p - 12)
            while q >= lowest, toks[q].isCapitalized || toks[q].text == "," || toks[q].lower == "and" || toks[q].lower == "or" { q -= 1 }
            if q >= lowest, q < p - 1, kb.names.locativePrepositions.contains(lowerOf: toks[q]) { return true }
        }
        if toks[p].kind == .possessive { return true }  // "Egypt's Cairo"
        if prev == ",", p - 1 >= s.tokens.lowerBound, toks[p - 1].lower == "capital" || toks[p - 1].lower == "city" { return true }
        if prev == "to" || prev == "from" {
            var q = p - 1
            while q >= s.tokens.lowerBound, toks[q].kind != .word { q -= 1 }
            guard q >= s.tokens.lowerBound else { return false }
            let w = toks[q].lower
            return kb.names.motionVerbs.contains(w) || w == "trip" || w == "visit" || w == "way" || w == "journey" || w == "flight"
        }
        return kb.names.locativePrepositions.contains(prev)
    }

    /// "the European Union (EU)": the acronym becomes a name of the entity.
    private func defineAcronym(after r: Range<Int>, target: Target, field fi: Int, toks: [Token], keys: [String], end: Int, _ state: inout State) {
        let o = r.upperBound
        guard o + 2 < end, toks[o].text == "(", toks[o + 1].kind == .word, toks[o + 1].isAllCaps, toks[o + 2].text == ")",
            !state.covered[fi][o + 1]
        else { return }
        // The acronym must start like the name ("KYIV, Ukraine (AP)" is a credit) unless the name
        // is an organisation's ("Republican People's Party (CHP)", "Nationalist Movement Party
        // (MHP)": acronyms of names in another language), and must not name something else.
        let acronym = toks[o + 1]
        guard let initial = acronym.lower.unicodeScalars.first,
            kb.names.orgSuffixes.contains(keys[r.upperBound - 1])
                || toks[r].contains(where: { $0.isCapitalized && $0.lower.unicodeScalars.first == initial })
        else { return }
        if let other = kb.entryIndex(named: acronym.text), target != .kb(other) { return }
        let k = keys[o + 1]
        state.register([k], target)
        add(Span(field: fi, tokens: (o + 1)..<(o + 2), target: target, isMetonym: false), toks, &state)
    }

    /// A wire story's credit line: "Reporting by …", "(Writing by …; Editing by …)", "By …".
    private func isCreditLine(_ s: Sentence, toks: [Token]) -> Bool {
        var k = s.tokens.lowerBound
        while k < s.tokens.upperBound, toks[k].kind != .word { k += 1 }
        guard k + 1 < s.tokens.upperBound else { return false }
        switch toks[k].lower {
        case "by":
            // "By Dario Ferrante", not "By contrast, …" or "By Monday, …"
            return toks[k + 1].isCapitalized && !kb.names.nonNameWords.contains(MatchKey.of(toks[k + 1]))
                && s.tokens.count <= 16
        case "reporting", "writing", "editing", "additional", "compiled", "written", "edited": return toks[k + 1].lower == "by"
        default: return false
        }
    }

    /// The place type a noun before a name gives it: a settlement noun ("villages such as X",
    /// "the town of X", "cities including X") makes a GPE, a locality noun ("the neighbourhoods
    /// of X") a LOC; `nil` otherwise.
    private func settlementContext(before a: Int, toks: [Token], floor: Int) -> EntityType? {
        var q = a - 1
        guard q > floor, toks[q].kind == .word else { return nil }
        switch toks[q].lower {
        case "of", "including", "like": q -= 1
        case "as" where toks[q - 1].lower == "such": q -= 2
        default: return nil
        }
        guard q >= floor, toks[q].kind == .word, !toks[q].isCapitalized else { return nil }
        if kb.names.settlementNouns.contains(lowerOf: toks[q]) { return .gpe }
        if kb.names.localityNouns.contains(lowerOf: toks[q]) { return .loc }
        return nil
    }

    /// The end of a place name starting at `i`: a known place, or one to three capitalised
    /// words; `nil` when no place starts there.
    private func placeEnd(from i: Int, toks: [Token], ids: [Int32], end: Int) -> Int? {
        guard i < end, toks[i].kind == .word, toks[i].isCapitalized, !toks[i].followsNewline else { return nil }
        if let m = kb.gazetteer.longestMatch(in: toks, ids: ids, at: i, limit: end) {
            let type = kb.entries[pick(m.aliases)].type
            return type == .gpe || type == .loc ? i + m.length : nil
        }
        var k = i
        while k < end, k < i + 3, toks[k].kind == .word, toks[k].isCapitalized, !toks[k].isAllCaps { k += 1 }
        return k
    }

    /// Lowercase words that may join the words of a name an acronym spells out.
    static let acronymConnectors: WordSet = ["of", "for", "the", "and", "in", "on", "against", "to"]

    /// The end (the "(") of a run of at least three capitalised words from `i`, joined only by
    /// lowercase connectors ("of", "for", "in", …), that the all-caps acronym in brackets right
    /// after it spells out: each capitalised word's initial in order, at most one word left out
    /// inside ("Centre for Human Rights and Democracy in Africa (CHRDA)", "International Centre
    /// for the Prosecution of the Crime of Aggression (ICPA)"); or `nil`. Stops at the first
    /// token that cannot be part of such a run, so most words cost one comparison.
    func acronymSpelledRun(from i: Int, toks: [Token], end: Int) -> Int? {
        guard i < end else { return nil }
        var j = i
        var capitals = 0
        let limit = min(end, i + Self.maxNameTokens + 1)
        // Fields of the tokens are read in place: this runs at every capitalised word, and
        // copying a token (two strings) costs more than the test.
        while j < limit {
            let kind = toks[j].kind
            if j > i, toks[j].followsNewline { return nil }
            if kind == .word, toks[j].isCapitalized, !toks[j].isAllCaps || toks[j].end - toks[j].start <= 1 {
                capitals += 1
            } else if kind == .word, !toks[j].isCapitalized, j > i, Self.acronymConnectors.contains(lowerOf: toks[j]) {
                // a connector
            } else if kind == .punctuation, j > i, toks[j].end - toks[j].start == 1, toks[j].text == "(" {
                break
            } else {
                return nil
            }
            j += 1
        }
        guard j < limit, capitals >= 3, j + 2 < end, toks[j].text == "(", toks[j + 1].kind == .word, toks[j + 1].isAllCaps,
            toks[j + 2].text == ")", toks[j - 1].kind == .word, toks[j - 1].isCapitalized
        else { return nil }
        let letters = Array(toks[j + 1].lower.unicodeScalars.filter(ScalarClass.isLetter))
        guard letters.count >= 3, letters.count <= capitals else { return nil }
        var n = 0
        var skipped = 0
        var k = i
        while k < j {
            if toks[k].kind == .word, toks[k].isCapitalized, let initial = toks[k].lower.unicodeScalars.first {
                if n < letters.count, initial == letters[n] {
                    n += 1
                } else if n > 0, skipped == 0 {
                    skipped += 1
                } else {
                    return nil
                }
            }
            k += 1
        }
        return n == letters.count ? j : nil
    }

    /// The end of a run of capitalised name words starting at `i`.
    private func scanRun(from i: Int, toks: [Token], keys: [String], ids: [Int32], end: Int, startsSentence: Bool = false) -> Int {
        var j = i
        var lastGood = i
        // Past "of", "for" or "on" right after an organisation's head word ("Central Bank of
        // Libya", "Coalition for the Return of Ukrainian Children"): known places, and demonyms
        // before another name word, are part of the organisation's name. ("in" is not: "the
        // Institute in Leiden" is a place phrase more often than a name.)
        var orgLink = false
        let limit = min(end, i + Self.maxNameTokens)  // bounds the work per run on pathological text
        while j < limit {
            // Fields read in place: copying the token would retain and release its strings.
            if j > i && toks[j].followsNewline { break }
            if toks[j].end - toks[i].start > Self.maxNameScalars { break }
            if toks[j].kind == .word {
                if toks[j].isCapitalized {
                    // "MINISTRY OF FOREIGN AFFAIRS OF THE …" in an all-caps heading: "OF", "THE"
                    // join words like their lowercase forms but never end a name.
                    if j > i, toks[j].isAllCaps, kb.names.nameConnectors.contains(keys[j]) {
                        if keys[j] == "of" || keys[j] == "for" { orgLink = true }
                        j += 1
                        continue
                    }
                    if j > i {
                        if demonymLength(at: j, ids: ids, end: end) != nil, !orgLink || !capitalizedWord(at: j + 1, end: end, toks) {
                            break
                        }
                        if titleLength(at: j, ids: ids, end: end) > 0, !kb.names.orgSuffixes.contains(keys[j]) { break }
                        if let m = kb.gazetteer.longestMatch(in: toks, ids: ids, at: j, limit: end) {
                            let eType = kb.entries[pick(m.aliases)].type
                            if orgLink, eType != .person {
                                j += m.length
                                lastGood = j
                                continue
                            }
                            let firstNameBefore = kb.names.firstNames.contains(lowerOf: toks[lastGood - 1]) || toks[lastGood - 1].text.hasSuffix(".")
                            // "Supreme National Security Council": a longer organisation around a known one
                            let longerOrg = eType == .org && kb.names.orgSuffixes.contains(keys[j + m.length - 1])
                                && !(j == i + 1 && startsSentence && isCommon(toks[i]))
                            if longerOrg {
                                j += m.length
                                lastGood = j
                                continue
                            }
                            // "Abdul Fatah al-Burhan": a first name, then words the KB knows as something else
                            // or a known person's surname, all one name
                            if firstNameBefore || (kb.names.firstNames.contains(lowerOf: toks[i]) && lastGood - i <= 2 && m.length == 1) {
                                j += m.length
                                lastGood = j
                                continue
                            }
                            // "Melania Trump", "Jill Biden": an unknown given name before a known
                            // person's surname is another person of that family, not that person.
                            if eType == .person, m.length == 1, lastGood == j, j == i + 1, toks[i].kind == .word,
                                !startsSentence, !isCommon(toks[i]), titleLength(at: i, ids: ids, end: end) == 0,
                                !toks[i].isAllCaps, !m.aliases.contains(where: { kb.entries[kb.gazetteer.aliases[Int($0)].entry].name.hasPrefix(toks[i].text + " ") })
                            {
                                j += m.length
                                lastGood = j
                                continue
                            }
                            break
                        }
                    }
                    j += 1
                    lastGood = j
                    continue
                }
                // "bin", "al", "von der" inside a name; "of", "and", "the" inside an organisation's name
                let word = toks[j].lower
                let afterOrgHead = j > i && lastGood == j && toks[j - 1].kind == .word
                    && (word == "of" || word == "for" || word == "on")
                    && (kb.names.orgHeads.contains(keys[j - 1]) || kb.names.orgSuffixes.contains(keys[j - 1]))
                // "van den Heuvel", "de la Cruz": two particles before the surname
                if j > i, kb.names.nameParticles.contains(word), j + 2 < end, kb.names.nameParticles.contains(lowerOf: toks[j + 1]),
                    !toks[j + 1].isCapitalized, !toks[j + 1].followsNewline, capitalizedWord(at: j + 2, end: end, toks),
                    demonymLength(at: j + 2, ids: ids, end: end) == nil
                {
                    j += 2
                    continue
                }
                // "Coalition for the Return of …": "the" after the head's connector
                if afterOrgHead, j + 2 < end, toks[j + 1].lower == "the", !toks[j + 1].followsNewline,
                    capitalizedWord(at: j + 2, end: end, toks), demonymLength(at: j + 2, ids: ids, end: end) == nil
                {
                    orgLink = true
                    j += 2
                    continue
                }
                // "United Nations Assistance Mission in Afghanistan (UNAMA)": "in" and a place
                // stay in an organisation's name when the organisation's acronym, which names the
                // place too, follows them.
                if word == "in", j > i, lastGood == j,
                    (i..<j).contains(where: { kb.names.orgHeads.contains(keys[$0]) || kb.names.orgSuffixes.contains(keys[$0]) }),
                    let after = placeEnd(from: j + 1, toks: toks, ids: ids, end: end),
                    after + 2 < end, toks[after].text == "(", toks[after + 1].isAllCaps, toks[after + 2].text == ")",
                    // the acronym names the place too ("UNAMA", "MINURSO"; not "(IISS)" after "in Lisbon")
                    ((j + 1)..<after).contains(where: { k in
                        toks[k].isCapitalized && toks[k].text.unicodeScalars.first.map { toks[after + 1].text.unicodeScalars.contains($0) } == true
                    })
                {
                    j = after
                    lastGood = j
                    continue
                }
                // "Carlo Calenda of Azione", "Jane Doe of Reuters": two or more name words that
                // are neither English words nor an organisation's head are a person's name,
                // which ends before "of"; what follows is where the person works.
                if word == "of", !afterOrgHead, !orgLink, j - i >= 2,
                    (i..<j).allSatisfy({ toks[$0].kind == .word && toks[$0].isCapitalized && !isCommon(toks[$0])
                        && !kb.names.orgHeads.contains(keys[$0]) && !kb.names.orgSuffixes.contains(keys[$0]) })
                {
                    break
                }
                if j > i, afterOrgHead || kb.names.nameConnectors.contains(word), j + 1 < end, !toks[j + 1].followsNewline {
                    if toks[j + 1].isCapitalized && toks[j + 1].kind == .word
                        && (demonymLength(at: j + 1, ids: ids, end: end) == nil
                            || ((afterOrgHead || orgLink) && capitalizedWord(at: j + 2, end: end, toks)))
                    {
                        if afterOrgHead { orgLink = true }
                        j += 1
                        continue
                    }
                    if toks[j + 1].kind == .dash, toks[j + 1].start == toks[j].end, j + 2 < end, toks[j + 2].isCapitalized, toks[j + 2].start == toks[j + 1].end {
                        j += 2
                        continue
                    }
                }
                break
            }
            if toks[j].kind == .dash, j > i, toks[j].start == toks[j - 1].end, j + 1 < end, toks[j + 1].start == toks[j].end, toks[j + 1].isCapitalized,
                toks[j + 1].kind == .word, demonymLength(at: j + 1, ids: ids, end: end) == nil,
                kb.gazetteer.longestMatch(in: toks, ids: ids, at: j + 1, limit: end) == nil
            {
                j += 1
                continue
            }
            // "Republican People's Party", "Sudan People's Liberation Movement", "United Nations
            // Children's Fund": a possessive after a capitalised English noun (not a name the
            // knowledge base knows: "Turkey's Foreign Ministry" is two names) inside a run.
            if toks[j].kind == .possessive, j > i, lastGood == j, toks[j - 1].kind == .word, toks[j - 1].isCapitalized,
                isCommon(toks[j - 1]), kb.gazetteer.longestMatch(in: toks, ids: ids, at: j - 1, limit: j) == nil, !toks[j].followsNewline, capitalizedWord(at: j + 1, end: end, toks),
                demonymLength(at: j + 1, ids: ids, end: end) == nil
            {
                j += 1
                continue
            }
            // "Chung Eui-yong", "Lee Jae-myung": a lowercase syllable after a hyphen
            if toks[j].kind == .dash, toks[j].text == "-", j > i + 1, toks[j - 1].isCapitalized, toks[j].start == toks[j - 1].end, j + 1 < end,
                toks[j + 1].start == toks[j].end, toks[j + 1].kind == .word, !toks[j + 1].isCapitalized,
                !kb.names.commonWords.contains(lowerOf: toks[j + 1]) || kb.names.familyNameFirst.contains(lowerOf: toks[i]),
                toks[j + 1].lower.utf8.count <= 6
            {
                j += 2
                lastGood = j
                continue
            }
            break
        }
        return max(lastGood, i + 1)
    }

    /// A capitalised word at `j`, on the same line as the token before it.
    private func capitalizedWord(at j: Int, end: Int, _ toks: [Token]) -> Bool {
        j < end && toks[j].kind == .word && toks[j].isCapitalized && !toks[j].followsNewline
    }

    private func isCommon(_ t: Token) -> Bool {
        kb.names.commonWords.contains(lowerOf: t) || kb.names.nonNameWords.contains(MatchKey.of(t))
    }

    /// Decides whether a capitalised run is a name, trims it and types it.
    private func classify(
        _ run: Range<Int>, sentence s: Sentence, firstWord: Int, field fi: Int, fields: [AnalyzedField], keys: [String],
        afterTitle: Bool, ids: [Int32], demonym: Int?, _ state: inout State
    ) {
        let f = fields[fi]
        let toks = f.tokens
        var a = run.lowerBound
        var b = run.upperBound
        // Trim a leading "The" and a common word opening the sentence ("Meanwhile", "Following"),
        // unless the run is shaped like an organisation ("The Ministry of ...", "The Patriotic
        // Alliance for Change": an organisation's word anywhere in it).
        let shapedLikeOrg = (a..<b).contains { kb.names.orgSuffixes.contains(keys[$0]) && toks[$0].isCapitalized }
        if a == firstWord || (a > s.tokens.lowerBound && (toks[a - 1].kind == .quote || toks[a - 1].kind == .symbol || toks[a - 1].text == ":")) {
            if a < b, toks[a].lower == "the" { a += 1 }
            if a < b, !shapedLikeOrg, !kb.names.orgHeads.contains(keys[a]), toks[a].kind == .word, isCommon(toks[a]),
                !kb.names.firstNames.contains(lowerOf: toks[a])
            {
                a += 1
                while a < b, toks[a].kind != .word || !toks[a].isCapitalized { a += 1 }
            }
        }
        while a < b, toks[a].kind == .word, kb.names.nonNameWords.contains(keys[a]) || toks[a].lower == "the" { a += 1 }
        while b > a, toks[b - 1].kind != .word || kb.names.nonNameWords.contains(keys[b - 1])
            || (!toks[b - 1].isCapitalized && !(b - 2 > a && toks[b - 2].kind == .dash && toks[b - 2].start == toks[b - 1].start - 1))
        {
            b -= 1
        }
        guard a < b, toks[b - 1].end - toks[a].start <= Self.maxNameScalars else { return }
        var wordCount = 0
        var allCommon = true
        for k in a..<b where toks[k].kind == .word && toks[k].isCapitalized {
            wordCount += 1
            if !isCommon(toks[k]) { allCommon = false }
        }
        let first = toks[a]
        let lastKey = keys[b - 1]
        let letters = first.text.unicodeScalars.filter(ScalarClass.isLetter).count
        if wordCount == 1 && letters < 2 { return }

        // "Deputy Political Affairs Minister X": words of a title, not a name.
        if run.upperBound < s.tokens.upperBound, toks[run.upperBound].kind == .word,
            titleLength(at: run.upperBound, ids: ids, end: s.tokens.upperBound) > 0, !kb.names.orgSuffixes.contains(lastKey)
        {
            return
        }
        // "Dr Seyed Abbas Araghchi": an honorific before a known person.
        if run.upperBound < s.tokens.upperBound, toks[run.upperBound].isCapitalized,
            let m = kb.gazetteer.longestMatch(in: toks, ids: ids, at: run.upperBound, limit: s.tokens.upperBound),
            kb.entries[pick(m.aliases)].type == .person
        {
            return
        }
        // Closures capture these sets, not a copy of the recognizer.
        let orgHeads = kb.names.orgHeads
        let orgSuffixes = kb.names.orgSuffixes
        let adjectiveHeads = kb.names.adjectiveHeads
        let orgShaped = kb.names.orgSuffixes.contains(lastKey) || (a..<b).contains(where: { orgHeads.contains(keys[$0]) })
            || kb.names.locSuffixes.contains(lastKey) || kb.names.gpeSuffixes.contains(lastKey)
        if !orgShaped, let and = (a..<b).first(where: { toks[$0].lower == "and" || toks[$0].text == "&" }) {
            // "BYD and Geely": two names
            classify(a..<and, sentence: s, firstWord: firstWord, field: fi, fields: fields, keys: keys, afterTitle: afterTitle, ids: ids, demonym: demonym, &state)
            classify((and + 1)..<b, sentence: s, firstWord: firstWord, field: fi, fields: fields, keys: keys, afterTitle: false, ids: ids, demonym: nil, &state)
            return
        }
        var type: EntityType? = nil
        var strength = 1
        let prevIndex = a - 1 >= s.tokens.lowerBound ? a - 1 : nil
        let prevWord = prevIndex.map { toks[$0].lower }
        let next = b < s.tokens.upperBound ? toks[b] : nil
        // "the Alma-Ata declaration", "the Ohrid agreement": a named agreement (optional in
        // the guideline), not a person or a place.
        if let next, next.kind == .word, !next.isCapitalized, kb.names.treatyNouns.contains(lowerOf: next) { return }
        // "Residents of Mekelle and Adigrat told …": a conjunct of a place is a place, whatever follows.
        let conjunctPlace: EntityType? =
            wordCount == 1 && (prevWord == "and" || prevWord == "or") ? placeTypeOfSpan(endingAt: a - 1, field: fi, state) : nil

        if let target = state.aliasTable[keys[a..<b].joined(separator: "\u{1F}")] {
            add(Span(field: fi, tokens: a..<b, target: target, isMetonym: false), toks, &state)
            return
        }
        if wordCount == 1 && first.isAllCaps {
            // An acronym the knowledge base lacks: most are organisations.
            if kb.names.nonEntityAcronyms.contains(keys[a]) || letters > 6 || s.isTitleCase { return }
            if letters >= 3, kb.names.commonWords.contains(lowerOf: first) { return }  // "NOT", "WILL": emphasis
            if first.text.unicodeScalars.contains(where: { $0 == "." }) { return }
            type = .org
        } else if kb.names.orgSuffixes.contains(lastKey)
            && (wordCount >= 2 || !isCommon(toks[b - 1]) || demonym.map { $0 + 1 == a } == true)
        {
            // "the Thai Army": a demonym right before counts as a word of the name.
            type = .org
            strength = 3
        } else if (a..<b).contains(where: { k in
            (orgHeads.contains(keys[k]) || orgSuffixes.contains(keys[k])) && k + 1 < b
                && (keys[k + 1] == "of" || keys[k + 1] == "for" || keys[k + 1] == "on")
        }) {
            // "Central Bank of Libya", "Alliance for the Protection of …"
            type = .org
            strength = 3
        } else if kb.names.locSuffixes.contains(lastKey), wordCount >= 2 {
            type = .loc
            strength = 3
        } else if kb.names.gpeSuffixes.contains(lastKey), wordCount >= 2 {
            type = .gpe
            strength = 3
        } else if kb.names.treatyNouns.contains(lastKey), wordCount >= 2, !allCommon, !s.isTitleCase {
            type = .org  // "Abraham Accords"
            strength = 3
        } else if afterTitle || (prevWord != "in" && isCreditLine(s, toks: toks)) {
            // "(Reporting by Siti Hajar Rahman in Putrajaya and Chan Dara Pich in Phnom Penh; …)"
            type = .person
            strength = 3
        } else if let conjunctPlace {
            type = conjunctPlace
            strength = 1
        } else if kb.names.firstNames.contains(lowerOf: first) && wordCount >= 2 {
            type = .person
            strength = 3
        } else if isAppositivePerson(after: b, toks: toks, end: s.tokens.upperBound) {
            type = .person
            strength = 2
        } else if let next, next.kind == .word, kb.names.speechVerbs.contains(lowerOf: next), wordCount <= 3, prevWord != "in" {
            // ("the Druze community in Sweida said": after "in" the name is where the speaker is.)
            type = .person
            strength = 2
        } else if let prevWord, kb.names.speechVerbs.contains(prevWord), wordCount <= 3, wordCount >= 2 {
            type = .person
            strength = 2
        } else if let prevWord, kb.names.locativePrepositions.contains(prevWord), prevWord != "to", next?.kind != .possessive,
            !(wordCount == 1 && next.map { $0.kind == .word && !$0.isCapitalized && adjectiveHeads.contains($0.lower) } == true)
        {
            type = .gpe
            strength = 1
        } else if let placeType = settlementContext(before: a, toks: toks, floor: s.tokens.lowerBound) {
            // "villages such as Kfar Kila", "the neighbourhoods of Sheikh Maqsoud"
            type = placeType
            strength = 2
        } else if let next, next.kind == .word, !next.isCapitalized, kb.names.gpeSuffixes.contains(lowerOf: next) {
            // "Syunik province", "Kherson region"
            type = .gpe
            strength = 1
        } else if let prevWord,
            prevWord == "and" || prevWord == "or"
                || (prevWord == "," && (next?.text == "," || next?.lower == "and")
                    && (wordCount == 1 || kb.names.nameParticles.contains(lowerOf: first))),
            let placeType = placeTypeOfSpan(endingAt: a - 1, field: fi, state)
        {
            // "at Natanz and Isfahan": a conjunct takes the type of the place before it
            type = placeType
            strength = 1
        } else if wordCount >= 2, wordCount <= 4, !allCommon, !isCommon(toks[b - 1]),
            (a..<b).allSatisfy({ (toks[$0].kind == .word && !toks[$0].isAllCaps) || toks[$0].kind == .dash })
        {
            type = .person
            strength = 1
        }
        guard let finalType = type else { return }
        // "the Thai Army": one common word is a name when a demonym opens it.
        let demonymOpens = finalType == .org && demonym.map { $0 + 1 == a } == true
        if allCommon && strength < 3 { return }
        if allCommon && wordCount == 1 && !demonymOpens { return }
        if finalType == .org, let d = demonym, d + 1 == a || (d + 2 == a && toks[d + 1].kind == .word) {
            a = d  // "Sudanese Foreign Ministry"
            // "the Royal Thai Army": a capitalised word after "the" and before the demonym opens the name.
            if d - 2 >= s.tokens.lowerBound, toks[d - 1].kind == .word, toks[d - 1].isCapitalized, !toks[d - 1].isAllCaps,
                toks[d - 2].lower == "the", !state.covered[fi][d - 1], demonymLength(at: d - 1, ids: ids, end: b) == nil
            {
                a = d - 1
            }
        }
        if finalType == .person, wordCount >= 2, let known = knownPersonEnding(a..<b, toks: toks, ids: ids) {
            add(Span(field: fi, tokens: a..<b, target: .kb(known), isMetonym: false), toks, &state)
            return
        }
        if wordCount == 1 && finalType == .person {
            // a surname: resolved against full names in pass 2
            state.pendingSingles.append(PendingSingle(field: fi, token: a, type: .person, strength: strength))
            return
        }
        let name = f.text(ofTokens: a..<b)
        let li = local(named: name, words: wordCount, type: finalType, strength: strength, &state)
        add(Span(field: fi, tokens: a..<b, target: .local(li), isMetonym: false), toks, &state)
        defineAcronym(after: a..<b, target: .local(li), field: fi, toks: toks, keys: keys, end: s.tokens.upperBound, &state)
        if wordCount >= 2 { state.register(keys[a..<b], .local(li)) }
    }

    /// A knowledge-base person whose alias ends the run and whose given name is the run's first
    /// word written another way ("Abdul Fatah al-Burhan" → Abdel Fattah al-Burhan, "J. Biden" →
    /// Joe Biden; not "Robert Harris" → Kamala Harris, nor "Jill Biden" → Joe Biden).
    private func knownPersonEnding(_ r: Range<Int>, toks: [Token], ids: [Int32]) -> Int? {
        let given = String(toks[r.lowerBound].lower.unicodeScalars.filter { $0 != "." })
        guard !given.isEmpty else { return nil }
        for k in (r.lowerBound + 1)..<r.upperBound where toks[k].kind == .word {
            guard let m = kb.gazetteer.longestMatch(in: toks, ids: ids, at: k, limit: r.upperBound), k + m.length == r.upperBound else { continue }
            let e = pick(m.aliases)
            guard kb.entries[e].type == .person,
                let known = kb.entries[e].name.lowercased().split(separator: " ").first.map(String.init),
                Self.isSameGivenName(given, known)
            else { continue }
            return e
        }
        return nil
    }

    /// Whether two given names can be one person's: equal, a spelling variant ("Abdul"/"Abdel"),
    /// a transliteration two edits apart with the same first two letters ("Andrei"/"Andriy"), an
    /// initial ("J"/"Joe"), or a short form of at least three letters ("Alex"/"Alexander").
    static func isSameGivenName(_ a: String, _ b: String) -> Bool {
        if a == b || isSpellingVariant(a, b) { return true }
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        if short.count == 1 { return long.first == short.first }
        if short.count >= 3, long.starts(with: short) { return true }
        guard short.count >= 4, x[0] == y[0], x[1] == y[1] else { return false }
        return isWithinEdits(x, y, 2)
    }

    /// Two spellings of one surname: at most one edit apart, two for names of seven letters or
    /// more, and the same first letter ("Umerov"/"Umierov", "Zelensky"/"Zelenskyy").
    static func isSpellingVariant(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard x.count >= 4, y.count >= 4, x.first == y.first, x != y else { return false }
        return isWithinEdits(x, y, min(x.count, y.count) >= 7 ? 2 : 1)
    }

    /// Whether the Levenshtein distance of two words is at most `limit` (stops early once every
    /// cell of a row exceeds it).
    static func isWithinEdits(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], _ limit: Int) -> Bool {
        guard abs(x.count - y.count) <= limit else { return false }
        guard !x.isEmpty, !y.isEmpty else { return max(x.count, y.count) <= limit }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return false }
            swap(&previous, &current)
        }
        return previous[y.count] <= limit
    }

    /// The type of a place span ending just before token `index`, if any.
    private func placeTypeOfSpan(endingAt index: Int, field fi: Int, _ state: State) -> EntityType? {
        guard let span = state.spans.last, span.field == fi, span.tokens.upperBound == index else { return nil }
        let type: EntityType
        switch span.target {
        case .kb(let e): type = kb.entries[e].type
        case .local(let l): type = state.locals[l].type
        }
        return type == .gpe || type == .loc ? type : nil
    }

    /// "X, a senior adviser to ..." / "X, the head of ..."
    private func isAppositivePerson(after b: Int, toks: [Token], end: Int) -> Bool {
        guard b + 1 < end, toks[b].text == "," else { return false }
        // "Anitta Hipper, 54, said": an age between commas.
        if b + 2 < end, toks[b + 1].kind == .number, toks[b + 2].text == ",", let age = Int(toks[b + 1].text), (14...110).contains(age) {
            return true
        }
        var k = b + 1
        var seen = 0
        while k < end, seen < 5 {
            let t = toks[k]
            // "the EU's lead spokesperson", "Ukraine's foreign minister": a possessor before the title.
            if t.kind == .possessive, k > b + 1 {
                k += 1
                continue
            }
            guard t.kind == .word else { return false }
            if kb.names.personContextNouns.contains(lowerOf: t) {
                // "in Johannesburg, German Chancellor Friedrich Merz said": the title belongs to
                // the name after it, not to the name before the comma.
                return !capitalizedWord(at: k + 1, end: end, toks)
            }
            k += 1
            seen += 1
        }
        return false
    }

    private func local(named name: String, words: Int, type: EntityType, strength: Int, _ state: inout State) -> Int {
        let slug = EntityIdentifier.slug(name)
        if let i = state.localBySlug[slug] {
            state.locals[i].votes[type, default: 0] += strength
            return i
        }
        var l = Local(name: name, slug: slug, wordCount: words)
        l.votes[type] = strength
        state.locals.append(l)
        state.localBySlug[slug] = state.locals.count - 1
        return state.locals.count - 1
    }

    private func add(_ span: Span, _ state: inout State) {
        for k in span.tokens { state.covered[span.field][k] = true }
        state.spans.append(span)
    }

    private func add(_ span: Span, _ tokens: [Token], _ state: inout State) {
        var span = span
        span.start = tokens[span.tokens.lowerBound].start
        span.end = tokens[span.tokens.upperBound - 1].end
        add(span, &state)
    }

    /// "Anwar Ibrahim" … "Anwar told reporters": where a given name stands alone it is the one
    /// person of the article named in full with it, as news writes many Malay, Indonesian,
    /// Ethiopian and Arabic names. Registered after the surnames, so a word that is someone's
    /// surname keeps that meaning; a given name two people share, an English word ("Mark",
    /// "Will") and an initial are left alone.
    /// - Parameter locals: the first word of each local person named in full (tokenised once,
    ///   by the surname pass).
    private func registerGivenNames(locals: [(local: Int, word: Token)], kbPeople: Set<Int>, _ state: inout State) {
        var owners: [String: Target?] = [:]
        func offer(_ word: Token, _ target: Target) {
            guard word.isCapitalized, !word.isAllCaps, word.end - word.start >= 2,
                !word.text.unicodeScalars.contains("."), !isCommon(word),
                !kb.names.familyNameFirst.contains(lowerOf: word)
            else { return }
            let key = MatchKey.of(word)
            if let existing = owners[key] {
                if existing != target { owners[key] = .some(nil) }
            } else {
                owners[key] = target
            }
        }
        for (li, first) in locals { offer(first, .local(li)) }
        for e in kbPeople {
            let parts = kb.personNameWords[e]
            if parts.count >= 2, let first = parts.first { offer(first, .kb(e)) }
        }
        for (key, target) in owners.sorted(by: { $0.key < $1.key }) {
            if let target { state.register([key], target) }
        }
    }

    // MARK: - Acronyms

    /// Points each one-word all-caps organisation the knowledge base lacks ("NUG", "MNDAA") at
    /// the one entity of the article whose name's capitalised words it spells ("National Unity
    /// Government", "Myanmar National Democratic Alliance Army"): a local name through `remap`,
    /// a knowledge-base entry through `localToKB`. An acronym that two names spell stays apart.
    private func mergeAcronyms(state: State, remap: inout [Int: Int], localToKB: inout [Int: Int]) {
        var acronyms: [(local: Int, letters: String)] = []
        for (i, l) in state.locals.enumerated() where l.wordCount == 1 && l.type == .org && remap[i] == nil {
            let scalars = l.name.unicodeScalars
            guard (2...8).contains(scalars.count), scalars.allSatisfy({ $0.properties.isUppercase }) else { continue }
            acronyms.append((i, l.name))
        }
        guard !acronyms.isEmpty else { return }
        // Candidates: names of two or more words, as initials → the entity (or -1 when two share them).
        var localByInitials: [String: Int] = [:]
        for (i, l) in state.locals.enumerated() where l.wordCount >= 2 && (l.type == .org || l.type == .gpe) {
            guard let key = Self.initials(of: l.name) else { continue }
            localByInitials[key] = localByInitials[key] == nil ? i : -1
        }
        var kbByInitials: [String: Int] = [:]
        var seen = Set<Int>()
        for span in state.spans {
            guard case .kb(let e) = span.target, seen.insert(e).inserted else { continue }
            let entry = kb.entries[e]
            guard entry.type == .org || entry.type == .gpe, let key = Self.initials(of: entry.name) else { continue }
            kbByInitials[key] = kbByInitials[key] == nil ? e : -1
        }
        for (local, letters) in acronyms {
            let inLocals = localByInitials[letters]
            let inKB = kbByInitials[letters]
            switch (inLocals, inKB) {
            case (let l?, nil) where l >= 0 && l != local: remap[local] = l
            case (nil, let e?) where e >= 0: localToKB[local] = e
            default: break
            }
        }
    }

    /// The first letters of a name's capitalised words, hyphenated parts counted apart and a
    /// leading "The" left out ("Tehrik-i-Taliban Pakistan" → "TTP", "Sudan People's Liberation
    /// Movement" → "SPLM"); `nil` for fewer than two.
    static func initials(of name: String) -> String? {
        var out = String.UnicodeScalarView()
        var words = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2010}" })[...]
        if words.first == "The" { words = words.dropFirst() }
        for word in words {
            if let c = word.unicodeScalars.first, c.properties.isUppercase { out.append(c) }
        }
        return out.count >= 2 ? String(out) : nil
    }

    // MARK: - Output

    private func build(fields: [AnalyzedField], state: State) -> EntityAnalysis {
        // Group spans by entity id (a knowledge-base entry and a local name may share one).
        struct Group {
            var id: String
            var name: String
            var type: EntityType
            var kbId: String?
            var kbEntry: Int?
            var count = 0
            var inTitle = false
            var inLede = false
        }
        // "the Crisis Group" after "the International Crisis Group": one organisation.
        var remap: [Int: Int] = [:]
        // Likewise "Al Ansari" after "Majed Al Ansari".
        var bySuffix: [String: Int] = [:]
        for (bi, b) in state.locals.enumerated() where b.type == .org || b.type == .person {
            var rest = Substring(b.slug)
            while let dash = rest.firstIndex(of: "-") {
                rest = rest[rest.index(after: dash)...]
                let key = b.type.rawValue + ":" + rest
                if bySuffix[key] == nil { bySuffix[key] = bi }
            }
        }
        for (ai, a) in state.locals.enumerated() where a.type == .org || a.type == .person {
            if let bi = bySuffix[a.type.rawValue + ":" + a.slug], bi != ai { remap[ai] = bi }
        }
        // "Badr al-Busaidi" after "Badr bin Hamad al-Busaidi": same first and last name, one person.
        var byEnds: [String: Int] = [:]
        for (i, l) in state.locals.enumerated() where l.type == .person && l.wordCount >= 2 {
            let parts = l.slug.split(separator: "-")
            guard let first = parts.first, let last = parts.last else { continue }
            let key = String(first) + "|" + String(last)
            if let j = byEnds[key] {
                if l.wordCount > state.locals[j].wordCount {
                    remap[j] = i
                    byEnds[key] = i
                } else {
                    remap[i] = j
                }
            } else {
                byEnds[key] = i
            }
        }
        // "The National Unity Government, or NUG, …": an acronym the article uses without
        // defining it in brackets is the organisation whose capitalised words it spells.
        var localToKB: [Int: Int] = [:]
        mergeAcronyms(state: state, remap: &remap, localToKB: &localToKB)
        for (i, target) in remap where remap[target] != nil {
            remap[i] = remap[target]
        }
        // Spelling variants of known people: same first name, last name one or two edits away.
        for (i, l) in state.locals.enumerated() where l.type == .person && l.wordCount >= 2 && remap[i] == nil {
            let words = l.name.lowercased().split(separator: " ")
            guard let first = words.first, let last = words.last, !kb.names.familyNameFirst.contains(String(first)),
                let candidates = kb.peopleByFirstName[String(first)]
            else { continue }
            let lastWord = String(last)
            for c in candidates where Self.isSpellingVariant(lastWord, c.last) {
                localToKB[i] = c.entry
                break
            }
        }
        let localIds: [String] = state.locals.indices.map { i in
            let target = remap[i] ?? i
            if let e = localToKB[target] { return kb.entries[e].id }
            let l = state.locals[target]
            return EntityIdentifier.make(type: l.type, name: l.name)
        }
        let fieldKinds = fields.map(\.field)
        var ledeEnd = 0
        if let bi = fieldKinds.firstIndex(of: .body) {
            var count = 0
            for s in fields[bi].sentences where !s.isHeading && !s.isBoilerplate {
                ledeEnd = s.end
                count += 1
                if count == 2 { break }
            }
        }
        let spans = state.spans.sorted { ($0.field, $0.start) < ($1.field, $1.start) }
        var groups: [Group] = []
        var groupById: [String: Int] = [:]
        var groupOfSpan: [Int] = []
        groupOfSpan.reserveCapacity(spans.count)
        for span in spans {
            let id: String
            switch span.target {
            case .kb(let e): id = kb.entries[e].id
            case .local(let l): id = localIds[l]
            }
            var gi = groupById[id] ?? -1
            if gi < 0 {
                gi = groups.count
                groupById[id] = gi
                switch span.target {
                case .kb(let e):
                    let entry = kb.entries[e]
                    groups.append(Group(id: id, name: entry.name, type: entry.type, kbId: entry.kbId, kbEntry: e))
                case .local(let l0):
                    if let e = localToKB[remap[l0] ?? l0] {
                        let entry = kb.entries[e]
                        groups.append(Group(id: id, name: entry.name, type: entry.type, kbId: entry.kbId, kbEntry: e))
                    } else {
                        let local = state.locals[remap[l0] ?? l0]
                        groups.append(Group(id: id, name: local.name, type: local.type, kbId: nil, kbEntry: nil))
                    }
                }
            }
            groups[gi].count += 1
            if fieldKinds[span.field] == .title { groups[gi].inTitle = true }
            if fieldKinds[span.field] == .body && span.start < ledeEnd { groups[gi].inLede = true }
            groupOfSpan.append(gi)
        }
        // Salience: frequency, headline and lede.
        let maxCount = max(1, groups.map(\.count).max() ?? 1)
        var keep = [Bool](repeating: true, count: groups.count)
        let salience: [Double] = groups.map { g in
            let value = 0.5 * Double(g.count) / Double(maxCount) + (g.inTitle ? 0.3 : 0) + (g.inLede ? 0.2 : 0)
            return (min(1, value) * 1000).rounded() / 1000
        }
        if groups.count > maxEntities {
            keep = [Bool](repeating: false, count: groups.count)
            for gi in groups.indices.sorted(by: { salience[$0] > salience[$1] }).prefix(maxEntities) { keep[gi] = true }
        }
        // Entities in first-appearance order; mentions in text order.
        var entities: [Entity] = []
        var entityOfGroup = [Int](repeating: -1, count: groups.count)
        var demonymOwners: [String: Int] = [:]
        for (gi, g) in groups.enumerated() where keep[gi] {
            entityOfGroup[gi] = entities.count
            entities.append(
                Entity(id: g.id, name: g.name, type: g.type, kbId: g.kbId, salience: salience[gi], mentionCount: g.count, mentions: []))
            if let e = g.kbEntry {
                for d in kb.entries[e].demonyms { demonymOwners[d.lowercased()] = entities.count - 1 }
            }
        }
        var mentions: [ResolvedMention] = []
        mentions.reserveCapacity(spans.count)
        var listed = 0
        for (k, span) in spans.enumerated() {
            let index = entityOfGroup[groupOfSpan[k]]
            guard index >= 0 else { continue }
            let text = fields[span.field].slice(span.start, span.end)
            let kind = fieldKinds[span.field]
            if entities[index].mentions.count < maxMentionsPerEntity, listed < maxTotalMentions {
                entities[index].mentions.append(Mention(field: kind, start: span.start, end: span.end, text: text))
                listed += 1
            }
            mentions.append(
                ResolvedMention(
                    entity: index, field: kind, tokens: span.tokens, start: span.start, end: span.end, text: text, isMetonym: span.isMetonym))
        }
        return EntityAnalysis(entities: entities, mentions: mentions, demonymOwners: demonymOwners, knownDemonyms: kb.demonymOwners)
    }
}
