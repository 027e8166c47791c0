/// The grammatical roles a word plays for stance extraction, as listed under `word_classes`
/// in `cues.json`. A word may have several.
struct StanceWordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    /// "not", "never", "no longer", "rather than": flips the polarity of a following cue.
    static let negator = StanceWordClass(rawValue: 1 << 0)
    /// "may", "might", "reportedly": lowers confidence.
    static let hedge = StanceWordClass(rawValue: 1 << 1)
    /// "say", "state", "tell", "stress": opens reported speech.
    static let speechVerb = StanceWordClass(rawValue: 1 << 2)
    /// "of", "with", "to": a name right after one is not a clause subject.
    static let preposition = StanceWordClass(rawValue: 1 << 3)
    /// "while", "whereas", "but": ends a clause.
    static let clauseBoundary = StanceWordClass(rawValue: 1 << 4)
    /// "which", "who": the holder is the noun before it.
    static let relativePronoun = StanceWordClass(rawValue: 1 << 5)
    /// "he", "she": refers to a person.
    static let personPronoun = StanceWordClass(rawValue: 1 << 6)
    /// "it", "they": refers to an organisation or a country.
    static let groupPronoun = StanceWordClass(rawValue: 1 << 7)
    /// "official", "government", "spokesperson": with a demonym or a name, an unnamed holder.
    static let holderNoun = StanceWordClass(rawValue: 1 << 8)
    /// "president", "minister", "senior": words of a title before a name.
    static let title = StanceWordClass(rawValue: 1 << 9)
    /// "the", "any", "full": may be skipped inside a topic phrase.
    static let filler = StanceWordClass(rawValue: 1 << 10)
    /// "lift", "ease", "without", "exclusion": a topic right after it is flipped.
    static let inverter = StanceWordClass(rawValue: 1 << 11)
    /// "idea", "proposal", "plan": refers back to the last topic.
    static let anaphor = StanceWordClass(rawValue: 1 << 12)
    /// "is", "was", "been": marks a passive with a following participle.
    static let beVerb = StanceWordClass(rawValue: 1 << 13)
    /// "according to": the following name is the source of the sentence.
    static let attribution = StanceWordClass(rawValue: 1 << 14)
    /// "and", "as well as": joins coordinated holders.
    static let coordinator = StanceWordClass(rawValue: 1 << 15)
    /// "that": introduces a reported clause.
    static let complementizer = StanceWordClass(rawValue: 1 << 16)
    /// "by": the agent of a passive follows.
    static let agentMarker = StanceWordClass(rawValue: 1 << 17)
    /// "for": the holder of a predicate cue follows ("unacceptable for Kyiv").
    static let beneficiaryMarker = StanceWordClass(rawValue: 1 << 18)
    /// "we", "i", "our": inside a quote, the speaker.
    static let firstPersonPronoun = StanceWordClass(rawValue: 1 << 19)
    /// "his", "its", "their": a possessive pronoun (not a subject).
    static let possessivePronoun = StanceWordClass(rawValue: 1 << 20)

    /// "would", "was", "had": a finite verb, so a speech verb's object is a reported clause
    /// even without "that" ("said the talks were over").
    static let auxiliary = StanceWordClass(rawValue: 1 << 21)
    /// "warn", "fear": reporting a topic with such a verb is opposing it.
    static let negativeSpeech = StanceWordClass(rawValue: 1 << 22)
    /// "bloc", "alliance": a group pronoun (also listed under `group_pronouns`) that refers
    /// only to an organisation.
    static let organizationReferent = StanceWordClass(rawValue: 1 << 23)
    /// "kingdom": a group pronoun that refers only to a country.
    static let countryReferent = StanceWordClass(rawValue: 1 << 24)
    /// "operation", "talks", "format": a noun that a name right before it modifies ("the Kursk
    /// operation", "the Geneva talks"); such a name is no clause subject.
    static let modifiedNoun = StanceWordClass(rawValue: 1 << 25)
    /// "call", "brand", "describe", "dismiss": a verb whose object an evaluative label after it
    /// judges ("called the Russian move blackmail", "described the tribunal as a nullity").
    static let evaluationVerb = StanceWordClass(rawValue: 1 << 26)
    /// "organisation", "group", "movement", "rebels": after "the", the latest organisation
    /// named before ("Hamas … The group said").
    static let organizationDescription = StanceWordClass(rawValue: 1 << 27)

    /// The `word_classes` keys of `cues.json`, with the class each names.
    static let names: [(key: String, value: StanceWordClass)] = [
        ("negators", .negator), ("hedges", .hedge), ("speech_verbs", .speechVerb),
        ("prepositions", .preposition), ("clause_boundaries", .clauseBoundary),
        ("relative_pronouns", .relativePronoun), ("person_pronouns", .personPronoun),
        ("group_pronouns", .groupPronoun), ("holder_nouns", .holderNoun), ("titles", .title),
        ("fillers", .filler), ("inverters", .inverter), ("anaphors", .anaphor), ("be_verbs", .beVerb),
        ("attribution_markers", .attribution), ("coordinators", .coordinator),
        ("complementizers", .complementizer), ("agent_markers", .agentMarker),
        ("beneficiary_markers", .beneficiaryMarker), ("first_person_pronouns", .firstPersonPronoun),
        ("possessive_pronouns", .possessivePronoun), ("auxiliaries", .auxiliary),
        ("negative_speech_verbs", .negativeSpeech), ("organization_referents", .organizationReferent),
        ("country_referents", .countryReferent), ("modified_nouns", .modifiedNoun),
        ("evaluation_verbs", .evaluationVerb), ("organization_descriptions", .organizationDescription),
    ]
}
