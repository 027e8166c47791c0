/// Why an input message was dead-lettered: the `dlq-reason` header's machine code.
public struct DeadLetterReason: Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public init(_ code: String) { self.code = code }
    public var description: String { code }

    /// The message has no value, or an empty one.
    public static let emptyMessage = DeadLetterReason("empty_message")
    /// The value exceeds `max-message-bytes`.
    public static let tooLarge = DeadLetterReason("too_large")
    /// The value is not valid UTF-8.
    public static let invalidUTF8 = DeadLetterReason("invalid_utf8")
    /// The value is not a JSON document, or not a JSON object.
    public static let invalidJSON = DeadLetterReason("invalid_json")
    /// Arrays and objects nest deeper than the configured limit.
    public static let tooDeep = DeadLetterReason("too_deep")
    /// A required field (`id`, `body`) is absent or null.
    public static let missingField = DeadLetterReason("missing_field")
    /// A field has the wrong JSON type.
    public static let wrongType = DeadLetterReason("wrong_type")
    /// A field has the right type but an invalid value (e.g. an empty or 300-character id).
    public static let invalidField = DeadLetterReason("invalid_field")
    /// The extractor failed or exceeded its budget on this article.
    public static let extractionFailed = DeadLetterReason("extraction_failed")
    /// The enriched event could not be made to fit the output size limit.
    public static let outputTooLarge = DeadLetterReason("output_too_large")
}
