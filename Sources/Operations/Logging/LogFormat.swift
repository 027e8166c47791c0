/// How log lines are written (setting `log-format`).
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    /// Human-readable lines; the timestamp is left out under journald (`JOURNAL_STREAM` set).
    case text
    /// One JSON object per line (see ``JSONLogHandler``).
    case json
}
