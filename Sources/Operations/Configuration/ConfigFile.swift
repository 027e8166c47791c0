import Foundation

/// A parsed configuration file: one `key = value` per line, `#` comments, blank lines ignored.
///
/// Keys are the long flag names (`brokers`, `max-in-flight`, ...) or librdkafka properties prefixed
/// with `kafka.` (`kafka.security.protocol = SASL_SSL`). `kafka.<property>.file = /path` reads the
/// property's value from a file (`${CREDENTIALS_DIRECTORY}/name` works with systemd's
/// `LoadCredential=`). A value may be wrapped in double quotes to keep surrounding spaces; there are
/// no trailing comments, so `#` may appear in values (passwords).
public struct ConfigFile: Sendable, Hashable {
    /// One `key = value` line.
    public struct Entry: Sendable, Hashable {
        /// The key, as written.
        public var key: String
        /// The value, trimmed (and unquoted).
        public var value: String
        /// The 1-based line number.
        public var line: Int
    }

    /// Where the file was read from, for error messages and sources.
    public var path: String
    /// The settings, in file order.
    public var entries: [Entry]

    /// Parses `contents`.
    ///
    /// - Parameters:
    ///   - contents: The file's text.
    ///   - path: Its path, recorded in errors and sources.
    /// - Throws: ``ConfigurationError`` with code `syntax` (a line without `=`, an empty key, a key
    ///   with spaces) or `duplicateKey`, with the file and line.
    public static func parse(contents: String, path: String) throws(ConfigurationError) -> ConfigFile {
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(["\r"]))
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(
                    code: .syntax, file: path, line: lineNumber,
                    reason: "expected `key = value`, found `\(line.prefix(80))`"
                )
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.contains(where: \.isWhitespace) else {
                throw ConfigurationError(
                    code: .syntax, file: path, line: lineNumber,
                    reason: "a key must be one word before `=`"
                )
            }
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            if let first = seen[key] {
                throw ConfigurationError(
                    code: .duplicateKey, file: path, line: lineNumber, key: key,
                    reason: "`\(key)` is already set on line \(first)"
                )
            }
            seen[key] = lineNumber
            entries.append(Entry(key: key, value: value, line: lineNumber))
        }
        return ConfigFile(path: path, entries: entries)
    }

    /// Reads and parses the file at `path`.
    ///
    /// - Throws: ``ConfigurationError`` with code `unreadableFile`, or as ``parse(contents:path:)``.
    public static func load(path: String) throws(ConfigurationError) -> ConfigFile {
        let contents: String
        do {
            contents = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(
                code: .unreadableFile, file: path, reason: "cannot read configuration file: \(error)")
        }
        return try parse(contents: contents, path: path)
    }
}
