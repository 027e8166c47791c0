/// The delivery guarantee of the pipeline (setting `mode`).
public enum ProcessingMode: String, Sendable, Hashable, CaseIterable {
    /// Offsets are committed after outputs are acknowledged; a crash may repeat outputs.
    case atLeastOnce = "at-least-once"
    /// Outputs and offsets are committed in one Kafka transaction.
    case exactlyOnce = "exactly-once"
}
