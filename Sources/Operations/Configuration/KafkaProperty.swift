import Foundation

/// Naming rules for librdkafka pass-through properties.
///
/// | where | form | example |
/// |-------|------|---------|
/// | file, flag | `kafka.<property>` | `kafka.security.protocol = SASL_SSL` |
/// | file, flag | `kafka.<property>.file` | `kafka.sasl.password.file = ${CREDENTIALS_DIRECTORY}/pw` |
/// | environment | `STANCEWIRE_KAFKA_<P>`: upper, `.` → `_`, `_` → `__` | `STANCEWIRE_KAFKA_SECURITY_PROTOCOL` |
/// | environment | same with `_FILE` | `STANCEWIRE_KAFKA_SASL_PASSWORD_FILE` |
public enum KafkaProperty {
    /// The prefix of pass-through keys.
    public static let keyPrefix = "kafka."
    /// The prefix of pass-through environment variables.
    public static let environmentPrefix = "STANCEWIRE_KAFKA_"
    /// The suffix that makes a key a reference to a file holding the value.
    public static let fileSuffix = ".file"

    /// The environment variable for `property` (without the `kafka.` prefix).
    public static func environmentName(for property: String) -> String {
        environmentPrefix
            + property.replacingOccurrences(of: "_", with: "__")
            .replacingOccurrences(of: ".", with: "_").uppercased()
    }

    /// The property (possibly ending in `.file`) an environment variable names, or `nil` when it is
    /// not a pass-through variable.
    public static func property(environmentName name: String) -> String? {
        guard name.hasPrefix(environmentPrefix), name.count > environmentPrefix.count else { return nil }
        let rest = name.dropFirst(environmentPrefix.count).lowercased()
        let placeholder = "\u{0}"
        return rest.replacingOccurrences(of: "__", with: placeholder)
            .replacingOccurrences(of: "_", with: ".")
            .replacingOccurrences(of: placeholder, with: "_")
    }

    /// Whether a value of `property` is a secret that descriptions must hide: names containing
    /// `password` or `secret`, every `sasl.*` and `ssl.key*` property.
    public static func isSecret(_ property: String) -> Bool {
        let name = property.lowercased()
        return name.contains("password") || name.contains("secret") || name.hasPrefix("sasl.")
            || name.hasPrefix("ssl.key")
    }

    /// Whether `property` is a plausible librdkafka property name (lowercase words, `.` and `_`).
    static func isWellFormed(_ property: String) -> Bool {
        !property.isEmpty && !property.hasPrefix(".") && !property.hasSuffix(".")
            && property.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }
    }
}
