/// Evaluations: "called the Russian move “blackmail”", "described Kyiv's plan as a
/// provocation", "branded the decision unconscionable". An evaluation verb's object is what
/// the evaluative label after it (a predicate cue) judges; when the object is no topic, the
/// actor it belongs to is.
extension StanceFieldScan {
    /// The most tokens between an evaluation verb and its label.
    static let maxEvaluationSpan = 10

    /// The evaluation verb ("called", "described", "dismissed") before the predicate cue, with
    /// an object between them, in the same clause: its index, or `nil`.
    func evaluationVerb(before cue: CueMatch, floor: Int) -> Int? {
        var j = cue.start - 2
        let lowest = max(floor, cue.start - Self.maxEvaluationSpan)
        while j >= lowest {
            let c = classes[j]
            if c.contains(.evaluationVerb), mentionAt[j] < 0, !(inCue[j] && j + 1 < inCue.count && inCue[j + 1]) {
                return j  // not "called on", "called for": those are cues of their own
            }
            if punct[j] != 0 || c.contains(.complementizer) || c.contains(.speechVerb) || c.contains(.clauseBoundary)
                || c.contains(.relativePronoun)
            {
                return nil
            }
            j -= 1
        }
        return nil
    }

    /// The actor an adverse label judges through an evaluation verb's object: a name ("calls
    /// Russia a threat"), a name's or a demonym's thing ("Salvini's position", "the Russian
    /// move"), or a possessive pronoun's ("its decision"), before any preposition, topic or
    /// other cue in the object.
    func evaluatedActor(of cue: CueMatch, floor: Int) -> Int? {
        guard let v = evaluationVerb(before: cue, floor: floor) else { return nil }
        var j = v + 1
        while j < cue.start {
            if topicAt[j] >= 0 || (inCue[j] && j != v) { return nil }
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                // "the Geneva talks": a name modifying a topic is the topic's.
                return isHolderType(m.entity) && !isModifier(m) ? m.entity : nil
            }
            if demonymAt[j] >= 0 {
                let e = Int(demonymAt[j])
                return entities[e].type == .gpe && j + 1 < cue.start && wordLike[j + 1] ? e : nil
            }
            if classes[j].contains(.possessivePronoun) {
                let r = resolvePronoun(at: j)
                return r >= 0 && isHolderType(r) ? r : nil
            }
            if classes[j].contains(.preposition) || classes[j].contains(.coordinator) || punct[j] != 0 { return nil }
            j += 1
        }
        return nil
    }
}
