/// A small recursive-descent JSON parser that records the byte offset of every value.
///
/// Foundation's `JSONSerialization` reports no positions, and a newsroom editing a lexicon
/// needs the line of its mistake.
struct LocatedJSONParser {
    private let bytes: [UInt8]
    private var pos = 0
    private var depth = 0
    /// Nesting limit, so a hostile file cannot exhaust the stack.
    private let maxDepth = 64

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // Skip a UTF-8 byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
    }

    /// Parses one value and requires only whitespace after it.
    mutating func parseDocument() throws(LocatedJSON.SyntaxError) -> LocatedJSON {
        let value = try parseValue()
        skipWhitespace()
        if pos < bytes.count { throw fail("unexpected text after the end of the document") }
        return value
    }

    private func fail(_ problem: String) -> LocatedJSON.SyntaxError {
        LocatedJSON.SyntaxError(offset: min(pos, bytes.count), problem: problem)
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(LocatedJSON.SyntaxError) -> LocatedJSON {
        skipWhitespace()
        guard pos < bytes.count else { throw fail("unexpected end of file") }
        let start = pos
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString(), offset: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true, offset: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false, offset: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null(offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber(), offset: start)
        default:
            throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[pos])))'")
        }
    }

    private mutating func expectLiteral(_ word: String) throws(LocatedJSON.SyntaxError) {
        for byte in word.utf8 {
            guard pos < bytes.count, bytes[pos] == byte else { throw fail("invalid literal") }
            pos += 1
        }
    }

    private mutating func parseObject() throws(LocatedJSON.SyntaxError) -> LocatedJSON {
        let start = pos
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth)") }
        pos += 1
        var members: [(key: String, value: LocatedJSON)] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object(members, offset: start)
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            pos += 1
            let value = try parseValue()
            members.append((key, value))
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unterminated object") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
            } else if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                return .object(members, offset: start)
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws(LocatedJSON.SyntaxError) -> LocatedJSON {
        let start = pos
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth)") }
        pos += 1
        var items: [LocatedJSON] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            return .array(items, offset: start)
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unterminated array") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
            } else if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                return .array(items, offset: start)
            } else {
                throw fail("expected ',' or ']'")
            }
        }
    }

    private mutating func parseString() throws(LocatedJSON.SyntaxError) -> String {
        pos += 1  // opening quote
        var out: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("control character in string") }
            if b == UInt8(ascii: "\\") {
                pos += 1
                guard pos < bytes.count else { break }
                switch bytes[pos] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800..<0xDC00).contains(code), pos + 2 < bytes.count, bytes[pos + 1] == UInt8(ascii: "\\"),
                        bytes[pos + 2] == UInt8(ascii: "u")
                    {
                        pos += 2
                        let low = try parseHex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw fail("invalid escape")
                }
                pos += 1
            } else {
                out.append(b)
                pos += 1
            }
        }
        throw fail("unterminated string")
    }

    /// Reads the 4 hex digits after `\u`; leaves `pos` on the last digit.
    private mutating func parseHex4() throws(LocatedJSON.SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            pos += 1
            guard pos < bytes.count else { throw fail("unterminated escape") }
            let b = bytes[pos]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value * 16 + digit
        }
        return value
    }

    private mutating func parseNumber() throws(LocatedJSON.SyntaxError) -> Double {
        let start = pos
        let numberBytes = Set("0123456789-+.eE".utf8)
        while pos < bytes.count, numberBytes.contains(bytes[pos]) { pos += 1 }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        guard let value = Double(text) else {
            pos = start
            throw fail("invalid number")
        }
        return value
    }
}
