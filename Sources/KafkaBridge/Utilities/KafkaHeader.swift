/// One Kafka record header: a key and an optional binary value (`nil` is a null header value).
public struct KafkaHeader: Sendable, Hashable {
    /// Header name.
    public var key: String
    /// Header value; `nil` for a null value, which differs from an empty one.
    public var value: [UInt8]?

    /// Creates a header.
    /// - Parameters:
    ///   - key: Header name.
    ///   - value: Header bytes, or `nil` for a null value.
    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }
}
