/// A JSON value that remembers the line it starts on, so knowledge-base errors can name it.
indirect enum KBJSON: Sendable {
    case object([(key: String, value: KBJSON)], line: Int)
    case array([KBJSON], line: Int)
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
    subscript(key: String) -> KBJSON? {
        guard case .object(let members, _) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
