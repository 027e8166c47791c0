/// A JSON value that remembers where it starts in its file, so a lexicon loader can name the
/// line of a bad entry.
///
/// Produced by ``LocatedJSON/parse(_:)``; only what the stance data files need (objects keep
/// their key order, numbers are `Double`).
indirect enum LocatedJSON: Sendable {
    case object([(key: String, value: LocatedJSON)], offset: Int)
    case array([LocatedJSON], offset: Int)
    case string(String, offset: Int)
    case number(Double, offset: Int)
    case bool(Bool, offset: Int)
    case null(offset: Int)

    /// Byte offset of the value's first character.
    var offset: Int {
        switch self {
        case .object(_, let o), .array(_, let o), .string(_, let o), .number(_, let o), .bool(_, let o),
            .null(let o):
            return o
        }
    }

    /// The member named `key` of an object, or `nil`.
    subscript(key: String) -> LocatedJSON? {
        guard case .object(let members, _) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The string value, or `nil` for other kinds.
    var stringValue: String? {
        if case .string(let s, _) = self { return s }
        return nil
    }

    /// The numeric value, or `nil` for other kinds.
    var numberValue: Double? {
        if case .number(let n, _) = self { return n }
        return nil
    }

    /// The boolean value, or `nil` for other kinds.
    var boolValue: Bool? {
        if case .bool(let b, _) = self { return b }
        return nil
    }

    /// The elements of an array, or `nil` for other kinds.
    var arrayValue: [LocatedJSON]? {
        if case .array(let a, _) = self { return a }
        return nil
    }

    /// The members of an object, in file order, or `nil` for other kinds.
    var objectValue: [(key: String, value: LocatedJSON)]? {
        if case .object(let m, _) = self { return m }
        return nil
    }

    /// A short name of the value's kind, for error messages.
    var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    /// A syntax error at a byte offset.
    struct SyntaxError: Error, Sendable {
        var offset: Int
        var problem: String
    }

    /// Parses a whole UTF-8 JSON document.
    /// - Throws: ``SyntaxError`` with the byte offset of the first problem.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> LocatedJSON {
        var parser = LocatedJSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    /// The 1-based line number of byte `offset` in `bytes`.
    static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
        return line
    }
}
