import Foundation

extension ProcessingOutcome {
    /// Dead-letter reasons the processor may give.
    public static let knownReasons: Set<DeadLetterReason> = [
        .emptyMessage, .tooLarge, .invalidUTF8, .invalidJSON, .tooDeep, .missingField, .wrongType,
        .invalidField, .extractionFailed, .outputTooLarge,
    ]

    /// Checks the outcome against the contract: a processed article's enriched event and stance
    /// events are JSON objects within `maxOutputBytes`, keyed by the article id; a dead letter
    /// has a known reason and a detail. Returns what is wrong, or `nil`.
    public func contractViolation(maxOutputBytes: Int) -> String? {
        switch self {
        case .processed(let article):
            if article.articleId.isEmpty { return "processed article without an id" }
            if article.enriched.count > maxOutputBytes {
                return "enriched event of \(article.enriched.count) bytes, over \(maxOutputBytes)"
            }
            guard
                let event = (try? JSONSerialization.jsonObject(with: Data(article.enriched))) as? [String: Any],
                let inner = event["article"] as? [String: Any]
            else { return "enriched event is not a JSON object with an article" }
            if inner["id"] as? String != article.articleId { return "enriched event names another article id" }
            for stance in article.stances {
                if stance.value.count > maxOutputBytes { return "stance event over \(maxOutputBytes) bytes" }
                if (try? JSONSerialization.jsonObject(with: Data(stance.value))) as? [String: Any] == nil {
                    return "stance event is not a JSON object"
                }
            }
            return nil
        case .deadLetter(let failure):
            if !Self.knownReasons.contains(failure.reason) { return "unknown dead-letter reason \(failure.reason)" }
            if failure.detail.isEmpty { return "dead letter without a detail" }
            return nil
        }
    }
}
