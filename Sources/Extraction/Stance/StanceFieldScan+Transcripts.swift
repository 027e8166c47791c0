/// Transcripts and interviews: "GROSSI: … I support any halt to hostilities …" — the speaker
/// label that opens a paragraph holds its first-person statements.
extension StanceFieldScan {
    /// The entity labelled at the start of the paragraph holding token `index` ("GROSSI:",
    /// "Rafael Grossi:"), or `nil` when the paragraph has no speaker label.
    func speakerLabel(before index: Int) -> Int? {
        var j = index
        let lowest = max(0, index - 400)
        while j > lowest, !field.tokens[j].followsNewline { j -= 1 }
        guard mentionAt[j] >= 0 else { return nil }
        let m = mentions[Int(mentionAt[j])]
        guard m.tokens.lowerBound == j, m.tokens.upperBound < index, punct[m.tokens.upperBound] == Self.colon,
            isHolderType(m.entity)
        else { return nil }
        return m.entity
    }
}
