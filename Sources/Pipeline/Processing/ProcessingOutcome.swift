/// What becomes of one input message.
public enum ProcessingOutcome: Sendable {
    /// Valid input, extracted and encoded.
    case processed(ProcessedArticle)
    /// Rejected input, to be written unchanged to the dead-letter topic.
    case deadLetter(DecodeFailure)
}
