/// Anaphoric targets of the same kind: "the deal", "the process", "the agreement" refer back to
/// the topic last named with that noun.
extension StanceFieldScan {
    /// The most tokens looked back for a noun's antecedent.
    static let maxAntecedentDistance = 600
    /// Words that open a noun's complement naming what it is about ("the agreement
    /// establishing a tribunal", "the plan for a ceasefire").
    static let complementOpeners: WordSet = ["to", "for", "of", "on", "establishing", "creating", "setting", "providing"]

    /// The topic an anaphoric noun at `noun` refers to, named before `before` in this field:
    /// the latest earlier mention of the same noun that is part of a topic phrase ("the peace
    /// process" for "the process") or that a topic completes ("the agreement establishing a
    /// special tribunal"; not a prefixed modifier, "a plan for a post-ceasefire force").
    /// Opposite phrases name no such thing.
    func sameNounAntecedent(of noun: Int, before: Int) -> TopicMatch? {
        let id = ids[noun]
        guard id >= 0 else { return nil }
        let lowest = max(0, noun - Self.maxAntecedentDistance)
        var k = noun - 1
        while k >= lowest {
            if ids[k] == id, k < before {
                if topicAt[k] >= 0 {
                    let m = topicMatches[Int(topicAt[k])]
                    if !lexicon.topicPhrases[m.phrase].isOpposite, m.end <= before { return m }
                } else if k + 1 < field.tokens.count, Self.complementOpeners.contains(lowerOf: field.tokens[k + 1]) {
                    // The first topic of the complement, before any punctuation.
                    var t = k + 2
                    let upper = min(field.tokens.count, k + 8, before)
                    while t < upper, punct[t] == 0 {
                        if topicAt[t] >= 0 {
                            let m = topicMatches[Int(topicAt[t])]
                            let prefixed = m.start > 0 && kind[m.start - 1] == .dash
                            if !prefixed, !lexicon.topicPhrases[m.phrase].isOpposite { return m }
                            break
                        }
                        t += 1
                    }
                }
            }
            k -= 1
        }
        return nil
    }
}
