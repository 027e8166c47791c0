import Extraction
import Foundation

/// Turns raw message bytes into a validated ``Article``, or says precisely why not.
///
/// Checks run cheapest first and every check is linear in the input: size, UTF-8, a
/// nesting-depth scan (so hostile documents never reach a recursive parser), JSON syntax,
/// then the contract's fields and types.
///
/// The parser itself stops at the nesting limit, so the separate depth scan runs only when
/// parsing fails, to name the failure exactly as if it had run first (a valid document within
/// the limit always passes it).
public struct ArticleDecoder: Sendable {
    /// Limits applied to every input message.
    public struct Configuration: Sendable {
        /// Largest accepted value in bytes. Default: 1 MiB (1,048,576).
        public var maxMessageBytes: Int
        /// Deepest accepted nesting of arrays and objects. Default: 32.
        public var maxNestingDepth: Int
        /// Longest accepted `id`, in Unicode scalars. Default: 256.
        public var maxIdLength: Int

        public init(maxMessageBytes: Int = 1_048_576, maxNestingDepth: Int = 32, maxIdLength: Int = 256) {
            self.maxMessageBytes = maxMessageBytes
            self.maxNestingDepth = maxNestingDepth
            self.maxIdLength = maxIdLength
        }
    }

    public let configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Decodes one message value.
    /// - Parameter bytes: the Kafka message value; `nil` for a tombstone.
    /// - Throws: ``DecodeFailure`` naming the dead-letter reason.
    public func decode(_ bytes: [UInt8]?) throws(DecodeFailure) -> Article {
        guard let bytes, !bytes.isEmpty else {
            throw DecodeFailure(.emptyMessage, "the message has no value")
        }
        guard bytes.count <= configuration.maxMessageBytes else {
            throw DecodeFailure(
                .tooLarge,
                "the value is \(bytes.count) bytes, over the limit of \(configuration.maxMessageBytes)"
            )
        }
        // Validated in place (a String would copy the whole value first).
        guard Self.isValidUTF8(bytes) else {
            throw DecodeFailure(.invalidUTF8, "the value is not valid UTF-8")
        }
        let fields: [String: JSONObjectScanner.Value]
        do {
            fields = try JSONObjectScanner.members(of: bytes, maxDepth: configuration.maxNestingDepth)
        } catch {
            try checkStructure(bytes)
            throw DecodeFailure(.invalidJSON, "the value is not valid JSON")
        }
        return try article(from: fields)
    }

    /// Whether `bytes` is valid UTF-8. ASCII is skipped eight bytes at a time and each run of
    /// non-ASCII bytes is validated on its own: a multi-byte sequence holds no ASCII byte, so
    /// the value is valid exactly when every such run is.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        let span = bytes.span
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let n = buffer.count
            var i = 0
            while i < n {
                while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                while i < n, buffer[i] < 0x80 { i += 1 }
                guard i < n else { break }
                let run = i
                while i < n, buffer[i] >= 0x80 { i += 1 }
                guard (try? UTF8Span(validating: span.extracting(run..<i))) != nil else { return false }
            }
            return true
        }
    }

    /// One linear pass: nesting depth outside strings, and that the document starts like an object.
    /// Runs when parsing failed, whose failure it names when it finds one.
    private func checkStructure(_ bytes: [UInt8]) throws(DecodeFailure) {
        var depth = 0
        var inString = false
        var escaped = false
        var sawFirst = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > configuration.maxNestingDepth {
                    throw DecodeFailure(
                        .tooDeep,
                        "arrays and objects nest deeper than \(configuration.maxNestingDepth) levels"
                    )
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default:
                break
            }
            if !sawFirst {
                sawFirst = true
                if byte != UInt8(ascii: "{") {
                    throw DecodeFailure(.invalidJSON, "the value is not a JSON object")
                }
            }
        }
    }

    private func article(from fields: [String: JSONObjectScanner.Value]) throws(DecodeFailure) -> Article {
        let id = try requiredString("id", in: fields)
        let idLength = id.unicodeScalars.count
        guard idLength >= 1, idLength <= configuration.maxIdLength else {
            throw DecodeFailure(
                .invalidField,
                "field 'id' must be 1 to \(configuration.maxIdLength) characters, got \(idLength)"
            )
        }
        let body = try requiredString("body", in: fields)
        return Article(
            id: id,
            body: body,
            title: try optionalString("title", in: fields),
            url: try optionalString("url", in: fields),
            source: try optionalString("source", in: fields),
            publishedAt: try optionalString("published_at", in: fields),
            language: try optionalString("language", in: fields)
        )
    }

    private func requiredString(_ key: String, in fields: [String: JSONObjectScanner.Value]) throws(DecodeFailure) -> String {
        guard let value = fields[key], value != .null else {
            throw DecodeFailure(.missingField, "required field '\(key)' is missing")
        }
        guard case .string(let string) = value else {
            throw DecodeFailure(.wrongType, "field '\(key)' must be a string, got \(Self.typeName(value))")
        }
        return string
    }

    private func optionalString(_ key: String, in fields: [String: JSONObjectScanner.Value]) throws(DecodeFailure) -> String? {
        guard let value = fields[key], value != .null else { return nil }
        guard case .string(let string) = value else {
            throw DecodeFailure(.wrongType, "field '\(key)' must be a string, got \(Self.typeName(value))")
        }
        return string
    }

    private static func typeName(_ value: JSONObjectScanner.Value) -> String {
        switch value {
        case .string: return "a string"
        case .number, .bool: return "a number or boolean"
        case .array: return "an array"
        case .object: return "an object"
        case .null: return "another type"
        }
    }
}
