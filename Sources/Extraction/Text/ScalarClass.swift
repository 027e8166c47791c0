/// Character classes the tokenizer needs, with an ASCII fast path.
///
/// News text's commonest non-ASCII scalars are the curly quotes, dashes, bullets and the
/// ellipsis of U+2010–U+2027 (General Punctuation): they are no space, letter, digit or mark
/// and no case changes them, which the classes below answer without a Unicode property
/// look-up (``isGeneralPunctuation(_:)``; `TokenizerTests` checks every scalar of the block).
enum ScalarClass {
    /// U+2010–U+2027: dashes, quotation marks, bullets, leaders and the ellipsis.
    @inline(__always)
    static func isGeneralPunctuation(_ v: UInt32) -> Bool { v &- 0x2010 <= 0x2027 - 0x2010 }

    @inline(__always)
    static func isNewline(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || v == 0x09 }
        if v == 0xFEFF || v == 0x200B || v == 0x2060 { return true }  // BOM, zero-width space, word joiner
        if isGeneralPunctuation(v) { return false }
        return Lookup.isWhitespace(c)
    }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if isGeneralPunctuation(v) { return false }
        return Lookup.isAlphabetic(c)
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if isGeneralPunctuation(v) { return false }
        return Lookup.isDecimalNumber(c)
    }

    /// A combining mark, variation selector or joiner that belongs to the previous scalar.
    @inline(__always)
    static func isMark(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x300 { return false }
        if v == 0x200D || v == 0x200C { return true }
        if isGeneralPunctuation(v) { return false }
        return Lookup.isMark(c)
    }

    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) || isMark(c) }

    @inline(__always)
    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if isGeneralPunctuation(v) { return false }
        return Lookup.isUpper(c)
    }

    @inline(__always)
    static func isLower(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if isGeneralPunctuation(v) { return false }
        return Lookup.isLowercase(c)
    }

    /// Apostrophes: straight, right single quotation mark, modifier letter apostrophe.
    @inline(__always)
    static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c.value == 0x27 || c.value == 0x2019 || c.value == 0x02BC
    }

    @inline(__always)
    static func isQuote(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x60, 0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F,
            0x2039, 0x203A, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF02:
            return true
        default: return false
        }
    }

    @inline(__always)
    static func isDash(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return true
        default: return false
        }
    }

    @inline(__always)
    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            switch v {
            case 0x21, 0x28, 0x29, 0x2C, 0x2E, 0x2F, 0x3A, 0x3B, 0x3F, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D: return true
            default: return false
            }
        }
        switch v {
        case 0x2022, 0x2023, 0x2043, 0x25E6, 0x2219, 0x00B7, 0x25AA, 0x25CF: return false  // bullets are symbols
        default: break
        }
        return Lookup.isPunctuation(c)
    }

    /// `.`, `!`, `?`, `…` and their full-width forms.
    @inline(__always)
    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0x203C, 0x2047, 0x2048, 0x2049: return true
        default: return false
        }
    }

    /// The text of `scalars[range]`, built from bytes when it is ASCII.
    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var ascii = true
        for k in range where !scalars[k].isASCII {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: range.count) { buffer in
                var j = 0
                for k in range {
                    buffer[j] = UInt8(truncatingIfNeeded: scalars[k].value)
                    j += 1
                }
                return j
            }
        }
        return utf8String(scalars[range])
    }

    /// The text of `scalars`, encoded as UTF-8 into a string sized once (short texts stay
    /// small strings, without allocation).
    static func utf8String<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var length = 0
        for c in scalars {
            let v = c.value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for c in scalars {
                UTF8.encode(c) { byte in
                    buffer[n] = byte
                    n += 1
                }
            }
            return n
        }
    }

    /// Whether ``appendLower(_:to:)`` writes some scalar of `scalars` differently.
    static func changesWhenLowercased<C: Collection>(_ scalars: C) -> Bool where C.Element == Unicode.Scalar {
        for c in scalars {
            let v = c.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { return true }
            } else if !isGeneralPunctuation(v), Lookup.changesWhenLowercased(c) {
                return true
            }
        }
        return false
    }

    /// Appends the lowercase form of `c` to `out`.
    @inline(__always)
    static func appendLower(_ c: Unicode.Scalar, to out: inout String) {
        let v = c.value
        if v < 0x80 {
            out.unicodeScalars.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : c)
        } else if !isGeneralPunctuation(v), Lookup.changesWhenLowercased(c) {
            out += Lookup.lowercaseMapping(c)
        } else {
            out.unicodeScalars.append(c)
        }
    }

    /// The Unicode property look-ups, out of line: `Unicode.Scalar.Properties` is a resilient
    /// type of the standard library, so a function that uses it inline fetches its metadata
    /// and sizes a stack slot at run time on every call, even when only ASCII passes through
    /// (as the tokenizer's per-token functions did).
    enum Lookup {
        @inline(never)
        static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

        @inline(never)
        static func isAlphabetic(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }

        @inline(never)
        static func isDecimalNumber(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .decimalNumber }

        @inline(never)
        static func isMark(_ c: Unicode.Scalar) -> Bool {
            switch c.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }

        @inline(never)
        static func isUpper(_ c: Unicode.Scalar) -> Bool {
            c.properties.isUppercase || c.properties.generalCategory == .titlecaseLetter
        }

        @inline(never)
        static func isLowercase(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }

        @inline(never)
        static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
            switch c.properties.generalCategory {
            case .openPunctuation, .closePunctuation, .otherPunctuation, .initialPunctuation, .finalPunctuation,
                .connectorPunctuation:
                return true
            default: return false
            }
        }

        @inline(never)
        static func changesWhenLowercased(_ c: Unicode.Scalar) -> Bool { c.properties.changesWhenLowercased }

        @inline(never)
        static func lowercaseMapping(_ c: Unicode.Scalar) -> String { c.properties.lowercaseMapping }
    }
}
