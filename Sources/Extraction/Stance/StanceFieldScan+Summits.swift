/// "a meeting between President Volodymyr Zelenskiy and President Vladimir Putin": a meeting
/// of titled leaders is the `leaders_summit` topic, whoever the leaders are.
extension StanceFieldScan {
    /// Nouns of a meeting.
    static let meetingNouns: WordSet = ["meeting", "meetings", "summit", "talks", "encounter"]
    /// Forms of the verb "meet" ("meeting" is left out: "At the meeting President Macron said"
    /// is a noun, and a meeting noun has its own rule below).
    static let meetVerbs: WordSet = ["meet", "meets", "met"]
    /// Titles of heads of state or government.
    static let leaderTitles: WordSet = ["president", "chancellor", "premier", "king", "leader", "prime"]

    /// The end of a titled leader's name starting at `start` ("President Vladimir Putin",
    /// "Russian President Vladimir Putin"), or `nil`.
    func titledLeaderEnd(from start: Int, limit: Int) -> Int? {
        var j = start
        var titled = false
        // "Chinese President Xi Jinping" where China is not named: a capitalised adjective
        // before the title.
        while j < limit, j < start + 4,
            classes[j].contains(.title) || demonymAt[j] >= 0 || (!titled && capital[j] && mentionAt[j] < 0 && wordLike[j])
        {
            if Self.leaderTitles.contains(lowerOf: field.tokens[j]) { titled = true }
            j += 1
        }
        guard titled, j < limit, mentionAt[j] >= 0 else { return nil }
        let m = mentions[Int(mentionAt[j])]
        guard entities[m.entity].type == .person else { return nil }
        return m.tokens.upperBound
    }

    /// Adds `leaders_summit` matches for "meeting between (of) <titled leader> and <titled
    /// leader>" where no topic phrase covers the words.
    mutating func findLeaderMeetings() {
        guard let phrase = lexicon.leadersSummitPhrase else { return }
        for (s, sentence) in field.sentences.enumerated() {
            let limit = sentence.tokens.upperBound
            var i = sentence.tokens.lowerBound
            while i + 2 < limit {
                defer { i += 1 }
                guard topicAt[i] < 0 else { continue }
                // "expected to meet Chinese President Xi Jinping", "willing to meet with President
                // Putin": meeting a titled leader is a leaders' meeting.
                if Self.meetVerbs.contains(lowerOf: field.tokens[i]) {
                    let first = field.tokens[i + 1].lower == "with" ? i + 2 : i + 1
                    if let end = titledLeaderEnd(from: first, limit: limit), !(i..<end).contains(where: { topicAt[$0] >= 0 }) {
                        recordLeaderMeeting(i..<end, sentence: s, phrase: phrase)
                        i = end - 1
                        continue
                    }
                }
                // The rare link word first: its length rules out nearly every token without
                // hashing the noun.
                let link = field.tokens[i + 1].lower
                let linkLength = link.utf8.count
                guard linkLength == 2 || linkLength == 7, link == "between" || link == "of",
                    Self.meetingNouns.contains(lowerOf: field.tokens[i])
                else { continue }
                guard let first = titledLeaderEnd(from: i + 2, limit: limit) else { continue }
                guard first + 1 < limit, field.tokens[first].lower == "and",
                    let end = titledLeaderEnd(from: first + 1, limit: limit)
                else { continue }
                if (i..<end).contains(where: { topicAt[$0] >= 0 }) { continue }
                recordLeaderMeeting(i..<end, sentence: s, phrase: phrase)
                i = end - 1
            }
        }
    }

    /// Records tokens `range` of sentence `s` as a `leaders_summit` match of topic phrase `phrase`.
    private mutating func recordLeaderMeeting(_ range: Range<Int>, sentence s: Int, phrase: Int) {
        let index = Int32(topicMatches.count)
        topicMatches.append(
            TopicMatch(
                start: range.lowerBound, end: range.upperBound, topic: "leaders_summit", sign: 1, isGeneric: false,
                sentence: s, phrase: phrase))
        for t in range { topicAt[t] = index }
    }
}
