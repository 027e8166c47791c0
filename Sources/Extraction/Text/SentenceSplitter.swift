/// Groups tokens into sentences and flags headings, headline-case lines and boilerplate.
///
/// A sentence ends at terminal punctuation (with any closing quote or bracket glued to it)
/// before a capitalised word, a quote, a number or a line break; and at every line break,
/// so headings and list items without final punctuation stand alone. Abbreviations keep
/// their period inside the token and so never end a sentence, except an acronym such as
/// "U.S." before a typical sentence opener ("… with the U.S. The talks …").
struct SentenceSplitter {
    let scalars: [Unicode.Scalar]
    let isTitle: Bool

    /// Sets each token's `sentence` and returns the sentences.
    func split(_ tokens: inout [Token]) -> [Sentence] {
        let count = tokens.count
        var ranges: [Range<Int>] = []
        var begin = 0
        var k = 0
        while k < count {
            if k > begin, tokens[k].followsNewline {
                ranges.append(begin..<k)
                begin = k
            }
            let kind = tokens[k].kind
            if kind == .punctuation, ScalarClass.isTerminal(first(tokens[k])) {
                var e = k + 1
                while e < count, !tokens[e].followsNewline, tokens[e].start == tokens[e - 1].end,
                    tokens[e].kind == .quote || isOnly(")", tokens[e]) || isOnly("]", tokens[e])
                        || tokens[e].kind == .possessive || tokens[e].kind == .apostrophe
                        || (tokens[e].kind == .punctuation && ScalarClass.isTerminal(first(tokens[e])))
                {
                    e += 1
                }
                if e >= count || tokens[e].followsNewline || opensSentence(tokens[e]) {
                    ranges.append(begin..<e)
                    begin = e
                }
                k = e
                continue
            }
            if kind == .word, tokens[k].isAllCaps, last(tokens[k]) == ".", k + 1 < count,
                !tokens[k + 1].followsNewline, tokens[k + 1].isCapitalized,
                TextLexicon.sentenceStarters.contains(lowerOf: tokens[k + 1])
            {
                ranges.append(begin..<(k + 1))
                begin = k + 1
            }
            k += 1
        }
        if begin < count { ranges.append(begin..<count) }

        var sentences: [Sentence] = []
        sentences.reserveCapacity(ranges.count)
        for (index, r) in ranges.enumerated() {
            for j in r { tokens[j].sentence = index }
            sentences.append(Sentence(start: tokens[r.lowerBound].start, end: tokens[r.upperBound - 1].end, tokens: r, isHeading: false))
        }
        markLines(&sentences, tokens)
        return sentences
    }

    private func opensSentence(_ t: Token) -> Bool {
        t.isCapitalized || t.kind == .quote || t.kind == .number || t.kind == .symbol || t.kind == .dash
            || (t.kind == .punctuation && (isOnly("(", t) || isOnly("[", t)))
    }

    // A token's text is `scalars[start..<end]` (never empty): these read it there rather than
    // through the token's `String`.

    /// The token's first scalar.
    @inline(__always)
    private func first(_ t: Token) -> Unicode.Scalar { scalars[t.start] }

    /// The token's last scalar.
    @inline(__always)
    private func last(_ t: Token) -> Unicode.Scalar { scalars[t.end - 1] }

    /// Whether the token's text is the one ASCII scalar `c` (which only that scalar equals
    /// under `String`'s canonical equivalence).
    @inline(__always)
    private func isOnly(_ c: Unicode.Scalar, _ t: Token) -> Bool { t.end - t.start == 1 && scalars[t.start] == c }

    /// Flags headings, headline case and boilerplate line by line.
    private func markLines(_ sentences: inout [Sentence], _ tokens: [Token]) {
        var s = 0
        while s < sentences.count {
            var e = s + 1
            while e < sentences.count, !tokens[sentences[e].tokens.lowerBound].followsNewline { e += 1 }
            // sentences s..<e form one line
            let lineTokens = sentences[s].tokens.lowerBound..<sentences[e - 1].tokens.upperBound
            var words = 0
            for j in lineTokens where tokens[j].kind == .word { words += 1 }
            var content = 0
            var capitalized = 0
            if isTitle || (e == s + 1 && words <= 20) {
                for j in lineTokens where tokens[j].kind == .word {
                    if !TextLexicon.headlineSmallWords.contains(lowerOf: tokens[j]) {
                        content += 1
                        if tokens[j].isCapitalized { capitalized += 1 }
                    }
                }
            }
            var titleCase = content >= 2 && capitalized * 4 >= content * 3
            if titleCase, let firstWord = lineTokens.first(where: { tokens[$0].kind == .word }),
                TextLexicon.creditLineStarts.contains(lowerOf: tokens[firstWord])
            {
                titleCase = false
            }
            let boilerplate = !isTitle && isBoilerplate(lineTokens, tokens, words: words)
            if isTitle {
                for x in s..<e {
                    sentences[x].isHeading = true
                    sentences[x].isTitleCase = titleCase
                }
            } else if e == s + 1 {
                let last = tokens[lineTokens.upperBound - 1]
                let lastScalar = self.last(last)
                let opening = tokens[lineTokens.lowerBound]
                let bold = isOnly("*", opening) || (opening.end - opening.start == 2 && scalars[opening.start] == "*" && scalars[opening.start + 1] == "*")
                let ends = last.kind == .punctuation && (ScalarClass.isTerminal(lastScalar) || lastScalar == ":" || lastScalar == "," || lastScalar == ";")
                let endsQuote = last.kind == .quote
                let question = lastScalar == "?"
                let heading = words > 0 && words <= 20 && ((!ends && !endsQuote) || bold || question)
                sentences[s].isHeading = heading
                sentences[s].isTitleCase = heading && titleCase
            }
            if boilerplate {
                for x in s..<e { sentences[x].isBoilerplate = true }
            }
            s = e
        }
    }

    private func isBoilerplate(_ line: Range<Int>, _ tokens: [Token], words: Int) -> Bool {
        guard words <= TextLexicon.boilerplateMaxWords else { return false }
        // Cheap filter: the line's first word must start some boilerplate prefix.
        guard let firstWord = line.first(where: { tokens[$0].kind == .word }),
            TextLexicon.boilerplateFirstWords.contains(lowerOf: tokens[firstWord])
                || line.contains(where: { isOnly("©", tokens[$0]) })
        else { return false }
        var lower = String()
        for k in tokens[line.lowerBound].start..<tokens[line.upperBound - 1].end {
            ScalarClass.appendLower(scalars[k], to: &lower)
        }
        // tolerate a leading bullet or asterisk
        while let f = lower.unicodeScalars.first, !ScalarClass.isLetter(f), f != "©" {
            lower.unicodeScalars.removeFirst()
        }
        let scalarsOfLine = Array(lower.unicodeScalars)
        for prefix in TextLexicon.boilerplatePrefixes where lower.hasPrefix(prefix) {
            let after = prefix.unicodeScalars.count
            if after < scalarsOfLine.count, ScalarClass.isLetter(scalarsOfLine[after]), ScalarClass.isLetter(prefix.unicodeScalars.last!) {
                continue
            }
            if words <= 5 || prefix.contains(" ") || prefix.hasSuffix(":") || prefix == "©" { return true }
        }
        return false
    }
}
