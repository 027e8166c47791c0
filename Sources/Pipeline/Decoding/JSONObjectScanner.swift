/// A strict JSON parser for one object whose members the decoder reads as strings.
///
/// It validates the whole document (RFC 8259 grammar, escapes, surrogate pairs) but builds
/// values only for the top-level members: strings become `String`, anything else is kept as
/// its kind, which is all ``ArticleDecoder`` needs. Faster than `JSONSerialization` because
/// nothing is boxed and a string without escapes is copied once.
///
/// - Important: The input must already be valid UTF-8 (``ArticleDecoder`` checks it first):
///   strings are copied out without validating them again. Recursion follows the nesting, and
///   parsing fails past `maxDepth` open arrays and objects.
struct JSONObjectScanner {
    /// A top-level member's value.
    enum Value: Equatable {
        case string(String)
        case number
        case bool
        case null
        case array
        case object
    }

    /// The document is not valid JSON, or not an object.
    struct SyntaxError: Error {
        var offset: Int
    }

    private let bytes: [UInt8]
    private var i = 0
    private let maxDepth: Int
    /// Open arrays and objects.
    private var depth = 0

    private init(_ bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// The members of the top-level object, by key; a repeated key keeps its last value.
    /// - Precondition: `bytes` is valid UTF-8 (``ArticleDecoder`` validates it first): strings
    ///   are copied out without validating them again.
    /// - Throws: ``SyntaxError`` also when arrays and objects nest deeper than `maxDepth`.
    static func members(of bytes: [UInt8], maxDepth: Int) throws(SyntaxError) -> [String: Value] {
        var scanner = JSONObjectScanner(bytes, maxDepth: maxDepth)
        scanner.skipSpace()
        guard scanner.peek() == UInt8(ascii: "{") else { throw SyntaxError(offset: scanner.i) }
        let members = try scanner.object(keep: true)
        scanner.skipSpace()
        guard scanner.i == bytes.count else { throw SyntaxError(offset: scanner.i) }
        return members
    }

    // MARK: - Grammar

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
        guard peek() == byte else { throw SyntaxError(offset: i) }
        i += 1
    }

    /// Parses an object at `{`; returns its members when `keep`, else an empty dictionary.
    private mutating func object(keep: Bool) throws(SyntaxError) -> [String: Value] {
        try expect(UInt8(ascii: "{"))
        try enter()
        var members: [String: Value] = [:]
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return members
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw SyntaxError(offset: i) }
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            let v = try value(keep: keep)
            if keep { members[key] = v }
            skipSpace()
            guard let next = peek() else { throw SyntaxError(offset: i) }
            i += 1
            if next == UInt8(ascii: "}") {
                depth -= 1
                return members
            }
            guard next == UInt8(ascii: ",") else { throw SyntaxError(offset: i - 1) }
        }
    }

    /// Opens an array or object.
    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > maxDepth { throw SyntaxError(offset: i - 1) }
    }

    private mutating func array() throws(SyntaxError) {
        try expect(UInt8(ascii: "["))
        try enter()
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return
        }
        while true {
            skipSpace()
            _ = try value(keep: false)
            skipSpace()
            guard let next = peek() else { throw SyntaxError(offset: i) }
            i += 1
            if next == UInt8(ascii: "]") {
                depth -= 1
                return
            }
            guard next == UInt8(ascii: ",") else { throw SyntaxError(offset: i - 1) }
        }
    }

    /// Parses any value; strings are materialised only when `keep`.
    private mutating func value(keep: Bool) throws(SyntaxError) -> Value {
        guard let c = peek() else { throw SyntaxError(offset: i) }
        switch c {
        case UInt8(ascii: "\""):
            if keep { return .string(try string()) }
            try skipString()
            return .string("")
        case UInt8(ascii: "{"):
            _ = try object(keep: false)
            return .object
        case UInt8(ascii: "["):
            try array()
            return .array
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            try number()
            return .number
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw SyntaxError(offset: i) }
        var k = 0
        var matches = true
        word.withUTF8Buffer { w in
            while k < n {
                if bytes[i + k] != w[k] {
                    matches = false
                    return
                }
                k += 1
            }
        }
        guard matches else { throw SyntaxError(offset: i) }
        i += n
    }

    private mutating func number() throws(SyntaxError) {
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if peek() == UInt8(ascii: "-") { i += 1 }
        guard let first = peek(), isDigit(first) else { throw SyntaxError(offset: i) }
        i += 1
        if first != UInt8(ascii: "0") {
            while isDigit(peek()) { i += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            i += 1
            guard isDigit(peek()) else { throw SyntaxError(offset: i) }
            while isDigit(peek()) { i += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            i += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i += 1 }
            guard isDigit(peek()) else { throw SyntaxError(offset: i) }
            while isDigit(peek()) { i += 1 }
        }
    }

    /// Validates a string at `"` without building it.
    private mutating func skipString() throws(SyntaxError) {
        i += 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return
            }
            if b < 0x20 { throw SyntaxError(offset: i) }
            if b == UInt8(ascii: "\\") {
                var sink: [UInt8] = []
                try escape(into: &sink)
            } else {
                i += 1
            }
        }
        throw SyntaxError(offset: i)
    }

    /// Parses a string at `"`. A run without escapes is copied in one go.
    private mutating func string() throws(SyntaxError) -> String {
        i += 1
        let start = i
        i = Self.plainRunEnd(bytes, from: i)
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            // Between two ASCII bytes of a valid document: valid UTF-8, copied unchecked.
            let s = String(copying: unsafe UTF8Span(unchecked: bytes.span.extracting(start..<i)))
            i += 1
            return s
        }
        // Escapes: decode into a buffer, copying the plain runs between them whole.
        var out: [UInt8] = []
        out.reserveCapacity(i - start + 256)
        out.append(contentsOf: bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                // Plain runs between ASCII bytes and the UTF-8 of valid scalars: valid UTF-8.
                return String(copying: unsafe UTF8Span(unchecked: out.span))
            }
            if b < 0x20 { throw SyntaxError(offset: i) }
            try escape(into: &out)  // b is a backslash
            let run = i
            i = Self.plainRunEnd(bytes, from: i)
            out.append(contentsOf: bytes[run..<i])
        }
        throw SyntaxError(offset: i)
    }

    /// The offset of the first quote, backslash or control byte at or after `start` (or the end).
    /// Eight bytes are tested at a time while none of them is one.
    private static func plainRunEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var k = start
            if let base = buffer.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101
                let high: UInt64 = 0x8080_8080_8080_8080
                while k + 8 <= buffer.count {
                    let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                    let quote = w ^ (ones &* 0x22)
                    let backslash = w ^ (ones &* 0x5C)
                    // Nonzero exactly when some byte is zero, resp. below 0x20.
                    let found = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
                    if found & high != 0 { break }
                    k += 8
                }
            }
            while k < buffer.count {
                let b = buffer[k]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { return k }
                k += 1
            }
            return k
        }
    }

    /// Decodes one escape at `\` and appends its UTF-8.
    private mutating func escape(into out: inout [UInt8]) throws(SyntaxError) {
        guard i + 1 < bytes.count else { throw SyntaxError(offset: i) }
        let e = bytes[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800...0xDBFF).contains(code) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw SyntaxError(offset: i)
                }
                i += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw SyntaxError(offset: i) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw SyntaxError(offset: i)
            }
            guard let scalar = Unicode.Scalar(code) else { throw SyntaxError(offset: i) }
            out.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw SyntaxError(offset: i - 1)
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw SyntaxError(offset: i) }
        var code: UInt32 = 0
        for k in 0..<4 {
            let b = bytes[i + k]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw SyntaxError(offset: i + k)
            }
            code = code << 4 | digit
        }
        i += 4
        return code
    }
}
