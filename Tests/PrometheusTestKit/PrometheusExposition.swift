/// A page in the Prometheus text exposition format (what `/metrics` serves), parsed into
/// samples and declared types, so that tests compare values instead of searching text.
///
/// Understands what the daemon's exporter writes: `# TYPE` lines, other comments, and samples
/// `name{label="value",...} value [timestamp]` with `\\`, `\"` and `\n` escapes in label values.
public struct PrometheusExposition: Sendable {
    /// One sample line.
    public struct Sample: Sendable, Equatable {
        /// The sample's name, e.g. `stancewire_rebalances_total` or `..._bucket`.
        public var name: String
        /// The sample's labels.
        public var labels: [String: String]
        /// The sample's value.
        public var value: Double
    }

    /// A line that is neither a comment nor a well-formed sample.
    public struct ParseError: Error, CustomStringConvertible {
        /// The 1-based line number.
        public var line: Int
        /// The offending line.
        public var text: String
        /// What is wrong with it.
        public var reason: String

        public var description: String { "line \(line): \(reason): \(text)" }
    }

    /// Every sample, in page order.
    public let samples: [Sample]
    /// The type each `# TYPE` line declares (`counter`, `gauge`, `histogram`, ...), by metric name.
    public let types: [String: String]

    /// Parses a page.
    /// - Parameter text: The exposition, e.g. the body of a `/metrics` response.
    /// - Throws: ``ParseError`` for the first malformed line.
    public init(parsing text: String) throws(ParseError) {
        var samples: [Sample] = []
        var types: [String: String] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if line.hasPrefix("#") {
                let words = line.split(separator: " ")
                if words.count >= 4, words[1] == "TYPE" {
                    types[String(words[2])] = String(words[3])
                }
                continue
            }
            do {
                samples.append(try Self.sample(line))
            } catch {
                throw ParseError(line: index + 1, text: String(line), reason: error.reason)
            }
        }
        self.samples = samples
        self.types = types
    }

    /// The samples named `name` whose labels include every pair of `labels`.
    public func samples(_ name: String, _ labels: [String: String] = [:]) -> [Sample] {
        samples.filter { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }
    }

    /// The value of the one sample named `name` whose labels include `labels`; `nil` when no
    /// sample, or more than one, matches.
    public func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let matching = samples(name, labels)
        return matching.count == 1 ? matching[0].value : nil
    }

    /// The sum of the samples named `name` whose labels include `labels`; 0 when none matches
    /// (a labelled counter has no sample until it is first incremented).
    public func sum(_ name: String, _ labels: [String: String] = [:]) -> Double {
        samples(name, labels).reduce(0) { $0 + $1.value }
    }

    // MARK: - Parsing one sample

    private struct LineError: Error {
        var reason: String
    }

    private static func sample(_ line: Substring) throws(LineError) -> Sample {
        var rest = line[...]
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }) else {
            throw LineError(reason: "bad metric name")
        }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { throw LineError(reason: "label without '='") }
                let key = String(rest[..<equals]).trimmingSpaces()
                rest = rest[rest.index(after: equals)...]
                guard !key.isEmpty, rest.first == "\"" else { throw LineError(reason: "label value not quoted") }
                rest = rest.dropFirst()
                var value = ""
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\"" {
                        closed = true
                        break
                    }
                    if character == "\\" {
                        guard let escaped = rest.first else { break }
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { throw LineError(reason: "unterminated label value") }
                guard labels.updateValue(value, forKey: key) == nil else {
                    throw LineError(reason: "repeated label \(key)")
                }
                if rest.first == "," { rest = rest.dropFirst() }
                guard !rest.isEmpty else { throw LineError(reason: "unterminated label set") }
            }
            rest = rest.dropFirst()
        }
        let fields = rest.split(separator: " ")
        guard fields.count == 1 || fields.count == 2 else {
            throw LineError(reason: "expected a value and an optional timestamp")
        }
        guard let value = Double(fields[0]) else { throw LineError(reason: "value is not a number") }
        return Sample(name: name, labels: labels, value: value)
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
