/// Where a setting's effective value came from. Precedence: flag > environment > file > default.
public enum SettingSource: Sendable, Hashable, CustomStringConvertible {
    /// A command-line flag, e.g. `--brokers` or `--kafka security.protocol=...`.
    case flag(String)
    /// An environment variable, e.g. `STANCEWIRE_BROKERS`.
    case environment(String)
    /// A line of the configuration file.
    case file(path: String, line: Int)
    /// The built-in default.
    case defaultValue

    public var description: String {
        switch self {
        case .flag(let name): "flag \(name)"
        case .environment(let name): "env \(name)"
        case .file(let path, let line): "file \(path):\(line)"
        case .defaultValue: "default"
        }
    }
}
