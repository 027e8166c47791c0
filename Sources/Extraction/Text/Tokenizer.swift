/// Splits a field's scalars into tokens in one left-to-right pass.
///
/// Rules: words keep internal apostrophes ("didn’t", "O’Brien") but the possessive "’s" is
/// split off; hyphens always split ("U.S.-Russia" → "U.S.", "-", "Russia"); letter-period
/// runs are one token ("U.S.", "e.g."), and so are spaced initials ("U. S."); known
/// abbreviations keep their period ("Mr.", "Gen.", "Jan.", "No." before a number).
struct Tokenizer {
    let scalars: [Unicode.Scalar]

    func tokenize() -> [Token] {
        // The scan reads the scalars through a buffer pointer: no bounds check per scalar.
        scalars.withUnsafeBufferPointer { Scan(scalars: $0).tokenize() }
    }
}

extension Tokenizer {
    /// One tokenisation pass over a field's scalars.
    fileprivate struct Scan {
        let scalars: UnsafeBufferPointer<Unicode.Scalar>

        func tokenize() -> [Token] {
            let s = scalars
            let n = s.count
            var tokens: [Token] = []
            tokens.reserveCapacity(n / 5 + 4)
            var i = 0
            var sawNewline = true
            var lastWasWordEnd = false
            while i < n {
                let c = s[i]
                if ScalarClass.isNewline(c) {
                    sawNewline = true
                    lastWasWordEnd = false
                    i += 1
                    continue
                }
                if ScalarClass.isSpace(c) || c.value == 0xAD {  // soft hyphen is invisible
                    lastWasWordEnd = false
                    i += 1
                    continue
                }
                let start = i
                var kind: Token.Kind
                if ScalarClass.isLetter(c) {
                    kind = .word
                    i = scanWord(from: i)
                } else if ScalarClass.isDigit(c) {
                    kind = .number
                    i = scanNumber(from: i)
                } else if ScalarClass.isApostrophe(c) {
                    // "’s" glued to a preceding word is the possessive clitic.
                    if lastWasWordEnd, i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S",
                        i + 2 >= n || !ScalarClass.isWordScalar(s[i + 2])
                    {
                        kind = .possessive
                        i += 2
                    } else if lastWasWordEnd, let prev = tokens.last, prev.lower.hasSuffix("s"),
                        i + 1 >= n || !ScalarClass.isWordScalar(s[i + 1])
                    {
                        kind = .possessive
                        i += 1
                    } else {
                        kind = c.value == 0x2019 || c.value == 0x27 ? .quote : .apostrophe
                        i += 1
                    }
                } else if ScalarClass.isQuote(c) {
                    kind = .quote
                    i += 1
                } else if ScalarClass.isDash(c) {
                    kind = .dash
                    i += 1
                    while i < n, ScalarClass.isDash(s[i]) { i += 1 }
                } else if ScalarClass.isPunctuation(c) {
                    kind = .punctuation
                    i += 1
                    if c == "." { while i < n, s[i] == "." { i += 1 } }  // "..."
                } else {
                    kind = .symbol
                    i += 1
                    // Keep modifiers, variation selectors and joined emoji with their base.
                    while i < n {
                        if ScalarClass.isMark(s[i]) {
                            let joiner = s[i].value == 0x200D
                            i += 1
                            if joiner, i < n, !ScalarClass.isSpace(s[i]), !ScalarClass.isNewline(s[i]) { i += 1 }
                        } else if (0x1F3FB...0x1F3FF).contains(s[i].value) || (0xE0020...0xE007F).contains(s[i].value) {
                            i += 1  // skin tones, tag sequences
                        } else {
                            break
                        }
                    }
                }
                tokens.append(makeToken(start: start, end: i, kind: kind, followsNewline: sawNewline))
                sawNewline = false
                lastWasWordEnd = kind == .word || kind == .number
            }
            return tokens
        }

        /// Scans a word starting at a letter; returns the end offset.
        private func scanWord(from start: Int) -> Int {
            let s = scalars
            let n = s.count
            // Letter-period runs: "U.S.", "U.K.", "e.g.", "a.m."
            var p = start
            var pairs = 0
            while p + 1 < n, ScalarClass.isLetter(s[p]), s[p + 1] == "." {
                pairs += 1
                p += 2
                if !(p + 1 < n && ScalarClass.isLetter(s[p]) && s[p + 1] == ".") { break }
            }
            if pairs >= 2 { return p }
            if pairs == 1 && ScalarClass.isUpper(s[start]) {
                // A single initial "U." — join spaced initials "U. S." into one token.
                var q = start + 2
                while q + 2 < n, s[q] == " ", ScalarClass.isUpper(s[q + 1]), s[q + 2] == ".",
                    q + 3 >= n || !ScalarClass.isWordScalar(s[q + 3])
                {
                    q += 3
                }
                return q
            }
            var i = start
            while i < n {
                let c = s[i]
                let v = c.value
                if v < 0x80 {
                    // ASCII: a letter or digit continues the word; anything but an apostrophe ends it.
                    if (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 {
                        i += 1
                        continue
                    }
                    if v != 0x27 { break }
                }
                if ScalarClass.isWordScalar(c) {
                    i += 1
                } else if ScalarClass.isApostrophe(c), i + 1 < n, ScalarClass.isLetter(s[i + 1]) {
                    // possessive "’s" at a word end is split off; contractions stay
                    if (s[i + 1] == "s" || s[i + 1] == "S"), i + 2 >= n || !ScalarClass.isWordScalar(s[i + 2]) { break }
                    i += 2
                } else {
                    break
                }
            }
            if i < n, s[i] == "." {
                // The lowercase word is built only when its hash passes a set's presence filter
                // (most words before a period are no abbreviation).
                let hash = lowerHash(start, i)
                let abbreviation = TextLexicon.abbreviations.mayContain(hash: hash)
                let numberAbbreviation = TextLexicon.numberAbbreviations.mayContain(hash: hash)
                guard abbreviation || numberAbbreviation else { return i }
                let lower = lowered(start, i)
                if abbreviation, TextLexicon.abbreviations.contains(lower, hash: hash) {
                    return i + 1
                }
                if numberAbbreviation, TextLexicon.numberAbbreviations.contains(lower, hash: hash) {
                    var j = i + 1
                    while j < n, ScalarClass.isSpace(s[j]) { j += 1 }
                    if j < n, ScalarClass.isDigit(s[j]) { return i + 1 }
                }
            }
            return i
        }

        /// Scans a number: digits with internal `,` `.` `:` before digits, then letters ("5th").
        private func scanNumber(from start: Int) -> Int {
            let s = scalars
            let n = s.count
            var i = start
            while i < n {
                if ScalarClass.isDigit(s[i]) {
                    i += 1
                } else if s[i] == "," || s[i] == "." || s[i] == ":", i + 1 < n, ScalarClass.isDigit(s[i + 1]) {
                    i += 2
                } else {
                    break
                }
            }
            while i < n, ScalarClass.isLetter(s[i]) || ScalarClass.isMark(s[i]) { i += 1 }
            return i
        }

        /// ``WordHash`` of ``lowered(_:_:)``, stepped over the scalars when they are ASCII.
        private func lowerHash(_ a: Int, _ b: Int) -> UInt64 {
            var hash = WordHash.seed
            for k in a..<b {
                let v = scalars[k].value
                guard v < 0x80 else { return WordHash.of(lowered(a, b)) }
                let byte = UInt8(truncatingIfNeeded: v)
                hash = WordHash.step(hash, byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            }
            return WordHash.finish(hash)
        }

        private func lowered(_ a: Int, _ b: Int) -> String {
            var out = String()
            for k in a..<b { ScalarClass.appendLower(scalars[k], to: &out) }
            return out
        }

        /// Makes the token of `scalars[start..<end]`. An all-ASCII token (nearly every one) takes
        /// a tight loop that keeps its state in registers; any other scalar sends the whole token
        /// to ``makeGeneralToken(start:end:kind:followsNewline:)``, which gives the same result.
        @inline(__always)
        private func makeToken(start: Int, end: Int, kind: Token.Kind, followsNewline: Bool) -> Token {
            var upper = 0
            var lowerCount = 0
            var firstIsUpper = false
            var firstLetterSeen = false
            var hash = WordHash.seed
            var plain = true
            var k = start
            while k < end {
                let v = scalars[k].value
                if v >= 0x80 { return makeGeneralToken(start: start, end: end, kind: kind, followsNewline: followsNewline) }
                let b = UInt8(truncatingIfNeeded: v)
                plain = plain && b != 0x2E && b != 0x20
                let isUpper = b &- 0x41 < 26
                let isLower = b &- 0x61 < 26
                hash = WordHash.step(hash, isUpper ? b &+ 32 : b)
                upper &+= isUpper ? 1 : 0
                lowerCount &+= isLower ? 1 : 0
                if !firstLetterSeen, isUpper || isLower {
                    firstLetterSeen = true
                    firstIsUpper = isUpper
                }
                k &+= 1
            }
            // Letters are counted only in words and numbers, as in the general path.
            if kind != .word && kind != .number {
                upper = 0
                lowerCount = 0
                firstIsUpper = false
            }
            hash = WordHash.finish(hash)
            // Both strings from bytes: short tokens become small strings without allocation.
            let count = end - start
            let text = String(unsafeUninitializedCapacity: count) { buffer in
                for k in 0..<count { buffer[k] = UInt8(truncatingIfNeeded: scalars[start + k].value) }
                return count
            }
            let lower: String
            if upper == 0 {
                lower = text
            } else {
                lower = String(unsafeUninitializedCapacity: count) { buffer in
                    for k in 0..<count {
                        let v = UInt8(truncatingIfNeeded: scalars[start + k].value)
                        buffer[k] = v >= 0x41 && v <= 0x5A ? v + 32 : v
                    }
                    return count
                }
            }
            return Token(
                start: start, end: end, text: text, kind: kind, lower: lower,
                isCapitalized: firstIsUpper && kind == .word,
                isAllCaps: kind == .word && upper + lowerCount >= 2 && lowerCount == 0 && upper >= 2,
                sentence: 0, followsNewline: followsNewline, lowerHash: hash, lowerIsMatchKey: plain)
        }

        /// ``makeToken(start:end:kind:followsNewline:)`` for a token with a scalar past ASCII.
        @inline(never)
        private func makeGeneralToken(start: Int, end: Int, kind: Token.Kind, followsNewline: Bool) -> Token {
            var letters = 0
            var upper = 0
            var lowerCount = 0
            var capitalized = false
            var firstLetterSeen = false
            if kind == .word || kind == .number {
                for k in start..<end {
                    let c = scalars[k]
                    guard ScalarClass.isLetter(c) else { continue }
                    letters += 1
                    if ScalarClass.isUpper(c) {
                        upper += 1
                        if !firstLetterSeen { capitalized = true }
                    } else if ScalarClass.isLower(c) {
                        lowerCount += 1
                    }
                    firstLetterSeen = true
                }
            }
            let text = ScalarClass.utf8String(scalars[start..<end])
            let lower: String
            if ScalarClass.changesWhenLowercased(scalars[start..<end]) {
                var l = String()
                for k in start..<end { ScalarClass.appendLower(scalars[k], to: &l) }
                lower = l
            } else {
                lower = text  // quotes, dashes, lowercase words: lowercasing changes nothing
            }
            let hash = WordHash.of(lower)
            return Token(
                start: start, end: end, text: text, kind: kind, lower: lower,
                isCapitalized: capitalized && kind == .word,
                isAllCaps: kind == .word && letters >= 2 && lowerCount == 0 && upper >= 2,
                sentence: 0, followsNewline: followsNewline, lowerHash: hash, lowerIsMatchKey: MatchKey.isPlain(lower))
        }
    }
}
