/// Definite descriptions as holders: "the Prime Minister has said", "the Ukrainian president
/// says", "the ministry said" name an actor of the article without naming it.
extension StanceFieldScan {
    /// Title heads that describe a person ("the president", "the foreign minister").
    static let personHeads: WordSet = [
        "president", "minister", "chancellor", "premier", "secretary", "spokesman", "spokeswoman",
        "spokesperson", "envoy", "ambassador", "pope", "pontiff", "king", "commissioner", "ombudsman",
        "ombudswoman",
    ]
    /// Nouns that describe an organisation named before ("the ministry", "the agency").
    static let organizationHeads: WordSet = [
        "ministry", "agency", "commission", "council", "bank", "court", "committee", "assembly", "party", "movement",
        "organisation", "organization", "group",
    ]
    // Organisation nouns that refer to the latest organisation named whatever its name ("the
    // organisation said", "the group said" after "Hamas …") are the `organization_descriptions`
    // word class of cues.json.

    /// Whether a mention is who a speaker told something ("told Reuters", "told the BBC"):
    /// an addressee, not an actor a later "the group" refers to.
    func isListener(_ m: ResolvedMention) -> Bool {
        var p = m.tokens.lowerBound - 1
        if p >= 0, field.tokens[p].lower == "the" { p -= 1 }
        guard p >= 0 else { return false }
        let verb = field.tokens[p].lower
        return verb == "told" || verb == "tell" || verb == "tells" || verb == "telling"
    }

    /// The entity a definite description ending at token `head` refers to, or `nil`: "the
    /// [demonym] [titles] <head>" or "<Country>'s [titles] <head>" not followed by a name. A
    /// person title refers to the latest person named with that title, else to a person
    /// subject of the two sentences before, else to the country the demonym or possessive
    /// names ("the Qatari prime minister", "Russia's foreign minister" speak for their country,
    /// like an unnamed official). An organisation noun without a demonym
    /// refers to the latest organisation whose name has it.
    func definiteReferent(at head: Int) -> Int? {
        let word = field.tokens[head].lower
        let isPerson = Self.personHeads.contains(word)
        let generic = classes[head].contains(.organizationDescription)
        guard isPerson || generic || Self.organizationHeads.contains(word) else { return nil }
        if head + 1 < field.tokens.count, mentionAt[head + 1] >= 0 || classes[head + 1].contains(.title) { return nil }
        var j = head - 1
        var owner = -1
        var possessor = false
        while j >= max(0, head - 4) {
            if field.tokens[j].lower == "the" { break }
            // "Russia's foreign minister": a country's possessive takes the article's place.
            if isPerson, kind[j] == .possessive, j >= 1, mentionAt[j - 1] >= 0 {
                let m = mentions[Int(mentionAt[j - 1])]
                guard entities[m.entity].type == .gpe else { return nil }
                owner = m.entity
                possessor = true
                j = m.tokens.lowerBound
                break
            }
            if demonymAt[j] >= 0 {
                owner = Int(demonymAt[j])
            } else if !classes[j].contains(.title) {
                // "the human rights organisation", "the rebel group": plain lowercase words
                // before an organisation noun.
                guard !isPerson, wordLike[j], !capital[j], mentionAt[j] < 0, !inCue[j], topicAt[j] < 0 else { return nil }
            }
            j -= 1
        }
        guard j >= 0, possessor || field.tokens[j].lower == "the" else { return nil }
        let article = j
        if !isPerson {
            guard owner < 0 else { return nil }
            var k = article - 1
            // Quote marks passed: a name on the other side of an odd number of them stands
            // inside a quote (or outside the one holding the description), and is no referent:
            // "“We will never trust the League,” the group said".
            var quoteMarks = 0
            while k >= max(0, article - 400) {
                if kind[k] == .quote { quoteMarks += 1 }
                if mentionAt[k] >= 0 {
                    let m = mentions[Int(mentionAt[k])]
                    if entities[m.entity].type == .org, !isListener(m), quoteMarks % 2 == 0,
                        generic || entities[m.entity].name.lowercased().split(separator: " ").contains(Substring(word))
                    {
                        return m.entity
                    }
                    k = m.tokens.lowerBound - 1
                    continue
                }
                k -= 1
            }
            return nil
        }
        // The latest person named with this title ("Prime Minister Keir Starmer").
        var k = article - 1
        while k >= max(0, article - 400) {
            if mentionAt[k] >= 0 {
                let m = mentions[Int(mentionAt[k])]
                if entities[m.entity].type == .person {
                    // "the Ukrainian president" needs "Ukrainian President …", not "President Macron".
                    var t = m.tokens.lowerBound - 1
                    var titled = false
                    var sameOwner = owner < 0 || possessor
                    while t >= max(0, m.tokens.lowerBound - 4), classes[t].contains(.title) || demonymAt[t] >= 0 {
                        if field.tokens[t].lower == word { titled = true }
                        if demonymAt[t] >= 0, Int(demonymAt[t]) == owner { sameOwner = true }
                        t -= 1
                    }
                    if titled, sameOwner { return m.entity }
                }
                k = m.tokens.lowerBound - 1
                continue
            }
            k -= 1
        }
        // "Volodymyr Zelensky has welcomed the plan. The Ukrainian president says …".
        let s = field.tokens[head].sentence
        var p = s - 1
        while p >= max(0, s - 2) {
            let subject = sentenceSubject[p]
            if subject >= 0, entities[Int(subject)].type == .person { return Int(subject) }
            // "LONDON — Sir Keir Starmer will host …": a dateline or byline comes first.
            for t in field.sentences[p].tokens where mentionAt[t] >= 0 {
                let m = mentions[Int(mentionAt[t])]
                if entities[m.entity].type == .person, isEligibleSubject(mention: m) { return m.entity }
            }
            p -= 1
        }
        // No one of the article holds that title: the country speaks through it.
        return owner >= 0 ? owner : nil
    }
}

/// "Both sides", "the two leaders": the pair named together before ("Russia and Ukraine",
/// "Trump and Putin").
extension StanceFieldScan {
    /// Plural nouns for a pair of people.
    static let pairPersonNouns: WordSet = ["leaders", "presidents", "men"]
    /// Number words for "the four countries" and the like.
    static let listCounts: [String: Int] = ["three": 3, "four": 4, "five": 5, "six": 6]

    /// The entities "the three countries", "the four governments" ending at `head` refer to:
    /// the latest list of exactly that many countries or organisations ("A, B, the C and D")
    /// within the last three sentences, or `nil`.
    func listReferents(count: Int, at head: Int) -> [Int]? {
        guard Self.pairGroupNouns.contains(field.tokens[head].lower) else { return nil }
        func fits(_ e: Int) -> Bool { entities[e].type == .gpe || entities[e].type == .org }
        let s = field.tokens[head].sentence
        let lowest = max(field.sentences[max(0, s - 3)].tokens.lowerBound, head - 300)
        var j = head - 3
        while j > lowest {
            var next = j + 1
            if next < head, field.tokens[next].lower == "the" { next += 1 }
            if field.tokens[j].lower == "and", mentionAt[j - 1] >= 0, next < head, mentionAt[next] >= 0 {
                var list = [mentions[Int(mentionAt[next])].entity]
                var m = mentions[Int(mentionAt[j - 1])]
                while list.count <= count {
                    list.append(m.entity)
                    // ", the C": walk back over a comma and an article to the name before.
                    var k = m.tokens.lowerBound - 1
                    if k > lowest, field.tokens[k].lower == "the" { k -= 1 }
                    guard k > lowest, punct[k] == Self.comma, mentionAt[k - 1] >= 0 else { break }
                    m = mentions[Int(mentionAt[k - 1])]
                }
                if list.count == count, list.allSatisfy(fits), Set(list).count == count { return list }
            }
            j -= 1
        }
        return nil
    }

    /// Plural nouns for a pair of countries or organisations.
    static let pairGroupNouns: WordSet = ["sides", "countries", "parties", "delegations", "governments", "nations"]

    /// The two entities a "both sides" / "the two leaders" phrase ending at `head` refers to,
    /// or `nil`: the latest "A and B" pair of matching type within the last three sentences.
    func pairReferents(at head: Int) -> [Int]? {
        // The rare "both" / "the two" first: it rules out nearly every token without a lookup.
        guard head >= 1 else { return nil }
        let before = field.tokens[head - 1].lower
        let afterThe = head >= 2 && field.tokens[head - 2].lower == "the"
        if afterThe, let n = Self.listCounts[before] {
            return listReferents(count: n, at: head)
        }
        let paired = before == "both" || (before == "two" && afterThe)
        guard paired else { return nil }
        let word = field.tokens[head].lower
        let wantsPerson = Self.pairPersonNouns.contains(word)
        guard wantsPerson || Self.pairGroupNouns.contains(word) else { return nil }
        func fits(_ e: Int) -> Bool {
            let type = entities[e].type
            return wantsPerson ? type == .person : (type == .gpe || type == .org)
        }
        let s = field.tokens[head].sentence
        let lowest = max(field.sentences[max(0, s - 3)].tokens.lowerBound, head - 300)
        var j = head - 2
        while j > lowest {
            // "A and B": a coordinator between two fitting names.
            if field.tokens[j].lower == "and", mentionAt[j - 1] >= 0, j + 1 < head, mentionAt[j + 1] >= 0 {
                let a = mentions[Int(mentionAt[j - 1])].entity
                let b = mentions[Int(mentionAt[j + 1])].entity
                if a != b, fits(a), fits(b) { return [a, b] }
            }
            j -= 1
        }
        // "Zelensky met Erdogan in Ankara. The two leaders …": the last two people named.
        guard wantsPerson else { return nil }
        var people: [Int] = []
        j = head - 2
        while j >= lowest, people.count < 2 {
            if mentionAt[j] >= 0 {
                let m = mentions[Int(mentionAt[j])]
                if fits(m.entity), !people.contains(m.entity) { people.append(m.entity) }
                j = m.tokens.lowerBound - 1
                continue
            }
            j -= 1
        }
        return people.count == 2 ? people : nil
    }
}

/// Lists of holders.
extension StanceFieldScan {
    /// Whether the holder name starting at `start` is followed by "and" and a word: "Poland and
    /// the Baltic states", a list going on past it.
    func listGoesOn(after start: Int) -> Bool {
        guard start < mentionAt.count, mentionAt[start] >= 0 else { return false }
        let end = mentions[Int(mentionAt[start])].tokens.upperBound
        return end + 1 < kind.count && classes[end].contains(.coordinator) && wordLike[end + 1]
    }
}

extension StanceFieldScan {
    /// Whether the "and" at `coordinator` joins a name to one right after "between" or "with"
    /// (past titles): "between President Zelensky and …", "talks with Hamas and …".
    func isSecondOfPrepositionalPair(coordinator: Int, floor: Int) -> Bool {
        var j = coordinator - 1
        guard j >= floor, mentionAt[j] >= 0 else { return false }
        j = mentions[Int(mentionAt[j])].tokens.lowerBound - 1
        var looked = 0
        while j >= floor, looked < 4, mentionAt[j] < 0, classes[j].contains(.title) || classes[j].contains(.filler) || demonymAt[j] >= 0 {
            looked += 1
            j -= 1
        }
        guard j >= floor else { return false }
        let word = field.tokens[j].lower
        return word == "between" || word == "with"
    }
}
