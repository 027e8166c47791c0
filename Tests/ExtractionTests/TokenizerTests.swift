import Testing

@testable import Extraction

@Suite("Tokenizer and sentence splitter")
struct TokenizerTests {
    private func texts(_ s: String) -> [String] { AnalyzedField(field: .body, text: s).tokens.map(\.text) }

    /// ``ScalarClass`` answers U+2010–U+2027 without a property look-up: the answers must be
    /// the look-ups' for every scalar of the block.
    @Test func generalPunctuationFastPathAgreesWithUnicodeProperties() {
        for v in UInt32(0x2000)...0x206F {
            let c = Unicode.Scalar(v)!
            let p = c.properties
            let mark: Bool
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: mark = true
            default: mark = false
            }
            let special = v == 0x200B || v == 0x2060 || v == 0x200C || v == 0x200D
            if !special {
                #expect(ScalarClass.isSpace(c) == p.isWhitespace, "U+\(String(v, radix: 16))")
                #expect(ScalarClass.isMark(c) == mark, "U+\(String(v, radix: 16))")
            }
            #expect(ScalarClass.isLetter(c) == p.isAlphabetic, "U+\(String(v, radix: 16))")
            #expect(ScalarClass.isDigit(c) == (p.generalCategory == .decimalNumber), "U+\(String(v, radix: 16))")
            #expect(ScalarClass.isUpper(c) == (p.isUppercase || p.generalCategory == .titlecaseLetter))
            #expect(ScalarClass.isLower(c) == p.isLowercase, "U+\(String(v, radix: 16))")
            #expect(ScalarClass.changesWhenLowercased([c]) == p.changesWhenLowercased, "U+\(String(v, radix: 16))")
            var lower = ""
            ScalarClass.appendLower(c, to: &lower)
            #expect(lower == (p.changesWhenLowercased ? p.lowercaseMapping : String(c)))
        }
    }

    /// The abbreviation check before a period builds the lowercase word only past a presence
    /// filter; every abbreviation still keeps its period, in any case, and other words do not.
    @Test func everyAbbreviationKeepsItsPeriodInAnyCase() {
        for word in TextLexicon.abbreviations {
            for form in [word, word.capitalized, word.uppercased()] where form.count >= 2 || form == word {
                let tokens = AnalyzedField(field: .body, text: "see \(form). Then").tokens.map(\.text)
                #expect(tokens.contains("\(form)."), "\(form)")
            }
        }
        for word in TextLexicon.numberAbbreviations {
            #expect(AnalyzedField(field: .body, text: "see \(word). 5").tokens.map(\.text).contains("\(word)."), "\(word)")
            if !TextLexicon.abbreviations.contains(word) {
                #expect(!AnalyzedField(field: .body, text: "see \(word). Then").tokens.map(\.text).contains("\(word)."), "\(word)")
            }
        }
        #expect(texts("the talks. Then") == ["the", "talks", ".", "Then"])
        #expect(texts("Zürich. Then") == ["Zürich", ".", "Then"])
    }

    @Test func abbreviationsKeepTheirPeriodAndDoNotEndSentences() {
        let f = AnalyzedField(field: .body, text: "Mr. Novak met Gen. Hale on Jan. 9 at St. Mary's. No. 7 was closed. Then they left.")
        #expect(f.tokens.map(\.text).starts(with: ["Mr.", "Novak", "met", "Gen.", "Hale", "on", "Jan.", "9", "at", "St.", "Mary", "'s", "."]))
        #expect(f.tokens.contains { $0.text == "No." })
        #expect(f.sentences.count == 3)
    }

    @Test func acronymsWithPeriodsAreOneTokenAndSpacedInitialsJoin() {
        #expect(texts("the U.S. and the U.K. agreed") == ["the", "U.S.", "and", "the", "U.K.", "agreed"])
        #expect(texts("U. S. officials said") == ["U. S.", "officials", "said"])
        let f = AnalyzedField(field: .body, text: "Talks with the U.S. The next round is in May.")
        #expect(f.sentences.count == 2)
    }

    @Test func hyphenatedCompoundsSplitAtTheHyphen() {
        #expect(texts("U.S.-Iran talks") == ["U.S.", "-", "Iran", "talks"])
        #expect(texts("U. S. -Iran ties") == ["U. S.", "-", "Iran", "ties"])
        #expect(texts("a Trump–Xi call") == ["a", "Trump", "–", "Xi", "call"])
    }

    @Test func possessivesAreSplitOffAndContractionsKept() {
        let f = AnalyzedField(field: .body, text: "Poland’s envoy didn’t agree with the allies’ plan or Chile's.")
        #expect(f.tokens.map(\.text) == ["Poland", "’s", "envoy", "didn’t", "agree", "with", "the", "allies", "’", "plan", "or", "Chile", "'s", "."])
        #expect(f.tokens[1].kind == .possessive)
        #expect(f.tokens[8].kind == .possessive)
    }

    @Test func curlyAndStraightQuotesAreQuoteTokens() {
        let f = AnalyzedField(field: .body, text: "He said “no deal” and 'maybe' and \"later\".")
        let quotes = f.tokens.filter { $0.kind == .quote }.map(\.text)
        #expect(quotes == ["“", "”", "'", "'", "\"", "\""])
    }

    @Test func headingsWithoutPunctuationAndQuestionHeadingsStandAlone() {
        let text = "Talks Resume in Vienna\nWhat happens next?\nThe delegations met on Monday. They spoke for hours.\n*Background*\n  • First point of the list.\n"
        let f = AnalyzedField(field: .body, text: text)
        #expect(f.sentences.count == 6)
        #expect(f.sentences[0].isHeading && f.sentences[0].isTitleCase)
        #expect(f.sentences[1].isHeading)
        #expect(!f.sentences[2].isHeading)
        #expect(f.sentences[4].isHeading)
        #expect(!f.sentences[5].isHeading)
    }

    @Test func boilerplateLinesAreFlagged() {
        let f = AnalyzedField(field: .body, text: "The minister resigned.\nShare this:\nLeave a Reply\nSubscribers to the paper rose.")
        #expect(f.sentences.map(\.isBoilerplate) == [false, true, true, false])
    }

    @Test func offsetsCountUnicodeScalarsOnNonASCIIText() {
        let text = "Зеленський 👍🏽 said: Café e\u{301}lan — Ñandú’s “best” 🇺🇦 day.\nМосква́ ответила."
        let f = AnalyzedField(field: .body, text: text)
        for t in f.tokens {
            #expect(Fixtures.slice(text, t.start, t.end) == t.text)
            #expect(f.slice(t.start, t.end) == t.text)
        }
        #expect(f.tokens.contains { $0.text == "e\u{301}lan" })
        #expect(f.tokens.contains { $0.text == "Москва́" && $0.isCapitalized })
        #expect(f.tokens.first?.text == "Зеленський")
    }

    @Test func tokenizingIsLinearOnPathologicalInput() {
        let text = String(repeating: "U.", count: 50_000) + String(repeating: "-", count: 50_000) + String(repeating: "a ", count: 50_000)
        let f = AnalyzedField(field: .body, text: text)
        #expect(f.tokens.count > 0)
        #expect(f.tokens.last!.end <= f.scalars.count)
    }
}
