/// One entry of the cue lexicon: a word or phrase that signals a position, such as
/// "call for" (support) or "rule out" (oppose).
public struct StanceCue: Sendable, Hashable {
    /// How the cue relates to its holder and its target.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// A verb: the clause subject holds, the object is the target ("Kyiv rejected the plan").
        case verb
        /// A noun: a possessor holds ("Russia's demand for"), else the clause subject.
        case noun
        /// A predicate: the target comes before ("concessions are unacceptable"), the holder
        /// is named by "for X", the speaker, or the subject of the clause.
        case predicate
        /// A modal of obligation ("must", "should"): only a speaker who reports it holds.
        case modal
        /// A verb that only passes on a following cue ("reiterated Russia's demand"); it
        /// yields no stance of its own.
        case relay
        /// A disparaging name for the actor named right before it ("the Kyiv regime", "the
        /// Iranian regime"): whoever says it opposes that actor. Only a speaker holds it (a
        /// quote's speaker, a reported clause's reporter, an "according to" source), never the
        /// subject of the clause it appears in.
        case epithet
    }

    /// The phrase as written in the data, lowercased.
    public var phrase: String
    /// The polarity the cue expresses toward its target when not negated.
    public var polarity: Polarity
    /// How the holder and the target are found.
    public var role: Role
    /// Whether a named actor right after the cue can be its target ("condemned Russia").
    public var targetsActors: Bool
    /// Base confidence in [0, 1].
    public var confidence: Double
    /// Whether the word counts only where a verb stands (after a name, a pronoun, an
    /// auxiliary, "be", a comma or "and"): "Britain is planning a force", not "their plan for a
    /// force" nor "the bloc's defence plans".
    public var needsVerbPosition = false

    /// Creates a cue.
    public init(phrase: String, polarity: Polarity, role: Role = .verb, targetsActors: Bool = false, confidence: Double = 0.75) {
        self.phrase = phrase
        self.polarity = polarity
        self.role = role
        self.targetsActors = targetsActors
        self.confidence = confidence
    }
}
