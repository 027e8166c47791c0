/// "…, a call echoed by German Chancellor Friedrich Merz", "…, as did Poland": an actor who
/// echoes a position takes the positions the sentence reports before it.
extension StanceFieldScan {
    /// Participles that pass a position on to the agent after "by".
    static let echoVerbs: WordSet = ["echoed", "seconded", "shared", "endorsed"]
    /// Nouns naming a position that can be echoed ("a view shared by").
    static let positionNouns: WordSet = ["call", "calls", "view", "views", "position", "demand", "sentiment", "concern", "message", "appeal", "warning", "stance"]

    /// The holder named at `start` after titles, demonyms and fillers, or `nil`.
    func echoingHolder(from start: Int, limit: Int) -> Int? {
        var j = start
        while j < limit, j < start + 5 {
            if mentionAt[j] >= 0 {
                let e = mentions[Int(mentionAt[j])].entity
                return isHolderType(e) ? e : nil
            }
            guard classes[j].contains(.title) || topicSkippable[j] else { return nil }  // titles, fillers, demonyms
            j += 1
        }
        return nil
    }

    /// Copies the stances emitted for sentence `s` (from index `first`) to an actor that
    /// echoes them later in the sentence.
    mutating func propagateEchoes(sentence s: Int, from first: Int) {
        guard first < stances.count else { return }
        let range = field.sentences[s].tokens
        var echo: (entity: Int, at: Int)?
        var j = range.lowerBound + 1
        while j + 1 < range.upperBound, echo == nil {
            let word = field.tokens[j].lower
            if Self.echoVerbs.contains(word), field.tokens[j + 1].lower == "by" {
                let afterNoun = (max(range.lowerBound, j - 3)..<j).contains { Self.positionNouns.contains(lowerOf: field.tokens[$0]) }
                if word == "echoed" || word == "seconded" || afterNoun,
                    let e = echoingHolder(from: j + 2, limit: range.upperBound)
                {
                    echo = (e, j)
                }
            } else if word == "as", ["did", "does", "has", "have", "had"].contains(field.tokens[j + 1].lower),
                j >= 1, punct[j - 1] == Self.comma, let e = echoingHolder(from: j + 2, limit: range.upperBound)
            {
                echo = (e, j)
            }
            j += 1
        }
        guard let (entity, at) = echo else { return }
        let id = entities[entity].id
        let evidenceEnd = field.tokens[at].start
        for k in first..<stances.count {
            let stance = stances[k]
            guard stance.holder != id, stance.evidence.start <= evidenceEnd else { continue }
            if case .entity(let target) = stance.target, target == id { continue }
            var copy = stance
            copy.holder = id
            copy.confidence = stance.confidence * 0.9
            guard copy.confidence >= configuration.minimumConfidence else { continue }
            stances.append(copy)
            stanceKeys.append(entity << 22 | (stanceKeys[k] & ((1 << 22) - 1)))
        }
    }
}
