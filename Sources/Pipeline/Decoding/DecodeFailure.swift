/// A decoding failure: the dead-letter reason and a sentence for the `dlq-detail` header.
public struct DecodeFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: DeadLetterReason
    public var detail: String

    public init(_ reason: DeadLetterReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "\(reason): \(detail)" }
}
