/// A configuration problem, located in the file, variable or flag that caused it.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// A line is neither blank, a comment, nor `key = value`.
        public static let syntax = Code("syntax")
        /// A key (file line, `STANCEWIRE_*` variable or flag) that no setting has.
        public static let unknownKey = Code("unknownKey")
        /// The same key twice in one file, or a property and its `.file` form in one layer.
        public static let duplicateKey = Code("duplicateKey")
        /// A value that does not parse or is out of range.
        public static let invalidValue = Code("invalidValue")
        /// The configuration file or a secret file cannot be read.
        public static let unreadableFile = Code("unreadableFile")

        public var description: String { name }
    }

    /// What kind of problem this is.
    public var code: Code
    /// The configuration file the problem is in; `nil` for flags, environment and defaults.
    public var file: String?
    /// The 1-based line in ``file``.
    public var line: Int?
    /// The setting concerned, when there is one (e.g. `max-in-flight`, `kafka.sasl.password`).
    public var key: String?
    /// A sentence for operators, naming the flag or variable when the value came from one.
    public var reason: String

    /// Creates an error.
    public init(code: Code, file: String? = nil, line: Int? = nil, key: String? = nil, reason: String) {
        self.code = code
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
    }

    /// `file:line: reason`, as compilers print it, or just the reason.
    public var description: String {
        var location = ""
        if let file {
            location = file + (line.map { ":\($0)" } ?? "") + ": "
        }
        return location + "error: " + reason
    }
}
