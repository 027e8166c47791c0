/// Noun and verb readings of a word the lexicon writes once ("guarantee": the noun of a
/// topic, and a verb cue).
extension StanceFieldScan {
    /// Whether the word at `i` reads as a noun: not a participle ("guaranteed",
    /// "guaranteeing"), and not where a verb stands (after "to", an auxiliary, a pronoun, a
    /// name, a relative pronoun, a comma or "and"). A determiner, an adjective, a possessive, a
    /// demonym or a preposition before it, or a verb it is the object of ("need guarantees"),
    /// give the noun.
    func isNounReading(at i: Int, floor: Int) -> Bool {
        let lower = field.tokens[i].lower
        if lower.hasSuffix("ed") || lower.hasSuffix("ing") { return false }
        guard i > floor else { return true }
        let c = classes[i - 1]
        if kind[i - 1] == .possessive || c.contains(.possessivePronoun) || c.contains(.filler) || demonymAt[i - 1] >= 0 {
            return true
        }
        if c.contains(.preposition) { return field.tokens[i - 1].lower != "to" }
        if c.contains(.relativePronoun) || c.contains(.complementizer) { return false }
        return !isVerbPosition(i)
    }
}

extension StanceFieldScan {
    /// Whether "whether" opens the clause of a cue at `index` (in the clause or right before
    /// it, looking back at most sixteen tokens): "Whether NATO will provide guarantees
    /// remains unclear", "asked whether Kyiv would accept a truce" report a question.
    func opensIndirectQuestion(before index: Int, clauseStart: Int, floor: Int) -> Bool {
        var j = index - 1
        let lowest = max(floor, clauseStart - 1, index - 16)
        while j >= lowest {
            if field.tokens[j].lower == "whether" { return true }
            j -= 1
        }
        return false
    }
}

extension StanceFieldScan {
    /// Whether the inverting preposition at `preposition` ("without", "against") modifies a
    /// topic negated by "no": "no concessions against Ukraine's interests", "no negotiations on
    /// Ukraine without Ukraine" say the topic after the preposition must be kept. Looks back at
    /// most six tokens, not past punctuation, a cue, a clause boundary or "that".
    func isUnderNegatedHead(preposition: Int, floor: Int) -> Bool {
        var j = preposition - 1
        var sawTopic = false
        let lowest = max(floor, preposition - 6)
        while j >= lowest {
            if punct[j] != 0 || inCue[j] || classes[j].contains(.clauseBoundary) || classes[j].contains(.complementizer) {
                return false
            }
            if topicAt[j] >= 0 { sawTopic = true }
            if sawTopic, field.tokens[j].lower == "no" { return true }
            j -= 1
        }
        return false
    }
}

extension StanceFieldScan {
    /// Whether token `j` is the preposition "without" (an inverter: the topic after it carries
    /// the flipped sign).
    func isWithout(_ j: Int) -> Bool {
        classes[j].contains(.inverter) && classes[j].contains(.preposition) && field.tokens[j].lower == "without"
    }
}

extension StanceFieldScan {
    /// Whether the quote holding topic `m` opens with a gerund ("“Proceeding without Ukraine
    /// will only encourage Putin”", "“Leaving Ukraine out …”"): its topics are what the speaker
    /// judges, not a position. Not a quote at all: `false`.
    func quoteOpensWithGerund(_ m: TopicMatch) -> Bool {
        let q = quoteAt[m.start]
        guard q >= 0 else { return false }
        let first = quoteSpans[Int(q)].open + 1
        return first < m.start && wordLike[first] && mentionAt[first] < 0 && field.tokens[first].lower.hasSuffix("ing")
    }
}

extension StanceFieldScan {
    /// Whether a subject pronoun at `q` ("he", "she", "they", "we", not "his", "their") is
    /// followed by a lowercase past-tense verb ("said he expected to meet …", "said they
    /// wanted …"): a reported clause without "that".
    func startsReportedClause(at q: Int, limit: Int) -> Bool {
        let c = classes[q]
        guard c.contains(.personPronoun) || c.contains(.groupPronoun) || c.contains(.firstPersonPronoun),
            !c.contains(.possessivePronoun), q + 1 < limit, wordLike[q + 1], !capital[q + 1], mentionAt[q + 1] < 0
        else { return false }
        let pronoun = field.tokens[q].lower
        guard pronoun != "him" && pronoun != "them" && pronoun != "me" && pronoun != "our" && pronoun != "my" else { return false }
        return field.tokens[q + 1].lower.hasSuffix("ed")
    }
}
