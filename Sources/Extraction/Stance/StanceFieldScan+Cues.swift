extension StanceFieldScan {
    /// The most cues looked at in one sentence.
    static let maxCuesPerSentence = 24
    /// The most tokens between a cue and a following cue it passes its holder to
    /// ("refused to rule out", "reiterated Russia's demand").
    static let maxChainGap = 5

    /// A target of a cue with the sign its phrase carries.
    struct Target {
        var target: StanceTarget
        var sign: Int
        var isGeneric: Bool
        /// Holder names the topic is restricted to (empty: any holder).
        var holderNames: Set<String> = []
    }

    // MARK: - Sentence

    /// Finds the cues of sentence `s` and emits their stances.
    mutating func scanSentence(_ s: Int) {
        let range = field.sentences[s].tokens
        let tokens = field.tokens
        var cues: [CueMatch] = []
        var i = range.lowerBound
        while i < range.upperBound, cues.count < Self.maxCuesPerSentence {
            let token = tokens[i]
            let midCapital =
                token.isCapitalized && i > range.lowerBound && tokens[i - 1].kind != .quote
                && tokens[i - 1].lower != ":"
            if mentionAt[i] < 0, topicAt[i] < 0, !midCapital, lexicon.cueTrie.startsPhrase(ids[i]),
                let m = lexicon.cueTrie.longestMatch(
                    ids: ids, from: i, limit: range.upperBound, skippable: cueSkippable, maxSkips: 2)
            {
                cues.append(CueMatch(start: m.start, end: m.end, cue: lexicon.cues[Int(m.payload)]))
                i = m.end
                continue
            }
            i += 1
        }
        guard !cues.isEmpty else { return }
        let frames = findFrames(s)
        let attributed = accordingTo(s)
        var pending: (holders: [Holder], end: Int)?
        for k in cues.indices {
            let cue = cues[k]
            let clause = clauseBounds(around: cue, in: range)
            let nextStart = k + 1 < cues.count ? cues[k + 1].start : range.upperBound
            let scopeEnd = min(clause.end, nextStart)
            let previousEnd = k > 0 ? cues[k - 1].end : range.lowerBound
            let (negations, hedged) = modifiers(before: cue.start, floor: max(clause.start, previousEnd))
            var factor = cue.cue.polarity == .support ? 1 : -1
            if negations % 2 == 1 { factor = -factor }
            if cue.cue.role == .modal, cue.end < range.upperBound, classes[cue.end].contains(.negator) {
                factor = -factor  // "must not", "should never"
            }
            let confidence = cue.cue.confidence * (hedged ? 0.8 : 1)

            var holders: [Holder] = []
            if let p = pending, cue.start - p.end <= Self.maxChainGap, !hasTopic(from: p.end, to: cue.start) {
                holders = p.holders.map { Holder(entity: $0.entity, factor: $0.factor * factor, weight: $0.weight) }
            }
            pending = nil
            let chained = !holders.isEmpty
            for h in ownHolders(of: cue, clause: clause, frames: frames, attributed: attributed, chained: chained)
            where !holders.contains(where: { $0.entity == h.entity }) {
                holders.append(Holder(entity: h.entity, factor: factor, weight: h.weight))
            }
            guard !holders.isEmpty else { continue }

            var targets = forwardTargets(of: cue, scopeEnd: scopeEnd, sentence: s)
            let nextIsClose =
                k + 1 < cues.count && cues[k + 1].start - cue.end <= Self.maxChainGap
                && !hasTopic(from: cue.end, to: cues[k + 1].start) && cues[k + 1].start < clause.end
            if cue.cue.role == .relay || (targets.isEmpty && nextIsClose) {
                pending = (holders, cue.end)
                continue
            }
            if targets.isEmpty || cue.cue.role == .predicate || isPassive(cue) != nil {
                let back = backwardTargets(of: cue, clause: clause, sentence: s)
                if cue.cue.role == .predicate || isPassive(cue) != nil || clause.relative {
                    targets.append(contentsOf: back)
                }
            }
            if targets.isEmpty, cue.cue.targetsActors, let e = actorTarget(of: cue, scopeEnd: scopeEnd) {
                targets.append(Target(target: .entity(entities[e].id), sign: 1, isGeneric: false))
            }
            if targets.isEmpty, let t = anaphoricTarget(of: cue, sentence: s) {
                targets.append(t)
            }
            if targets.contains(where: { !$0.isGeneric }) { targets.removeAll(where: \.isGeneric) }
            emit(cue: cue, holders: holders, targets: targets, confidence: confidence, sentence: s)
        }
    }

    // MARK: - Clauses and modifiers

    /// The clause around a cue: from after the last boundary ("while", "but", ";", "which")
    /// before it to the next boundary after it. `relative` tells whether it starts with a
    /// relative pronoun, whose antecedent may be the target.
    func clauseBounds(around cue: CueMatch, in range: Range<Int>) -> (start: Int, end: Int, relative: Bool) {
        let tokens = field.tokens
        var start = range.lowerBound
        var relative = false
        var j = cue.start - 1
        while j >= range.lowerBound, j > cue.start - 40 {
            let c = classes[j]
            if c.contains(.relativePronoun) && mentionAt[j] < 0 {
                relative = true
                start = j + 1
                break
            }
            if c.contains(.clauseBoundary) || tokens[j].lower == ";" {
                start = j + 1
                break
            }
            j -= 1
        }
        var end = range.upperBound
        var k = cue.end
        while k < range.upperBound {
            let c = classes[k]
            if c.contains(.clauseBoundary) || tokens[k].lower == ";" {
                end = k
                break
            }
            if tokens[k].lower == ",", k + 1 < range.upperBound, classes[k + 1].contains(.relativePronoun) {
                end = k
                break
            }
            k += 1
        }
        return (start, end, relative)
    }

    /// Negators and hedges in the few words before a cue.
    func modifiers(before index: Int, floor: Int) -> (negations: Int, hedged: Bool) {
        var negations = 0
        var hedged = false
        var j = index - 1
        var words = 0
        while j >= floor, words < 4 {
            let t = field.tokens[j]
            if t.kind == .punctuation || mentionAt[j] >= 0 || topicAt[j] >= 0 { break }
            if classes[j].contains(.negator) { negations += 1 }
            if classes[j].contains(.hedge) { hedged = true }
            if t.isWordLike { words += 1 }
            j -= 1
        }
        return (negations, hedged)
    }

    func hasTopic(from start: Int, to end: Int) -> Bool {
        var j = start
        while j < end {
            if topicAt[j] >= 0 { return true }
            j += 1
        }
        return false
    }

    /// The "be … by" of a passive cue ("was rejected by the West"): the index of the be-verb,
    /// if the cue is passive.
    func isPassive(_ cue: CueMatch) -> Int? {
        guard cue.cue.role == .verb, cue.end < field.tokens.count, classes[cue.end].contains(.agentMarker) else {
            return nil
        }
        let floor = field.sentences[field.tokens[cue.start].sentence].tokens.lowerBound
        var j = cue.start - 1
        while j >= floor, j >= cue.start - 3 {
            if classes[j].contains(.beVerb) { return j }
            j -= 1
        }
        return nil
    }

    // MARK: - Holders

    /// Holders found for a cue itself, each with a weight: the quote's speaker; a possessor
    /// or agent; the clause subject; the speaker of a reporting frame; "according to X".
    func ownHolders(
        of cue: CueMatch, clause: (start: Int, end: Int, relative: Bool), frames: [Frame], attributed: Int,
        chained: Bool
    ) -> [(entity: Int, weight: Double)] {
        let tokens = field.tokens
        if quoteAt[cue.start] >= 0 {
            let speaker = quoteSpans[Int(quoteAt[cue.start])].speaker
            return speaker >= 0 ? [(Int(speaker), 0.9)] : []
        }
        var out: [(entity: Int, weight: Double)] = []
        func add(_ e: Int, _ w: Double) {
            if isHolderType(e), !out.contains(where: { $0.entity == e }) { out.append((e, w)) }
        }
        switch cue.cue.role {
        case .noun:
            if let p = possessor(before: cue.start) { add(p, 1) }
            if let a = agent(after: cue.end) { add(a, 1) }
            if out.isEmpty, !chained {
                for e in localSubject(before: cue.start, floor: clause.start) { add(e, 0.9) }
            }
        case .verb, .relay:
            if let be = isPassive(cue) {
                if let a = agent(after: cue.end) { add(a, 1) }
                _ = be
            } else if !chained {
                for e in localSubject(before: cue.start, floor: clause.start) { add(e, 1) }
            }
        case .predicate:
            if let b = beneficiary(after: cue.end) { add(b, 1) }
        case .modal:
            break
        }
        if !chained {
            for frame in frames where frame.range.contains(cue.start) {
                for e in frame.holders { add(e, 0.9) }
            }
            if out.isEmpty, attributed >= 0 { add(attributed, 0.8) }
        }
        _ = tokens
        return out
    }

    /// "Russia's demand", "its demand": the possessor right before a noun cue, allowing two
    /// modifiers in between ("Russia's long-standing demand").
    func possessor(before index: Int) -> Int? {
        let tokens = field.tokens
        var j = index - 1
        var skipped = 0
        while j >= 0, skipped <= 2 {
            if tokens[j].kind == .possessive {
                let k = j - 1
                guard k >= 0, mentionAt[k] >= 0 else { return nil }
                let e = mentions[Int(mentionAt[k])].entity
                return isHolderType(e) ? e : nil
            }
            if classes[j].contains(.possessivePronoun) {
                let r = resolvePronoun(at: j)
                return r >= 0 ? r : nil
            }
            guard tokens[j].kind == .word, !tokens[j].isCapitalized, mentionAt[j] < 0 else { return nil }
            skipped += 1
            j -= 1
        }
        return nil
    }

    /// "by X" / "from X" right after a cue (a passive agent, "criticism from Kyiv").
    func agent(after index: Int) -> Int? {
        guard index < field.tokens.count, classes[index].contains(.agentMarker) else { return nil }
        return nameAfter(index)
    }

    /// "for X" / "to X" right after a predicate cue ("unacceptable for Kyiv").
    func beneficiary(after index: Int) -> Int? {
        guard index < field.tokens.count, classes[index].contains(.beneficiaryMarker) else { return nil }
        return nameAfter(index)
    }

    /// Reporting frames of a sentence: "X said (that) …" covers what follows the verb;
    /// "…, X said." covers what precedes it.
    func findFrames(_ s: Int) -> [Frame] {
        let range = field.sentences[s].tokens
        let tokens = field.tokens
        var frames: [Frame] = []
        for v in range where classes[v].contains(.speechVerb) && mentionAt[v] < 0 && quoteAt[v] < 0 {
            if tokens[v].isCapitalized, v > range.lowerBound { continue }
            // Words left after the verb, up to the end of the sentence.
            var rest = 0
            var j = v + 1
            while j < range.upperBound {
                if tokens[j].isWordLike { rest += 1 }
                j += 1
            }
            let before = localSubject(before: v, floor: range.lowerBound)
            if !before.isEmpty {
                if rest <= 3 {
                    frames.append(Frame(range: range.lowerBound..<v, holders: before))
                } else {
                    frames.append(Frame(range: (v + 1)..<range.upperBound, holders: before))
                }
            } else if rest <= 4, let after = nameAfter(v) {
                frames.append(Frame(range: range.lowerBound..<v, holders: [after]))
            }
        }
        return frames
    }

    /// The source named by "according to X" in sentence `s`, or -1.
    func accordingTo(_ s: Int) -> Int {
        let range = field.sentences[s].tokens
        for a in range where classes[a].contains(.attribution) {
            var j = a + 1
            var found = -1
            var looked = 0
            while j < range.upperBound, looked < 6 {
                if mentionAt[j] >= 0 {
                    let m = mentions[Int(mentionAt[j])]
                    if isHolderType(m.entity) { found = m.entity }
                    j = m.tokens.upperBound
                    continue
                }
                if found >= 0 { break }
                if classes[a].contains(.attribution), j == a + 1, field.tokens[j].lower == "to" {
                    j += 1
                    continue
                }
                if classes[j].contains(.filler) || classes[j].contains(.title) || demonymAt[j] >= 0 {
                    looked += 1
                    j += 1
                    continue
                }
                if classes[j].contains(.holderNoun), j > a, demonymAt[j - 1] >= 0 {
                    found = Int(demonymAt[j - 1])
                }
                break
            }
            if found >= 0 { return found }
        }
        return -1
    }

    // MARK: - Targets

    func target(of m: TopicMatch) -> Target {
        Target(
            target: .topic(m.topic), sign: m.sign, isGeneric: m.isGeneric,
            holderNames: lexicon.topicPhrases[m.phrase].holderNames)
    }

    /// Topics in the cue's scope, after it.
    func forwardTargets(of cue: CueMatch, scopeEnd: Int, sentence s: Int) -> [Target] {
        var out: [Target] = []
        // "maintained that …" is reported speech, not an object: the frame covers it.
        if cue.end < scopeEnd, classes[cue.end].contains(.complementizer), cue.cue.role != .modal { return out }
        var j = cue.end
        while j < scopeEnd {
            if topicAt[j] >= 0 {
                let m = topicMatches[Int(topicAt[j])]
                out.append(target(of: m))
                j = m.end
                continue
            }
            j += 1
        }
        return out
    }

    /// Topics before a cue whose target precedes it: a predicate ("concessions are
    /// unacceptable"), a passive ("the plan was rejected by"), or a relative clause ("…
    /// neutral status, which Kyiv rejected").
    func backwardTargets(of cue: CueMatch, clause: (start: Int, end: Int, relative: Bool), sentence s: Int) -> [Target] {
        let range = field.sentences[s].tokens
        var lower = clause.start
        var upper = cue.start
        if clause.relative {
            // The antecedent clause: back from the relative pronoun to the previous boundary.
            upper = max(range.lowerBound, clause.start - 1)
            lower = range.lowerBound
            var j = upper - 1
            while j >= range.lowerBound {
                if classes[j].contains(.clauseBoundary) || field.tokens[j].lower == ";" {
                    lower = j + 1
                    break
                }
                j -= 1
            }
        } else {
            // Start after a "that" or a speech verb: what precedes them is the frame.
            var j = upper - 1
            while j >= lower {
                if classes[j].contains(.complementizer) || classes[j].contains(.speechVerb) {
                    lower = j + 1
                    break
                }
                j -= 1
            }
        }
        var out: [Target] = []
        var j = lower
        while j < upper {
            if topicAt[j] >= 0 {
                let m = topicMatches[Int(topicAt[j])]
                if m.start >= lower {
                    out.append(target(of: m))
                }
                j = m.end
                continue
            }
            j += 1
        }
        return out
    }

    /// A named actor as the target: right after an actor cue ("condemned Russia",
    /// "questioned Zelensky's legitimacy"), or owning a predicate cue ("Russia's bad faith").
    func actorTarget(of cue: CueMatch, scopeEnd: Int) -> Int? {
        if cue.cue.role == .predicate {
            var j = cue.start - 1
            var looked = 0
            while j >= 0, looked < 3 {
                if mentionAt[j] >= 0 {
                    let e = mentions[Int(mentionAt[j])].entity
                    return isHolderType(e) ? e : nil
                }
                let kind = field.tokens[j].kind
                if kind != .possessive && kind != .quote { return nil }
                looked += 1
                j -= 1
            }
            return nil
        }
        var j = cue.end
        let upper = min(scopeEnd, cue.end + 6)
        while j < upper {
            if mentionAt[j] >= 0 {
                let e = mentions[Int(mentionAt[j])].entity
                return isHolderType(e) ? e : nil
            }
            if field.tokens[j].kind == .punctuation { return nil }
            j += 1
        }
        return nil
    }

    /// "dismissed the idea", "rejected the proposal": the latest topic of the last three
    /// sentences.
    func anaphoricTarget(of cue: CueMatch, sentence s: Int) -> Target? {
        var j = cue.end
        var found = false
        while j < min(field.tokens.count, cue.end + 3) {
            if classes[j].contains(.anaphor) {
                found = true
                break
            }
            if !classes[j].contains(.filler) { break }
            j += 1
        }
        guard found else { return nil }
        for m in topicMatches.reversed() where m.start < cue.start && m.sentence >= s - 3 {
            return target(of: m)
        }
        return nil
    }

    // MARK: - Output

    mutating func emit(cue: CueMatch, holders: [Holder], targets: [Target], confidence: Double, sentence s: Int) {
        guard !targets.isEmpty else { return }
        let sentence = field.sentences[s]
        let tokens = field.tokens
        let cueStart = tokens[cue.start].start
        let cueText = field.slice(cueStart, tokens[cue.end - 1].end)
        var lo = sentence.start
        var hi = sentence.end
        let maxChars = max(1, configuration.maxEvidenceCharacters)
        if hi - lo > maxChars {
            lo = max(sentence.start, cueStart - maxChars / 2)
            hi = min(sentence.end, lo + maxChars)
            lo = max(sentence.start, hi - maxChars)
        }
        let evidence = Evidence(field: field.field, start: lo, end: hi, text: field.slice(lo, hi))
        for holder in holders {
            let holderId = entities[holder.entity].id
            for var target in targets {
                if case .entity(let id) = target.target, id == holderId { continue }
                if !target.holderNames.isEmpty, !target.holderNames.contains(entities[holder.entity].name.lowercased()) {
                    target.target = .topic(TopicPhrase.fallbackTopic)
                }
                let polarity: Polarity = holder.factor * target.sign > 0 ? .support : .oppose
                let c = min(1, max(0, confidence * holder.weight * (target.isGeneric ? 0.9 : 1)))
                guard c >= configuration.minimumConfidence else { continue }
                stances.append(
                    Stance(
                        holder: holderId, target: target.target, polarity: polarity, confidence: c, cue: cueText,
                        evidence: evidence))
            }
        }
    }
}
