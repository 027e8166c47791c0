/// A JSON value that remembers the line it starts on, so that a loader of a knowledge-base or
/// lexicon file can name the line of a bad entry.
///
/// Produced by ``parse(_:)``; objects keep their member order, numbers are `Double`.
indirect enum LocatedJSON: Sendable {
    case object([(key: String, value: LocatedJSON)], line: Int)
    case array([LocatedJSON], line: Int)
    case string(String, line: Int)
    case number(Double, line: Int)
    case bool(Bool, line: Int)
    case null(line: Int)

    /// The 1-based line the value starts on.
    var line: Int {
        switch self {
        case .object(_, let l), .array(_, let l), .string(_, let l), .number(_, let l), .bool(_, let l): return l
        case .null(let l): return l
        }
    }

    /// A short name of the value's JSON type, for error messages.
    var typeName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    /// The member `key` of an object.
    subscript(key: String) -> LocatedJSON? {
        guard case .object(let members, _) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string value, or `nil` for other types.
    var stringValue: String? {
        if case .string(let s, _) = self { return s }
        return nil
    }

    /// The numeric value, or `nil` for other types.
    var numberValue: Double? {
        if case .number(let n, _) = self { return n }
        return nil
    }

    /// The boolean value, or `nil` for other types.
    var boolValue: Bool? {
        if case .bool(let b, _) = self { return b }
        return nil
    }

    /// The elements of an array, or `nil` for other types.
    var arrayValue: [LocatedJSON]? {
        if case .array(let a, _) = self { return a }
        return nil
    }

    /// The members of an object, in file order, or `nil` for other types.
    var objectValue: [(key: String, value: LocatedJSON)]? {
        if case .object(let m, _) = self { return m }
        return nil
    }

    /// Parses a whole UTF-8 JSON document.
    /// - Throws: ``LocatedJSONParser/SyntaxError`` with the line of the first problem.
    static func parse(_ bytes: [UInt8]) throws(LocatedJSONParser.SyntaxError) -> LocatedJSON {
        var parser = LocatedJSONParser(bytes: bytes)
        return try parser.parse()
    }
}
