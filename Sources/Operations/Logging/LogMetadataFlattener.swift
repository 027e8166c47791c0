import Logging

/// Turns nested swift-log metadata into flat dotted keys: `["kafka": ["topic": "a"]]` becomes
/// `kafka.topic = a`; arrays keep their elements as strings.
enum LogMetadataFlattener {
    /// A flattened value: a string, or a list of strings.
    enum Value: Equatable {
        case string(String)
        case list([String])
    }

    /// The handler's metadata, overridden by the provider's, overridden by the log call's.
    static func merge(
        _ handler: Logger.Metadata,
        provider: Logger.MetadataProvider?,
        event: Logger.Metadata?
    ) -> Logger.Metadata {
        var merged = handler
        if let provided = provider?.get() { merged.merge(provided) { _, new in new } }
        if let event { merged.merge(event) { _, new in new } }
        return merged
    }

    static func flatten(_ metadata: Logger.Metadata) -> [(key: String, value: Value)] {
        var out: [(key: String, value: Value)] = []
        for key in metadata.keys.sorted() {
            if let value = metadata[key] { append(value, key: key, to: &out) }
        }
        return out
    }

    private static func append(_ value: Logger.MetadataValue, key: String, to out: inout [(key: String, value: Value)])
    {
        switch value {
        case .string(let text):
            out.append((key, .string(text)))
        case .stringConvertible(let convertible):
            out.append((key, .string(convertible.description)))
        case .array(let values):
            out.append((key, .list(values.map(describe))))
        case .dictionary(let nested):
            for nestedKey in nested.keys.sorted() {
                if let nestedValue = nested[nestedKey] { append(nestedValue, key: key + "." + nestedKey, to: &out) }
            }
        }
    }

    private static func describe(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array, .dictionary: value.description
        }
    }
}
