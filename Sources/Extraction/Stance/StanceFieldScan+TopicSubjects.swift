extension StanceFieldScan {
    /// Whether the topic phrase at tokens `start..<end` is explicitly about a country other
    /// than its topic's subject: named right after it behind one of the subject's words
    /// ("sanctions on Iran", "sovereignty over Western Sahara"; a following "the" is passed
    /// over), or, where the subject allows it, right before it ("Morocco's sovereignty",
    /// "Syria's full sovereignty", "Finnish NATO membership"). A phrase whose following words
    /// name the subject itself keeps its topic whatever stands before it.
    func namesAnotherSubject(_ subject: TopicSubject, start: Int, end: Int, in sentence: Sentence) -> Bool {
        let tokens = field.tokens
        let lo = sentence.tokens.lowerBound
        let hi = sentence.tokens.upperBound
        if end < hi, kind[end] == .word, subject.after.contains(tokens[end].lower) {
            var j = end + 1
            if j < hi, tokens[j].lower == "the" { j += 1 }
            if j < hi, let owner = country(at: j) { return !subject.names.contains(owner) }
        }
        guard subject.before, start > lo else { return false }
        var k = start - 1
        if kind[k] == .possessive {
            k -= 1
        } else if k - 1 >= lo, kind[k - 1] == .possessive, kind[k] == .word, !capital[k] {
            k -= 2  // "Syria's full sovereignty"
        }
        guard k >= lo, let owner = country(at: k) else { return false }
        return !subject.names.contains(owner)
    }

    /// The lowercased name of the country token `t` names: a mention of an entity with an
    /// ISO 3166-1 id, or a demonym of one; `nil` otherwise.
    func country(at t: Int) -> String? {
        let index: Int
        if mentionAt[t] >= 0 {
            index = mentions[Int(mentionAt[t])].entity
        } else if demonymAt[t] >= 0 {
            index = Int(demonymAt[t])
        } else {
            return nil
        }
        guard index < entities.count, entities[index].kbId?.hasPrefix("iso3166-1:") == true else { return nil }
        return entities[index].name.lowercased()
    }
}
