extension StanceFieldScan {
    /// The most cues looked at in one sentence.
    static let maxCuesPerSentence = 24
    /// The most tokens between a cue and a following cue it passes its holder to
    /// ("refused to rule out", "reiterated Russia's demand").
    static let maxChainGap = 5
    /// The most reporting frames looked at in one sentence.
    static let maxFramesPerSentence = 8
    /// The most words between a cue and the start of its first target.
    static let maxObjectDistance = 9

    /// A target of a cue with the sign its phrase carries.
    struct Target {
        var target: StanceTarget
        var sign: Int
        var isGeneric: Bool
        /// Holder names the topic is restricted to (empty: any holder).
        var holderNames: Set<String> = []
        /// A compact identity: the topic's index, or `1 << 20` plus the entity index.
        var code = 0
    }

    // MARK: - Sentence

    /// Cues that charge an actor with what follows "of" ("accused Moscow of stalling").
    static let accusationCues: WordSet = ["accuse", "blame", "charge", "criticise", "criticize", "condemn"]

    /// Finds the cues of sentence `s` and emits their stances.
    mutating func scanSentence(_ s: Int) {
        let first = stances.count
        scanCues(s)
        propagateEchoes(sentence: s, from: first)
    }

    /// Emits the stances of the cues and reporting frames of sentence `s`.
    mutating func scanCues(_ s: Int) {
        let range = field.sentences[s].tokens
        let cues = sentenceCues[s]
        guard !cues.isEmpty else {
            // Reported speech may still carry topics: "Tusk warned that lifting sanctions …".
            if hasTopic(from: range.lowerBound, to: range.upperBound) {
                emitFrameTopics(frames: findFrames(s), sentence: s, targeted: [])
            }
            return
        }
        let frames = findFrames(s)
        let attributed = accordingTo(s)
        var pending: (holders: [Holder], end: Int, gap: Int, modal: CueMatch?)?
        var targeted = Set<Int>()
        var addresseeUntil = -1
        for k in cues.indices {
            let cue = cues[k]
            let clause = clauseBounds(around: cue, in: range)
            // "Kyiv accuses Moscow of stalling the talks": the accusation is the accuser's
            // position (toward Moscow), not Moscow's own.
            if k > 0, Self.accusationCues.contains(cues[k - 1].cue.phrase), cue.start - cues[k - 1].end <= 6,
                (cues[k - 1].end..<cue.start).contains(where: { field.tokens[$0].lower == "of" })
            {
                pending = nil
                continue
            }
            // "… would be unhappy if Putin did not agree to halt the fighting": a plain
            // condition is hypothetical, not a position ("only if" is a cue of its own).
            if clause.start > range.lowerBound, ["if", "unless"].contains(field.tokens[clause.start - 1].lower),
                clause.start - 2 < range.lowerBound || field.tokens[clause.start - 2].lower != "only"
            {
                pending = nil
                continue
            }
            // "Whether NATO will provide such guarantees remains unclear": an indirect question
            // is no position.
            if opensIndirectQuestion(before: cue.start, clauseStart: clause.start, floor: range.lowerBound) {
                pending = nil
                continue
            }
            if isPassive(cue) == nil,
                let head = reducedPassiveHead(cue, floor: k > 0 ? cues[k - 1].end : range.lowerBound)
            {
                // "talks mediated by Oman resumed", "a truce rejected by the rebels": the agent
                // holds the topic the participle modifies, and nothing else in the sentence.
                if let a = agent(after: cue.end), isHolderType(a) {
                    let m = topicMatches[head]
                    let factor = cue.cue.polarity == .support ? 1 : -1
                    emit(cue: cue, holders: [Holder(entity: a, factor: factor, weight: 1)], targets: [target(of: m)],
                        confidence: cue.cue.confidence, sentence: s)
                    markTargeted(from: m.start, to: m.end, into: &targeted)
                }
                pending = nil
                continue
            }
            // "Qatar was invited to the summit", "Kyiv was urged to accept": the subject of a
            // directive verb in an agentless passive is its addressee, not who holds anything.
            // What the addressee is urged to do is not the addressee's position either.
            if cue.start <= addresseeUntil {
                pending = nil
                continue
            }
            if Self.directiveCues.contains(cue.cue.phrase), cue.start > range.lowerBound,
                Self.passiveBe.contains(lowerOf: field.tokens[cue.start - 1]), isPassive(cue) == nil,
                !field.tokens[cue.start].lower.hasSuffix("ing")  // "is pressing Israel to": progressive
            {
                pending = nil
                addresseeUntil = cue.end + Self.maxChainGap
                continue
            }
            let nextStart = k + 1 < cues.count ? cues[k + 1].start : range.upperBound
            let scopeEnd = min(clause.end, nextStart)
            let previousEnd = k > 0 ? cues[k - 1].end : range.lowerBound
            let (negations, hedged) = modifiers(before: cue.start, floor: max(clause.start, previousEnd))
            var factor = cue.cue.polarity == .support ? 1 : -1
            if negations % 2 == 1 { factor = -factor }
            // "withdrew its support for", "reduced Pyongyang's need for talks": an undoing verb
            // governing a noun cue reverses it.
            if cue.cue.role == .noun, isUndoneNoun(cue, floor: max(clause.start, previousEnd)) { factor = -factor }
            if cue.cue.role == .modal, cue.end < range.upperBound, classes[cue.end].contains(.negator) {
                factor = -factor  // "must not", "should never"
            }
            let confidence = cue.cue.confidence * (hedged ? 0.8 : 1)

            var holders: [Holder] = []
            var modalOrigin: CueMatch?
            if let p = pending, cue.start - p.end <= p.gap, canChain(from: p.end, to: cue.start) {
                // "refused to rule out": polarities compose. An evaluation ("concerns over
                // Russia's bad faith") is the holder's own and does not. Verbs joined by "and"
                // are parallel: "rejected the offer and blamed Yerevan" is two oppositions, so
                // the second starts from what its clause started from ("ensure that Russia
                // complies … and respects …": what "ensure that" passed on).
                let own = cue.cue.role == .predicate
                let parallel = isCoordinated(from: p.end, to: cue.start)
                let reported = !parallel && (p.end..<max(p.end, cue.start)).contains { classes[$0].contains(.complementizer) }
                holders = p.holders.map {
                    let factor = own ? factor : (parallel ? $0.base : $0.factor) * factor
                    return Holder(entity: $0.entity, factor: factor, weight: $0.weight, base: reported ? $0.factor : $0.base)
                }
                modalOrigin = p.modal
            }
            pending = nil
            let chained = !holders.isEmpty
            for h in ownHolders(
                of: cue, clause: clause, frames: frames, attributed: attributed, chained: chained,
                previousEnd: previousEnd)
            where !holders.contains(where: { $0.entity == h.entity }) {
                holders.append(Holder(entity: h.entity, factor: factor, weight: h.weight))
            }
            guard !holders.isEmpty else { continue }

            if cue.cue.role == .epithet {
                // "forced the Kyiv regime to pay", in Medvedev's words: he opposes Ukraine.
                if let e = epithetTarget(of: cue), !holders.contains(where: { $0.entity == e }) {
                    let target = Target(target: .entity(entities[e].id), sign: 1, isGeneric: false, code: 1 << 20 + e)
                    emit(cue: cue, holders: holders, targets: [target], confidence: confidence, sentence: s)
                }
                continue
            }

            var targets = forwardTargets(of: cue, scopeEnd: scopeEnd, sentence: s)
            // "the occupation is the main obstacle to peace", "a threat to security": what follows
            // an adverse predicate's "to" is what it harms, not what the holder opposes.
            if cue.cue.role == .predicate, cue.cue.polarity == .oppose, cue.cue.phrase.hasSuffix(" to") {
                targets.removeAll()
            }
            if cue.cue.targetsActors, let (e, at) = actorTarget(of: cue, scopeEnd: scopeEnd),
                targets.isEmpty || at < firstTopicStart(from: cue.end, to: scopeEnd)
            {
                // "skepticism regarding Russia's intentions in the negotiations": the actor.
                targets = [Target(target: .entity(entities[e].id), sign: 1, isGeneric: false, code: 1 << 20 + e)]
            }
            if let of = accusationOf(after: cue) {
                // "accused it of stalling the talks", "accuses the army of using the truce as
                // cover": what follows "of" is the charge against the accused, not the accuser's
                // own target; the accused is.
                if let e = accusedActor(from: cue.end, to: of, holders: holders) {
                    targets = [Target(target: .entity(entities[e].id), sign: 1, isGeneric: false, code: 1 << 20 + e)]
                } else {
                    targets = []
                }
            }
            if targets.isEmpty, chained, cue.cue.role == .verb, topicAt[cue.start] >= 0 {
                // "offered to mediate": a verb that names a topic itself is, after the cue it
                // continues, that topic.
                targets.append(target(of: topicMatches[Int(topicAt[cue.start])]))
            }
            if targets.isEmpty, cue.cue.role != .relay, let t = anaphoricTarget(of: cue, sentence: s) {
                targets.append(t)
            }
            // A cue opening a "that" clause passes its holder further ("ensure that Russia
            // respects …"); others only to a cue right after ("agreed to form").
            let opensClause = cue.end < range.upperBound && classes[cue.end].contains(.complementizer)
            let gap = opensClause ? Self.maxChainGap * 3 : Self.maxChainGap
            let nextIsClose =
                k + 1 < cues.count && cues[k + 1].start - cue.end <= gap && cue.cue.role != .predicate
                && canChain(from: cue.end, to: cues[k + 1].start) && cues[k + 1].start < clause.end
            if cue.cue.role == .relay, !nextIsClose, let m = committedTopic(after: cue, scopeEnd: scopeEnd) {
                // "announced a one-month truce", "renewed the ceasefire": with nothing to pass
                // on, a relay whose direct object is a topic commits its subject to it.
                emit(cue: cue, holders: holders, targets: [target(of: m)], confidence: confidence, sentence: s)
                markTargeted(from: m.start, to: m.end, into: &targeted)
                continue
            }
            if cue.cue.role == .relay || (targets.isEmpty && nextIsClose) {
                if cue.cue.role != .predicate {
                    pending = (holders, cue.end, gap, cue.cue.role == .modal ? cue : modalOrigin)
                }
                continue
            }
            if cue.cue.role == .predicate, !isPredicative(cue) { continue }
            let passive = isPassive(cue) != nil
            // "Talks must resume": a modal's subject is its target when nothing follows.
            if targets.isEmpty, let origin = cue.cue.role == .modal ? cue : modalOrigin {
                targets = backwardTargets(of: origin, clause: clause, sentence: s, after: range.lowerBound)
                // "The sanctions must be lifted": an undoing verb after the modal flips its subject.
                if origin.end == cue.end, undoesSubject(after: cue.end, before: scopeEnd) {
                    for t in targets.indices { targets[t].sign = -targets[t].sign }
                }
            }
            let backward = cue.cue.role == .predicate || passive || (targets.isEmpty && clause.relative)
            if backward {
                targets.append(contentsOf: backwardTargets(of: cue, clause: clause, sentence: s, after: previousEnd))
            }
            if targets.isEmpty, cue.cue.role == .predicate, cue.cue.polarity == .oppose,
                let e = evaluatedActor(of: cue, floor: max(clause.start, previousEnd)), !holders.contains(where: { $0.entity == e })
            {
                // "called the Russian move “blackmail”": the actor whose move the label judges.
                targets = [Target(target: .entity(entities[e].id), sign: 1, isGeneric: false, code: 1 << 20 + e)]
            }
            if targets.contains(where: { !$0.isGeneric }) { targets.removeAll(where: \.isGeneric) }
            emit(cue: cue, holders: holders, targets: targets, confidence: confidence, sentence: s)
            // A forward cue after "and" handles its object, not the reported words before the
            // "and" ("insists that Ukraine abandon its NATO ambitions and recognise …").
            if !targets.isEmpty {
                var from = min(clause.start, cue.start)
                if !backward {
                    var j = cue.start - 1
                    while j > from {
                        if classes[j].contains(.coordinator), topicAt[j] < 0 {
                            from = j
                            break
                        }
                        j -= 1
                    }
                }
                markTargeted(from: from, to: scopeEnd, into: &targeted)
            }
        }
        emitFrameTopics(frames: frames, sentence: s, targeted: targeted)
    }

    /// Whether an undoing verb ("lift", "end", "scrap") follows a modal within three words,
    /// past "be", "not" and adverbs: "must be lifted", "should end".
    func undoesSubject(after start: Int, before end: Int) -> Bool {
        var j = start
        var words = 0
        while j < end, words < 3 {
            if classes[j].contains(.inverter) { return !classes[j].contains(.preposition) }
            if kind[j] == .punctuation || topicAt[j] >= 0 || mentionAt[j] >= 0 || inCue[j] { return false }
            if wordLike[j] { words += 1 }
            j += 1
        }
        return false
    }

    /// Records the topic matches in a cue's scope as handled.
    func markTargeted(from start: Int, to end: Int, into set: inout Set<Int>) {
        var j = start
        while j < end {
            if topicAt[j] >= 0 { set.insert(-1000 - Int(topicAt[j])) }
            j += 1
        }
    }

    /// Reported speech without a cue ("Zelensky has stated that Ukraine will not
    /// relinquish any territory"): the speaker holds the topics of the reported clause, with
    /// their sign and the negations before them, at a lower confidence.
    mutating func emitFrameTopics(frames: [Frame], sentence s: Int, targeted: Set<Int>) {
        // "X said (that) …" frames. "Ukraine will never be a member of NATO, Medvedev said." reads the same, and so do the
        // topics of a quote ("“Ukraine will not cede territory,” Zelensky said"), except in a
        // quote whose subject is a gerund ("“Proceeding without Ukraine will only encourage
        // Putin”": the topic is an argument of the speaker's judgement, not a position).
        for frame in frames where frame.range.count > 3 && (frame.verb >= 0 || frame.postposedVerb >= 0) {
            let verb = frame.verb >= 0 ? frame.verb : frame.postposedVerb
            var j = frame.range.lowerBound
            var negations = 0
            var negatedNoun = false
            while j < frame.range.upperBound {
                if topicAt[j] >= 0 {
                    let index = Int(topicAt[j])
                    let m = topicMatches[index]
                    // "said Italian troops will not take part and warned that sending …": the
                    // nearest reporting verb before a topic reports it.
                    let nested = frames.contains {
                        $0.verb > frame.verb && $0.verb < m.start && $0.range.contains(m.start)
                    }
                    if !nested, !m.isGeneric, !targeted.contains(-1000 - index), !quoteOpensWithGerund(m),
                        !hasCue(from: clauseStart(before: m.start, floor: frame.range.lowerBound), to: m.start)
                    {
                        var sign = m.sign
                        if negations % 2 == 1 { sign = -sign }
                        if frame.isNegative { sign = -sign }
                        if isUndone(after: m.end, before: frame.range.upperBound) { sign = -sign }
                        var t = target(of: m)
                        t.sign = sign
                        let cue = CueMatch(
                            start: verb, end: verb + 1,
                            cue: StanceCue(phrase: "that", polarity: .support, role: .verb, confidence: 0.5))
                        let holders = frame.holders.map { Holder(entity: $0, factor: 1, weight: 1) }
                        emit(cue: cue, holders: holders, targets: [t], confidence: 0.5, sentence: s)
                    }
                    j = m.end
                    continue
                }
                if classes[j].contains(.negator), !isNearTopic(j) {
                    negations += 1
                    negatedNoun = field.tokens[j].lower == "no"
                }
                // Each reported clause has its own negations ("… would not gift their land
                // and that any decisions …"); "no" negates only its own noun ("no bargaining
                // over sovereignty and no amnesty").
                // "will not see this money again until it compensates Ukraine": a clause boundary
                // ends the negation's scope too.
                if classes[j].contains(.complementizer) || kind[j] == .punctuation
                    || (negatedNoun && classes[j].contains(.coordinator)) || classes[j].contains(.clauseBoundary)
                {
                    negations = 0
                    negatedNoun = false
                }
                j += 1
            }
        }
    }

    /// Whether the words right after a topic undo it ("efforts to isolate Moscow had
    /// clearly failed"): an inverter within five words, before any punctuation.
    func isUndone(after start: Int, before end: Int) -> Bool {
        var j = start
        var words = 0
        var negated = false
        while j < end, words < 5 {
            // "sovereignty could not be traded away": the negation undoes the undoing.
            if classes[j].contains(.negator) { negated = true }
            if kind[j] == .punctuation || topicAt[j] >= 0 || mentionAt[j] >= 0 { return false }
            if classes[j].contains(.complementizer) || classes[j].contains(.relativePronoun) { return false }
            // "assurances without NATO membership": a preposition starts a modifier.
            if classes[j].contains(.preposition) { return false }
            if classes[j].contains(.inverter) { return !negated }
            if wordLike[j] { words += 1 }
            j += 1
        }
        return false
    }

    /// Whether a word stands where a verb does ("the bank, said", "and said", "has said",
    /// "Kyiv said"), not where a noun does ("the Pretoria accord").
    func isVerbPosition(_ j: Int) -> Bool {
        guard j > 0 else { return false }
        let c = classes[j - 1]
        return punct[j - 1] == Self.comma || c.contains(.coordinator) || c.contains(.auxiliary) || mentionAt[j - 1] >= 0
            || c.contains(.personPronoun) || c.contains(.groupPronoun)
    }

    /// Whether a passive inverter a few words after a topic undoes it ("only after sanctions
    /// on Russian food exports were lifted", "until the sanctions are eased"): a be-verb then
    /// an inverter within eight words, before punctuation, a cue, a name or another topic.
    func isUndoneByPassive(after start: Int, before end: Int) -> Bool {
        var j = start
        var words = 0
        while j + 1 < end, words < 8 {
            if kind[j] == .punctuation || topicAt[j] >= 0 || inCue[j] || mentionAt[j] >= 0 { return false }
            if classes[j].contains(.complementizer) || classes[j].contains(.relativePronoun) { return false }
            if classes[j].contains(.beVerb), wordLike[j + 1], classes[j + 1].contains(.inverter) { return true }
            if wordLike[j] { words += 1 }
            j += 1
        }
        return false
    }

    /// Whether a token is within the three words before a topic, where a negator is
    /// already counted in the topic's sign.
    func isNearTopic(_ j: Int) -> Bool {
        var k = j + 1
        var words = 0
        while k < field.tokens.count, words < 3 {
            if topicAt[k] >= 0 { return true }
            if wordLike[k] { words += 1 }
            k += 1
        }
        return false
    }

    /// The start of the clause holding token `index`, not before `floor`.
    func clauseStart(before index: Int, floor: Int) -> Int {
        var j = index - 1
        let floor = max(floor, index - 40)
        while j >= floor {
            if (classes[j].contains(.clauseBoundary) && !isParenthetical(j)) || punct[j] == Self.semicolon
                || opensVerbPhrase(at: j)
            {
                return j + 1
            }
            j -= 1
        }
        return floor
    }

    /// Whether token `j` is "and" (or another coordinator) before an auxiliary: "supported the
    /// idea of a summit and would not trade its land" goes on with another verb phrase, with
    /// its own polarity.
    func opensVerbPhrase(at j: Int) -> Bool {
        j + 1 < classes.count && classes[j].contains(.coordinator) && classes[j + 1].contains(.auxiliary)
    }

    func hasCue(from start: Int, to end: Int) -> Bool {
        var j = start
        while j < end {
            if inCue[j] { return true }
            j += 1
        }
        return false
    }

    /// Whether a cue ending at `start` can pass its holder to one starting at `end`: no
    /// topic, no clause punctuation and no "and" opening a new verb phrase between ("oppose
    /// X and have accused …" are two positions, not one composed).
    func canChain(from start: Int, to end: Int) -> Bool {
        var j = start
        while j < end {
            if topicAt[j] >= 0 { return false }
            if kind[j] == .punctuation { return false }
            if j + 1 < end, opensVerbPhrase(at: j) { return false }
            j += 1
        }
        return true
    }

    /// Whether a coordinator ("and", "as well as") stands between two cues.
    func isCoordinated(from start: Int, to end: Int) -> Bool {
        (start..<max(start, end)).contains { classes[$0].contains(.coordinator) }
    }

    /// The start of the first topic in a range, or `end`.
    func firstTopicStart(from start: Int, to end: Int) -> Int {
        var j = start
        while j < end {
            if topicAt[j] >= 0 { return j }
            j += 1
        }
        return end
    }

    // MARK: - Clauses and modifiers

    /// The clause around a cue: from after the last boundary ("while", "but", ";", "which",
    /// ", citing") before it to the next boundary after it. `relative` tells whether it
    /// starts with a relative pronoun, whose antecedent may be the target; `participial`
    /// whether it is a participle clause, whose subject is the main clause's.
    func clauseBounds(around cue: CueMatch, in range: Range<Int>) -> (start: Int, end: Int, relative: Bool, participial: Bool) {
        var start = range.lowerBound
        var relative = false
        var participial = false
        var j = cue.start - 1
        // "China backed Pakistan, urging both sides to talk", "…, while urging …": a cue that
        // is itself the participle opening an adjunct clause has the main clause's subject,
        // not the name just before the comma.
        if cue.cue.role == .verb || cue.cue.role == .relay, cue.start > range.lowerBound,
            gerund[cue.start]
                || (classes[cue.start - 1].contains(.clauseBoundary) && field.tokens[cue.start].lower.hasSuffix("ing"))
        {
            return (cue.start, clauseEnd(after: cue, in: range), false, true)
        }
        while j >= range.lowerBound, j > cue.start - 40 {
            let c = classes[j]
            // "China, which backs Pakistan, welcomed …": a relative clause closed before the cue
            // is skipped; the cue belongs to the main clause.
            if punct[j] == Self.comma, let opener = relativeOpener(closedBy: j, floor: range.lowerBound) {
                j = opener - 2
                continue
            }
            if c.contains(.relativePronoun) && mentionAt[j] < 0 {
                relative = true
                start = j + 1
                break
            }
            if (c.contains(.clauseBoundary) && !isParenthetical(j) && !isTopicModifier(j, of: cue)) || punct[j] == Self.semicolon {
                start = j + 1
                break
            }
            // "X, who led the delegation, said the rebels were ready …": reported speech is
            // its own clause, not the relative clause before the verb.
            if c.contains(.speechVerb), mentionAt[j] < 0, quoteAt[j] < 0 {
                start = j + 1
                break
            }
            if j > range.lowerBound, punct[j - 1] == Self.comma, gerund[j] {
                start = j  // ", viewing …"
                participial = true
                break
            }
            j -= 1
        }
        return (start, clauseEnd(after: cue, in: range), relative, participial)
    }

    /// The end of the clause a cue stands in: the next boundary ("while", ";", ", which",
    /// ", citing", "and has") after it, or the sentence end.
    func clauseEnd(after cue: CueMatch, in range: Range<Int>) -> Int {
        var end = range.upperBound
        var k = cue.end
        while k < range.upperBound {
            let c = classes[k]
            if c.contains(.clauseBoundary) || punct[k] == Self.semicolon {
                end = k
                break
            }
            if k + 1 < range.upperBound, opensVerbPhrase(at: k) {
                end = k
                break
            }
            if punct[k] == Self.comma, k + 1 < range.upperBound,
                classes[k + 1].contains(.relativePronoun) || gerund[k + 1]
            {
                // ", which …" and ", viewing …" open a new clause.
                end = k
                break
            }
            k += 1
        }
        return end
    }

    /// Whether the boundary word at `j` is a preposition of time tied to the topic right before
    /// it, inside the subject of a predicate cue: "lifting sanctions before a ceasefire was out
    /// of the question" is about the sanctions; "before" opens no clause there.
    func isTopicModifier(_ j: Int, of cue: CueMatch) -> Bool {
        guard cue.cue.role == .predicate, j > 0, topicAt[j - 1] >= 0 else { return false }
        let word = field.tokens[j].lower
        return word == "before" || word == "after" || word == "until"
    }

    /// The relative pronoun opening ", which …" / ", who …" when `comma` closes that clause, or
    /// the first word of an appositive ", the … who …" holding one (no other punctuation in
    /// between but a bracketed acronym), else `nil`.
    func relativeOpener(closedBy comma: Int, floor: Int) -> Int? {
        var k = comma - 1
        // "Giuseppe Conte, the former prime minister who leads the Five Star Movement (M5S),
        // demanded …": an appositive holding a relative clause is skipped whole.
        var relativeInside = false
        while k > floor, k > comma - 25 {
            if isPunctuation(k, ")") {
                guard let open = bracketOpen(closedAt: k, lowest: max(floor, comma - 25)) else { return nil }
                k = open - 1
                continue
            }
            if kind[k] == .punctuation || kind[k] == .quote {
                guard punct[k] == Self.comma, k + 1 < comma else { return nil }
                if classes[k + 1].contains(.relativePronoun), mentionAt[k + 1] < 0 { return k + 1 }
                let opener = field.tokens[k + 1].lower
                if relativeInside, opener == "the" || opener == "a" || opener == "an" { return k + 1 }
                return nil
            }
            if classes[k].contains(.relativePronoun), mentionAt[k] < 0 { relativeInside = true }
            k -= 1
        }
        return nil
    }

    /// Negators and hedges in the few words before a cue.
    func modifiers(before index: Int, floor: Int) -> (negations: Int, hedged: Bool) {
        var negations = 0
        var hedged = false
        var j = index - 1
        var words = 0
        while j >= floor, words < 4 {
            if kind[j] == .punctuation || mentionAt[j] >= 0 || topicAt[j] >= 0 { break }
            // "… no military solution and urged …": a negation before "and" is another verb's.
            if classes[j].contains(.coordinator) { break }
            if classes[j].contains(.negator) { negations += 1 }
            if classes[j].contains(.hedge) { hedged = true }
            if wordLike[j] { words += 1 }
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

    /// Whether a predicate cue is used as one: after a copula ("is unacceptable", "seen as
    /// a threat", "dismissed as premature") or owned by an actor ("Russia's bad faith"),
    /// not as a plain noun ("Ukraine's interests and red lines").
    func isPredicative(_ cue: CueMatch) -> Bool {
        for t in cue.start..<cue.end where classes[t].contains(.beVerb) { return true }  // "will remain"
        if isCleftSubject(cue) { return true }
        let floor = field.sentences[field.tokens[cue.start].sentence].tokens.lowerBound
        var j = cue.start - 1
        var words = 0
        // "called the peace talks with Öcalan a betrayal": up to six words back, past a name
        // after a preposition or "and" (the complement of what is called so).
        while j >= floor, words < 6 {
            if classes[j].contains(.beVerb) { return true }
            if words == 0, kind[j] == .possessive || kind[j] == .quote, j >= 1, mentionAt[j - 1] >= 0 || kind[j] == .quote {
                return true
            }
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                let before = m.tokens.lowerBound - 1
                // "called NATO a threat", "branded the group a sham": the name is the object
                // of a verb of calling, and the cue says what it is called.
                if before >= floor, classes[before].contains(.beVerb) {
                    return true
                }
                guard before > floor, classes[before].contains(.preposition) || classes[before].contains(.coordinator) else {
                    return false
                }
                j = before - 1
                words += 1
                continue
            }
            if kind[j] == .punctuation || inCue[j] && !classes[j].contains(.beVerb) { return false }
            if wordLike[j] { words += 1 }
            j -= 1
        }
        return false
    }

    /// Forms of "be" that open a specificational clause after its subject.
    static let cleftCopulas: WordSet = ["is", "was", "are", "were", "remains", "remained"]

    /// Whether a predicate cue is the subject of "be" and what follows names its target: "the
    /// priority is to stop the fighting", "the only way forward is dialogue", "our red line
    /// remains any withdrawal".
    func isCleftSubject(_ cue: CueMatch) -> Bool {
        guard cue.cue.role == .predicate else { return false }
        var k = cue.end
        if k < field.tokens.count, kind[k] == .quote { k += 1 }
        guard k < field.tokens.count, field.tokens[k].sentence == field.tokens[cue.start].sentence,
            Self.cleftCopulas.contains(lowerOf: field.tokens[k])
        else { return false }
        // "Talks are the priority, which is …": the cue closes its own clause.
        let floor = field.sentences[field.tokens[cue.start].sentence].tokens.lowerBound
        let opens: StanceWordClass = [.complementizer, .speechVerb, .coordinator]
        var j = cue.start - 1
        while j >= floor, classes[j].isDisjoint(with: opens),
            classes[j].contains(.filler) || kind[j] == .quote
                || (wordLike[j] && !capital[j] && !inCue[j] && topicAt[j] < 0 && mentionAt[j] < 0 && !classes[j].contains(.beVerb))
        {
            j -= 1
            if cue.start - j > 4 { return false }
        }
        return j < floor || kind[j] == .punctuation || kind[j] == .quote || classes[j].contains(.complementizer)
            || classes[j].contains(.speechVerb) || classes[j].contains(.coordinator)
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

    /// The topic a participle cue with a "by" agent modifies without a "be": right before it
    /// ("talks mediated by Oman", "a truce brokered by Qatar"), or closing the noun phrase before
    /// its comma ("talks between the United States and Iran, mediated by Oman"). The index of
    /// the topic match, or `nil`.
    func reducedPassiveHead(_ cue: CueMatch, floor: Int) -> Int? {
        guard cue.cue.role == .verb, cue.end - cue.start == 1, cue.end < field.tokens.count,
            classes[cue.end].contains(.agentMarker), field.tokens[cue.start].lower.hasSuffix("ed"), cue.start > floor
        else { return nil }
        let before = cue.start - 1
        if topicAt[before] >= 0, !inCue[before] { return Int(topicAt[before]) }
        guard punct[before] == Self.comma else { return nil }
        var j = before - 1
        while j >= max(floor, before - 10) {
            if topicAt[j] >= 0 { return Int(topicAt[j]) }
            if mentionAt[j] >= 0 {
                j = mentions[Int(mentionAt[j])].tokens.lowerBound - 1
                continue
            }
            if kind[j] == .punctuation || inCue[j] || classes[j].contains(.speechVerb) { return nil }
            j -= 1
        }
        return nil
    }

    // MARK: - Holders

    /// Holders found for a cue itself, each with a weight: the quote's speaker; a possessor
    /// or agent; the clause subject; the speaker of a reporting frame; "according to X".
    func ownHolders(
        of cue: CueMatch, clause: (start: Int, end: Int, relative: Bool, participial: Bool), frames: [Frame], attributed: Int,
        chained: Bool, previousEnd: Int
    ) -> [(entity: Int, weight: Double)] {
        if quoteAt[cue.start] >= 0 {
            // The speaker holds what the quote says, unless the quote names who acts ("…
            // while Kyiv continues to …"); a quote without a speaker is part of the
            // sentence ("agreed to “appoint teams …”").
            let span = quoteSpans[Int(quoteAt[cue.start])]
            if span.speaker >= 0 {
                var named: [Int] = []
                if cue.cue.role != .modal && cue.cue.role != .epithet {
                    // "said the UAE would “continue its efforts to support …”": the reported
                    // clause's subject stands between the speech verb and the quote.
                    var lower = max(clause.start, span.open + 1)
                    var k = span.open - 1
                    let opening = field.sentences[field.tokens[span.open].sentence].tokens.lowerBound
                    while k >= max(opening, span.open - 4) {
                        if kind[k] == .quote || kind[k] == .punctuation { break }
                        if classes[k].contains(.speechVerb) {
                            lower = k + 1
                            break
                        }
                        k -= 1
                    }
                    named = localSubject(before: cue.start, floor: lower).filter { isNamed($0, from: lower, to: cue.start) }
                }
                return named.isEmpty ? [(Int(span.speaker), 0.9)] : named.map { ($0, 0.8) }
            }
        }
        // The antecedent of "which" sits just before the clause.
        // and a participle ("…, citing concerns") shares the subject of the main clause.
        let sentenceStart = field.sentences[field.tokens[cue.start].sentence].tokens.lowerBound
        let floor =
            clause.participial ? sentenceStart : clause.relative ? max(sentenceStart, clause.start - 1) : clause.start
        var out: [(entity: Int, weight: Double)] = []
        func add(_ e: Int, _ w: Double) {
            if isHolderType(e), !out.contains(where: { $0.entity == e }) { out.append((e, w)) }
        }
        switch cue.cue.role {
        case .noun:
            if let p = possessor(before: cue.start) { add(p, 1) }
            if let a = agent(after: cue.end) { add(a, 1) }
            if out.isEmpty, !chained {
                for e in localSubject(before: cue.start, floor: floor) { add(e, 0.9) }
            }
        case .verb, .relay:
            if isPassive(cue) != nil {
                if let a = agent(after: cue.end) { add(a, 1) }
            } else if !chained {
                // A participle ("…, calling the proposal an ultimatum") is the main subject's.
                let subject = field.tokens[cue.start].sentence
                if clause.participial, sentenceSubject[subject] >= 0, !hasMention(from: clause.start, to: cue.start),
                    !isQuotedSubject(Int(sentenceSubject[subject]), sentence: subject)
                {
                    add(Int(sentenceSubject[subject]), 0.9)
                } else {
                    for e in localSubject(before: cue.start, floor: floor) { add(e, 1) }
                    // "“…,” she told reporters, rejecting …": the participle is the speaker's.
                    if out.isEmpty, clause.participial, let v = reportingVerb(before: cue.start, floor: floor) {
                        for e in localSubject(before: v, floor: floor) { add(e, 0.9) }
                    }
                }
            }
        case .predicate:
            if let b = beneficiary(after: cue.end) {
                add(b, 1)
            } else if !chained {
                // "viewing the alliance's presence as a threat": the subject before the target.
                var start = cue.start
                var j = max(floor, previousEnd)
                while j < cue.start {
                    if topicAt[j] >= 0 {
                        start = j
                        break
                    }
                    j += 1
                }
                // "Russia views NATO as a threat": the subject before the actor.
                if start == cue.start, cue.cue.targetsActors, let actor = actorTarget(of: cue, scopeEnd: cue.end) {
                    start = mentions[Int(mentionAt[actor.at])].tokens.lowerBound
                }
                // "Kyiv called the Russian move “blackmail”": the subject before the evaluation verb.
                if start == cue.start, let v = evaluationVerb(before: cue, floor: max(floor, previousEnd)) { start = v }
                // "Ukraine joining NATO is not going to happen", "Kyiv's membership is …": a name
                // right before the topic is its argument, not who judges it.
                let ownsTopic = start > floor
                    && (mentionAt[start - 1] >= 0 || (kind[start - 1] == .possessive && start - 2 >= floor && mentionAt[start - 2] >= 0))
                if start < cue.start, !(ownsTopic && topicAt[start] >= 0) {
                    for e in localSubject(before: start, floor: floor) { add(e, 0.9) }
                }
            }
        case .modal, .epithet:
            break
        }
        if !chained, !clause.relative {
            for frame in frames where frame.range.contains(cue.start) {
                for e in frame.holders { add(e, 0.9) }
            }
            if out.isEmpty, attributed >= 0 { add(attributed, 0.8) }
        }
        return out
    }

    /// The nearest speech verb outside quotes before `index`, past at most six tokens.
    func reportingVerb(before index: Int, floor: Int) -> Int? {
        var j = index - 1
        while j >= max(floor, index - 6) {
            if classes[j].contains(.speechVerb), quoteAt[j] < 0, mentionAt[j] < 0 { return j }
            if kind[j] == .quote { return nil }
            j -= 1
        }
        return nil
    }

    /// Whether the first mention of `e` in sentence `s` is inside a quote (""We will not repeat
    /// Minsk," he said, rejecting …": Minsk is no subject of the participle).
    func isQuotedSubject(_ e: Int, sentence s: Int) -> Bool {
        for j in field.sentences[s].tokens where mentionAt[j] >= 0 && mentions[Int(mentionAt[j])].entity == e {
            return quoteAt[j] >= 0
        }
        return false
    }

    func hasMention(from start: Int, to end: Int) -> Bool {
        var j = start
        while j < end {
            if mentionAt[j] >= 0 { return true }
            j += 1
        }
        return false
    }

    /// Whether entity `e` is named (not just a pronoun) between two tokens.
    func isNamed(_ e: Int, from start: Int, to end: Int) -> Bool {
        var j = start
        while j < end {
            if mentionAt[j] >= 0, mentions[Int(mentionAt[j])].entity == e { return true }
            j += 1
        }
        return false
    }

    /// "Russia's demand", "its demand": the possessor right before a noun cue, allowing two
    /// modifiers in between ("Russia's long-standing demand").
    func possessor(before index: Int) -> Int? {
        var j = index - 1
        var skipped = 0
        while j >= 0, skipped <= 2 {
            if kind[j] == .possessive {
                let k = j - 1
                guard k >= 0, mentionAt[k] >= 0 else { return nil }
                let e = mentions[Int(mentionAt[k])].entity
                return isHolderType(e) ? e : nil
            }
            if classes[j].contains(.possessivePronoun) {
                let r = resolvePronoun(at: j)
                return r >= 0 ? r : nil
            }
            if demonymAt[j] >= 0 {
                // "a Russian demand": the country of the demonym.
                let e = Int(demonymAt[j])
                return entities[e].type == .gpe ? e : nil
            }
            guard kind[j] == .word, !capital[j], mentionAt[j] < 0 else { return nil }
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
        var frames: [Frame] = []
        for v in range where classes[v].contains(.speechVerb) && mentionAt[v] < 0 && quoteAt[v] < 0 {
            if capital[v], v > range.lowerBound { continue }
            if isNounUse(of: v, floor: range.lowerBound) { continue }
            // A run-on "sentence" full of reporting verbs stays linear.
            if frames.count >= Self.maxFramesPerSentence { break }
            // Words left after the verb (only "a few or more" matters).
            var rest = 0
            var j = v + 1
            while j < range.upperBound, rest <= 4 {
                if wordLike[j] { rest += 1 }
                j += 1
            }
            // Reported speech opens with "that" or a colon within a few tokens ("told
            // reporters that"); otherwise the verb just takes an object.
            // A "that" right after the verb (not after an object noun: "warned against any
            // escalation that could …"), or a finite verb soon after it ("said Moscow was").
            var opens = false
            var sawTopic = false
            var sawName = false
            // "said in a statement posted by the embassy that …", "told state television on
            // Sunday that …": an adverbial phrase or a listener after the verb delays the
            // "that". Far from the verb, a "that" before an auxiliary or a cue is a relative
            // pronoun ("warned against any escalation that could …").
            var q = v + 1
            while q < min(range.upperBound, v + 11) {
                if classes[q].contains(.auxiliary) {
                    opens = true
                    break
                }
                // "said the EU wants …": a name, then a verb cue, is a reported clause.
                if inCue[q] {
                    // "said the priority was to …": a predicate noun as the subject of "be".
                    opens = (sawName && q <= v + 6)
                        || (q <= v + 4 && sentenceCues[s].contains { $0.start == q && isCleftSubject($0) })
                    break
                }
                // "said he expected to meet …": a subject pronoun, then a past-tense verb.
                if q == v + 1, startsReportedClause(at: q, limit: range.upperBound) {
                    opens = true
                    break
                }
                // "said the administration still backs …", "said it backs …" as well.
                // "said the E3 preferred …": a capitalised word the recogniser left unnamed is a name too.
                if mentionAt[q] >= 0 || classes[q].contains(.holderNoun) || classes[q].contains(.groupPronoun)
                    || classes[q].contains(.personPronoun) || (capital[q] && wordLike[q] && q > v + 1)
                {
                    sawName = true
                }
                if topicAt[q] >= 0 { sawTopic = true }
                if !sawTopic, classes[q].contains(.complementizer) || punct[q] == Self.colon,
                    q < v + 5 || (q + 1 < range.upperBound && !classes[q + 1].contains(.auxiliary) && !inCue[q + 1])
                {
                    opens = true
                    break
                }
                // Headlines drop "that" and verbs: "Kremlin says no ceasefire until …".
                if field.field == .title, q < v + 4, topicAt[q] >= 0 {
                    opens = true
                    break
                }
                q += 1
            }
            // "“… in Darfur and Khartoum,” said one participant": right after a closing quote the
            // speaker follows the verb; a name inside the quote is no subject.
            let afterQuote = v > range.lowerBound && kind[v - 1] == .quote && quoteAt[v - 1] < 0
            var before = afterQuote ? [] : localSubject(before: v, floor: range.lowerBound)
            // "Meloni welcomed the call between Trump and Putin, which was under way as …,
            // saying …": a participle after a comma speaks for the sentence's subject.
            if before.isEmpty, v > range.lowerBound, punct[v - 1] == Self.comma, gerund[v], !classes[v].contains(.attribution),
                sentenceSubject[s] >= 0
            {
                before = [Int(sentenceSubject[s])]
            }
            if !before.isEmpty {
                // "…, Medvedev said." and "…, Berzins told reporters in Riga on Sunday.": only
                // a listener and adverbials after a reporting verb that follows what it reports.
                if rest <= 3 || isPlainTail(after: v, in: range), let opening = postposedStart(verb: v, in: range) {
                    frames.append(Frame(range: opening..<v, holders: before, postposedVerb: v))
                } else if opens {
                    // The report ends where the writer's own clause starts: ", while …".
                    var end = v + 1
                    while end < range.upperBound,
                        !(classes[end].contains(.clauseBoundary) && punct[end - 1] == Self.comma && !isParenthetical(end))
                    {
                        end += 1
                    }
                    frames.append(
                        Frame(
                            range: (v + 1)..<end, holders: before,
                            isNegative: classes[v].contains(.negativeSpeech), verb: v))
                }
            } else if rest <= 4, let after = nameAfter(v) {
                frames.append(Frame(range: range.lowerBound..<v, holders: [after]))
            }
        }
        // "From the Ukrainian perspective, …", "For Kyiv, …": a fronted holder.
        let first = range.lowerBound
        if let label = colonLabel(first, in: range) { frames.append(label) }
        if first < range.upperBound, classes[first].contains(.preposition) || classes[first].contains(.beneficiaryMarker) {
            var j = first + 1
            while j < min(range.upperBound, first + 7) {
                if punct[j] == Self.comma {
                    let viewpoint = classes[j - 1].contains(.holderNoun)
                    // "For Kyiv," (three tokens) or a viewpoint noun: "From the Ukrainian perspective,".
                    guard viewpoint || (classes[first].contains(.beneficiaryMarker) && j - first <= 3) else { break }
                    let holders = localSubjectOrOwner(before: j, floor: first)
                    if !holders.isEmpty { frames.append(Frame(range: (j + 1)..<range.upperBound, holders: holders)) }
                    break
                }
                j += 1
            }
        }
        return frames
    }

    /// "Zelensky: Ukraine will never cede the Donbas", "EU's Kallas: sanctions must stay": a
    /// headline or paragraph opening with a name and a colon reports that actor's words (a
    /// country only in a headline: "KYIV:" in a body is a dateline).
    func colonLabel(_ first: Int, in range: Range<Int>) -> Frame? {
        guard field.field == .title || first == 0 || field.tokens[first].followsNewline else { return nil }
        var j = first + 1
        while j < min(range.upperBound - 2, first + 6), punct[j] != Self.colon {
            if kind[j] == .punctuation { return nil }
            j += 1
        }
        guard j < range.upperBound - 2, punct[j] == Self.colon, mentionAt[j - 1] >= 0 else { return nil }
        let e = mentions[Int(mentionAt[j - 1])].entity
        guard isHolderType(e), field.field == .title || entities[e].type != .gpe else { return nil }
        return Frame(range: (j + 1)..<range.upperBound, holders: [e], isNegative: false, verb: j)
    }

    /// A holder phrase ending right before `end`: a name (also possessive: "from Kyiv's
    /// perspective") or a demonym with a holder noun ("the Ukrainian side").
    func localSubjectOrOwner(before end: Int, floor: Int) -> [Int] {
        var j = end - 1
        while j > floor {
            if mentionAt[j] >= 0 {
                let e = mentions[Int(mentionAt[j])].entity
                return isHolderType(e) && entities[e].type != .loc ? [e] : []
            }
            if classes[j].contains(.holderNoun), let owner = demonymOwner(before: j) { return [owner] }
            if !(classes[j].contains(.holderNoun) || classes[j].contains(.filler) || kind[j] == .possessive) {
                return []
            }
            j -= 1
        }
        return []
    }

    /// For "…, Lavrov said." / "…,” a senior official told AFP.": where the reported words
    /// start (after the last semicolon), if the speaker right before the verb follows a comma
    /// or a closing quote; `nil` for "Israel says it falls short".
    /// Whether the words after a reporting verb to the sentence end hold no cue, topic,
    /// "that", auxiliary or quote: a listener and adverbials ("told reporters in Riga on Sunday").
    func isPlainTail(after v: Int, in range: Range<Int>) -> Bool {
        var j = v + 1
        while j < range.upperBound {
            if inCue[j] || topicAt[j] >= 0 || kind[j] == .quote || classes[j].contains(.complementizer)
                || classes[j].contains(.auxiliary) || classes[j].contains(.speechVerb)
            {
                return false
            }
            j += 1
        }
        return true
    }

    func postposedStart(verb v: Int, in range: Range<Int>) -> Int? {
        var j = v - 1
        while j >= range.lowerBound {
            let c = classes[j]
            let inSubject = mentionAt[j] >= 0 || demonymAt[j] >= 0 || capital[j] || c.contains(.title)
                || c.contains(.filler) || c.contains(.holderNoun) || c.contains(.personPronoun)
                || c.contains(.groupPronoun) || kind[j] == .possessive
            if !inSubject { break }
            j -= 1
        }
        guard j >= range.lowerBound, punct[j] == Self.comma || kind[j] == .quote else { return nil }
        var start = range.lowerBound
        var k = j
        while k >= range.lowerBound {
            if punct[k] == Self.semicolon {
                start = k + 1
                break
            }
            k -= 1
        }
        return start
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
            holderNames: lexicon.topicPhrases[m.phrase].holderNames, code: lexicon.topicPhrases[m.phrase].topicIndex)
    }

    /// Topics in the cue's scope, after it.
    ///
    /// After the first topic, only topics coordinated with it count ("neutral status and
    /// recognition of annexed territories"), not those in a modifier ("deployment of
    /// troops as part of a ceasefire").
    func forwardTargets(of cue: CueMatch, scopeEnd: Int, sentence s: Int) -> [Target] {
        var out: [Target] = []
        var j = cue.end
        var linked = true
        var words = 0
        var restarted = false
        let directive = Self.directiveCues.contains(cue.cue.phrase)
        while j < scopeEnd {
            if out.isEmpty, !restarted, j > cue.end {
                // "called on the African Union and the United Nations to set up …": the object
                // of a directive starts after its addressee; "called for the release of … and
                // for those responsible to be held to account": a second object of the cue's
                // own preposition starts afresh.
                if directive, field.tokens[j].lower == "to" {
                    words = 0
                    restarted = true
                } else if classes[j].contains(.coordinator), j + 1 < scopeEnd, ids[j + 1] >= 0, ids[j + 1] == ids[cue.end - 1],
                    classes[j + 1].contains(.preposition)
                {
                    words = 0
                    restarted = true
                }
            }
            // The object starts near the cue: a topic far down the clause ("… the root causes
            // of the conflict, a phrase Moscow uses to refer to NATO's expansion") is not it.
            if out.isEmpty, words > Self.maxObjectDistance { break }
            // "would have to agree to reconnect the bank, said lifting sanctions …": the
            // speech verb opens another clause.
            if out.isEmpty, j > cue.end, classes[j].contains(.speechVerb), !inCue[j], isVerbPosition(j) { break }
            if wordLike[j] { words += 1 }
            if topicAt[j] >= 0 {
                var m = topicMatches[Int(topicAt[j])]
                if !linked { break }
                // "alarmed by talk of concessions", "welcomed talk of a truce": the talk is
                // about its complement, which is the target.
                if out.isEmpty, let complement = complementOfTalk(m, before: scopeEnd) { m = complement }
                var t = target(of: m)
                if isUndoneByPassive(after: m.end, before: scopeEnd) { t.sign = -t.sign }
                out.append(t)
                j = m.end
                linked = false
                continue
            }
            if !out.isEmpty {
                let c = classes[j]
                // "ruled out American troops and said guarantees should …": a new verb phrase.
                if c.contains(.speechVerb), isVerbPosition(j) { break }
                if c.contains(.coordinator), j + 1 < scopeEnd,
                    classes[j + 1].contains(.speechVerb) || classes[j + 1].contains(.auxiliary)
                {
                    break
                }
                // "will not sign a truce without security guarantees": what the object needs.
                if c.contains(.coordinator) || punct[j] == Self.comma || (out.count == 1 && isWithout(j)) {
                    linked = true
                } else if !(c.contains(.filler) || kind[j] == .possessive || kind[j] == .quote || mentionAt[j] >= 0
                    || demonymAt[j] >= 0)
                {
                    if !linked { break }
                }
            }
            j += 1
        }
        return out
    }

    /// The specific topic right after "talk of" / "talk about" (at most two words between), when
    /// `m` is that generic "talk".
    func complementOfTalk(_ m: TopicMatch, before limit: Int) -> TopicMatch? {
        guard m.isGeneric, m.end == m.start + 1, field.tokens[m.start].lower == "talk", m.end < limit else { return nil }
        let link = field.tokens[m.end].lower
        guard link == "of" || link == "about" else { return nil }
        var k = m.end + 1
        while k < min(limit, m.end + 4) {
            if topicAt[k] >= 0 {
                let next = topicMatches[Int(topicAt[k])]
                return next.isGeneric ? nil : next
            }
            if !(classes[k].contains(.filler) || wordLike[k]) { return nil }
            k += 1
        }
        return nil
    }

    /// Topics before a cue whose target precedes it: a predicate ("concessions are
    /// unacceptable"), a passive ("the plan was rejected by"), or a relative clause ("…
    /// neutral status, which Kyiv rejected").
    func backwardTargets(
        of cue: CueMatch, clause: (start: Int, end: Int, relative: Bool, participial: Bool), sentence s: Int, after previousEnd: Int
    ) -> [Target] {
        let range = field.sentences[s].tokens
        var lower = max(clause.start, previousEnd)
        var upper = cue.start
        if clause.relative {
            // The antecedent clause: back from the relative pronoun to the previous boundary.
            upper = max(range.lowerBound, clause.start - 1)
            lower = range.lowerBound
            var j = upper - 1
            while j >= range.lowerBound {
                if classes[j].contains(.clauseBoundary) || punct[j] == Self.semicolon {
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
        // After the first topic only coordinated ones count: "lifting sanctions before an
        // unconditional ceasefire was out of the question" is about the sanctions alone.
        var out: [Target] = []
        var j = lower
        var linked = true
        while j < upper {
            if topicAt[j] >= 0 {
                let m = topicMatches[Int(topicAt[j])]
                if m.start >= lower, linked {
                    out.append(target(of: m))
                    linked = false
                }
                j = m.end
                continue
            }
            if !out.isEmpty {
                // "talk of German brigades in Ukraine was premature": the generic noun's
                // complement is what the predicate is about.
                let word = field.tokens[j].lower
                if classes[j].contains(.coordinator) || punct[j] == Self.comma
                    || (out.count == 1 && out[0].isGeneric && j > 0 && topicAt[j - 1] >= 0 && (word == "of" || word == "about"))
                {
                    linked = true
                } else if linked, wordLike[j], !topicSkippable[j], mentionAt[j] < 0, kind[j] != .possessive
                {
                    linked = false
                }
            }
            j += 1
        }
        return out
    }

    /// A named actor as the target: right after an actor cue ("condemned Russia",
    /// "questioned Zelensky's legitimacy"), or owning a predicate cue ("Russia's bad faith").
    func actorTarget(of cue: CueMatch, scopeEnd: Int) -> (entity: Int, at: Int)? {
        if cue.cue.role == .predicate {
            var j = cue.start - 1
            var looked = 0
            var modifiers = 0
            while j >= 0, looked < 6 {
                if mentionAt[j] >= 0 {
                    // "brigades in Ukraine was premature": a name inside a topic is the topic's.
                    guard topicAt[j] < 0 else { return nil }
                    let e = mentions[Int(mentionAt[j])].entity
                    return isHolderType(e) ? (e, j) : nil
                }
                var passes = kind[j] == .possessive || kind[j] == .quote || classes[j].contains(.filler)
                    || classes[j].contains(.beVerb)
                // "Israel was the main obstacle", "calls Russia a long-term threat": up to two
                // plain lowercase modifiers of the predicate noun (a hyphenated one counts as one).
                if !passes, kind[j] == .dash, j + 1 < cue.start, wordLike[j + 1] {
                    passes = true
                } else if !passes, modifiers < 2, wordLike[j], !capital[j], !inCue[j], topicAt[j] < 0,
                    classes[j].isDisjoint(with: [.preposition, .coordinator, .negator, .clauseBoundary, .speechVerb, .complementizer])
                {
                    modifiers += 1
                    passes = true
                }
                if !passes { return nil }
                looked += 1
                j -= 1
            }
            return nil
        }
        var j = cue.end
        let upper = min(scopeEnd, cue.end + 6)
        // "pull back to the line along Gaza's edge", "hand the assets back to Russia": a one-word
        // cue followed by a preposition has no direct object.
        if cue.end == cue.start + 1, j < upper, mentionAt[j] < 0, classes[j].contains(.preposition),
            !classes[j].contains(.agentMarker)
        {
            return nil
        }
        while j < upper {
            // "the support of Russia", "support in Kyiv": a preposition after a one-word noun
            // cue introduces its owner or its place, not the actor it is for; "backed new
            // sanctions on Iran", "backed peacekeepers in Lebanon": a name in a support cue's
            // object after a preposition other than "of" is not what is supported.
            if mentionAt[j] < 0, classes[j].contains(.preposition),
                (cue.cue.role == .noun && cue.end == cue.start + 1)
                    || (cue.cue.polarity == .support && field.tokens[j].lower != "of")
            {
                return nil
            }
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                // "opposition to Ukraine's EU membership": the name owns the topic after it.
                let k = m.tokens.upperBound
                if k < scopeEnd, kind[k] == .possessive, (k + 1..<min(scopeEnd, k + 4)).contains(where: { topicAt[$0] >= 0 }) {
                    return nil
                }
                // "support a Vatican round", "the UN effort": a name modifying a noun is no actor.
                if isModifier(m) { return nil }
                return isHolderType(m.entity) ? (m.entity, j) : nil
            }
            // "supported the Qatari mediation": a demonym modifying a topic is the topic's.
            if demonymAt[j] >= 0, entities[Int(demonymAt[j])].type == .gpe, j + 1 < upper, wordLike[j + 1],
                !(j + 1..<min(scopeEnd, j + 4)).contains(where: { topicAt[$0] >= 0 })
            {
                return (Int(demonymAt[j]), j)  // "condemned the Israeli strikes"
            }
            if kind[j] == .punctuation { return nil }
            j += 1
        }
        return nil
    }

    /// Whether an inverter verb ("withdraw", "end", "reduce") governs a noun cue, past its
    /// possessor ("its", "Pyongyang's") and articles: "ended its support for".
    func isUndoneNoun(_ cue: CueMatch, floor: Int) -> Bool {
        var j = cue.start - 1
        var looked = 0
        while j >= floor, looked < 4 {
            if classes[j].contains(.inverter) { return !classes[j].contains(.preposition) && !inCue[j] }
            if kind[j] == .possessive || classes[j].contains(.filler) || classes[j].contains(.possessivePronoun) {
                j -= 1
                looked += 1
                continue
            }
            if mentionAt[j] >= 0 {
                j = mentions[Int(mentionAt[j])].tokens.lowerBound - 1
                looked += 1
                continue
            }
            return false
        }
        return false
    }

    /// Directive verbs: their object is the addressee ("urged Kyiv to", "invited Algeria to").
    static let directiveCues: WordSet = ["urge", "invite", "encourage", "call on", "call upon", "ask for", "press", "pressure"]

    /// Whether an addressee starts at `j`: a name, a demonym, a pronoun or an article ("pressed
    /// Israel to", "pressing both sides to", "pressed them to"), not a noun ("press secretary").
    func opensAddressee(at j: Int) -> Bool {
        guard j < field.tokens.count else { return false }
        let c = classes[j]
        return mentionAt[j] >= 0 || demonymAt[j] >= 0 || c.contains(.personPronoun) || c.contains(.groupPronoun)
            || c.contains(.filler)
    }
    /// Forms of "be" that make a following participle passive.
    static let passiveBe: WordSet = ["is", "was", "are", "were", "been", "being", "be"]

    /// Relays that commit their subject to a topic they take as direct object ("declared a
    /// ceasefire", "announced a truce", "renewed the truce").
    static let committingRelays: WordSet = ["announce", "declare", "renew", "reaffirm", "make"]

    /// The topic that is the direct object of a committing relay: within four tokens of it,
    /// past articles, numbers and plain modifiers ("a one-month truce", "a unilateral
    /// ceasefire"), not a specific topic's subject ("announced the truce would end").
    func committedTopic(after cue: CueMatch, scopeEnd: Int) -> TopicMatch? {
        guard Self.committingRelays.contains(cue.cue.phrase) else { return nil }
        var j = cue.end
        while j < min(scopeEnd, cue.end + 5) {
            if topicAt[j] >= 0 {
                let m = topicMatches[Int(topicAt[j])]
                guard m.start == j, !lexicon.topicPhrases[m.phrase].isOpposite, m.sign > 0 else { return nil }
                if m.end < field.tokens.count, field.tokens[m.end].sentence == field.tokens[cue.start].sentence {
                    let next = classes[m.end]
                    if next.contains(.auxiliary) || next.contains(.beVerb) || next.contains(.negator) || next.contains(.complementizer)
                        || inCue[m.end]
                    {
                        return nil
                    }
                }
                return m
            }
            let plain = classes[j].contains(.filler) || kind[j] == .number || kind[j] == .dash
                || (wordLike[j] && !capital[j] && !inCue[j] && mentionAt[j] < 0
                    && classes[j].isDisjoint(with: [.preposition, .coordinator, .negator, .complementizer, .speechVerb, .auxiliary]))
            if !plain { return nil }
            j += 1
        }
        return nil
    }

    /// Verbs that charge their object with what follows "of" ("accused Kinshasa of stalling").
    static let chargingCues: WordSet = ["accuse"]

    /// The "of" after the object of a charging cue ("accused the army of …"), within five
    /// tokens of the cue and in the same clause, or `nil`.
    func accusationOf(after cue: CueMatch) -> Int? {
        guard Self.chargingCues.contains(cue.cue.phrase) else { return nil }
        let upper = min(field.tokens.count, cue.end + 6, field.sentences[field.tokens[cue.start].sentence].tokens.upperBound)
        var j = cue.end
        while j < upper {
            if field.tokens[j].lower == "of" { return j > cue.end ? j : nil }
            if kind[j] == .punctuation || classes[j].contains(.complementizer) || inCue[j] { return nil }
            j += 1
        }
        return nil
    }

    /// The actor charged between a charging cue and its "of": a name ("accused Kinshasa of"),
    /// a demonym before a noun ("accused the Israeli army of"), an object pronoun referring to
    /// an actor other than the accuser ("accused it of"), or a description of an actor named
    /// before ("accused the group of").
    func accusedActor(from start: Int, to of: Int, holders: [Holder]) -> Int? {
        var j = start
        while j < of {
            if mentionAt[j] >= 0 {
                let e = mentions[Int(mentionAt[j])].entity
                return isHolderType(e) ? e : nil
            }
            if demonymAt[j] >= 0, entities[Int(demonymAt[j])].type == .gpe { return Int(demonymAt[j]) }
            let c = classes[j]
            if j == start, c.contains(.personPronoun) || c.contains(.groupPronoun), !c.contains(.possessivePronoun) {
                return objectPronounReferent(at: j, excluding: holders.map(\.entity))
            }
            if j == of - 1, wordLike[j], Self.organizationHeads.contains(lowerOf: field.tokens[j]),
                let e = definiteReferent(at: j), isHolderType(e), !holders.contains(where: { $0.entity == e })
            {
                return e
            }
            j += 1
        }
        return nil
    }

    /// What an object pronoun ("accused it", "praised them") refers to: the latest actor of a
    /// compatible type named in this or the two sentences before, other than `excluded` (the
    /// clause's own holders: an object pronoun is not its subject).
    func objectPronounReferent(at index: Int, excluding excluded: [Int]) -> Int? {
        let wantsPerson = classes[index].contains(.personPronoun)
        let s = field.tokens[index].sentence
        let lowest = max(field.sentences[max(0, s - 2)].tokens.lowerBound, index - 200)
        var j = index - 1
        while j >= lowest {
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                let type = entities[m.entity].type
                let fits = wantsPerson ? type == .person : (type == .org || type == .gpe)
                if fits, !excluded.contains(m.entity) { return m.entity }
                j = m.tokens.lowerBound - 1
                continue
            }
            j -= 1
        }
        return nil
    }

    /// The actor an epithet cue names: a name or a demonym right before it, across a
    /// possessive ("Zelensky's regime", "the Kyiv regime", "the Iranian regime").
    func epithetTarget(of cue: CueMatch) -> Int? {
        var j = cue.start - 1
        if j >= 0, kind[j] == .possessive { j -= 1 }
        guard j >= 0 else { return nil }
        if mentionAt[j] >= 0 {
            let e = mentions[Int(mentionAt[j])].entity
            return isHolderType(e) ? e : nil
        }
        if demonymAt[j] >= 0, entities[Int(demonymAt[j])].type == .gpe { return Int(demonymAt[j]) }
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
        // "any plan to displace civilians", "the idea of a buffer zone": defined where it stands.
        if j + 1 < field.tokens.count, ["to", "of", "for"].contains(field.tokens[j + 1].lower) { return nil }
        // The referent as named, not as framed where it was mentioned ("opposed the plan …
        // dismissed the idea"); "the agreement", "the plan" name a thing the talks produce,
        // never the opposite of a topic ("ending impunity … welcomed the agreement").
        for m in topicMatches.reversed() where m.start < cue.start && m.sentence >= s - 2 {
            if lexicon.topicPhrases[m.phrase].isOpposite { continue }
            var t = target(of: m)
            t.sign = 1
            return t
        }
        // "the peace process … committed to the process", "the agreement establishing a special
        // tribunal … welcomed the agreement": with no topic nearby, the topic named earlier with
        // the same noun.
        if let m = sameNounAntecedent(of: j, before: cue.start) {
            var t = target(of: m)
            t.sign = 1
            return t
        }
        return nil
    }

    // MARK: - Output

    mutating func emit(cue: CueMatch, holders: [Holder], targets: [Target], confidence: Double, sentence s: Int) {
        guard !targets.isEmpty else { return }
        let sentence = field.sentences[s]
        let tokens = field.tokens
        let cueStart = tokens[cue.start].start
        let cueText = text(cueStart, tokens[cue.end - 1].end)
        var lo = sentence.start
        var hi = sentence.end
        let maxChars = max(1, configuration.maxEvidenceCharacters)
        if hi - lo > maxChars {
            lo = max(sentence.start, cueStart - maxChars / 2)
            hi = min(sentence.end, lo + maxChars)
            lo = max(sentence.start, hi - maxChars)
        }
        let evidence: Evidence
        if let last = lastEvidence, last.start == lo, last.end == hi {
            evidence = last
        } else {
            evidence = Evidence(field: field.field, start: lo, end: hi, text: text(lo, hi))
            lastEvidence = evidence
        }
        for holder in holders {
            let holderId = entities[holder.entity].id
            for var target in targets {
                if case .entity(let id) = target.target, id == holderId { continue }
                if !target.holderNames.isEmpty, !target.holderNames.contains(entities[holder.entity].name.lowercased()) {
                    target.target = .topic(TopicPhrase.fallbackTopic)
                    target.code = lexicon.fallbackTopicIndex
                }
                let polarity: Polarity = holder.factor * target.sign > 0 ? .support : .oppose
                let c = min(1, max(0, confidence * holder.weight * (target.isGeneric ? 0.9 : 1)))
                guard c >= configuration.minimumConfidence else { continue }
                stances.append(
                    Stance(
                        holder: holderId, target: target.target, polarity: polarity, confidence: c, cue: cueText,
                        evidence: evidence))
                stanceKeys.append(holder.entity << 22 | target.code << 1 | (polarity == .support ? 1 : 0))
            }
        }
    }
}
