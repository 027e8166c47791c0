import Foundation

/// Why a setting's text was rejected (the key and location are added by the caller).
struct ParseFailure: Error {
    var reason: String
}

/// Parsers from a setting's text to its typed value.
enum SettingParsers {
    static func nonEmpty(_ text: String) -> Result<String, ParseFailure> {
        text.isEmpty ? .failure(ParseFailure(reason: "must not be empty")) : .success(text)
    }

    /// A Kafka topic name: 1...249 of `[A-Za-z0-9._-]`.
    static func topic(_ text: String) -> Result<String, ParseFailure> {
        let allowed = text.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-")
        }
        guard !text.isEmpty, text.count <= 249, allowed, text != ".", text != ".." else {
            return .failure(ParseFailure(reason: "`\(text)` is not a valid topic name (1-249 of A-Z a-z 0-9 . _ -)"))
        }
        return .success(text)
    }

    /// A comma-separated list of `host[:port]`.
    static func brokers(_ text: String) -> Result<String, ParseFailure> {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        for part in parts {
            if part.isEmpty || part.contains(where: \.isWhitespace) {
                return .failure(ParseFailure(reason: "expected host:port[,host:port...], found `\(text)`"))
            }
            if let colon = part.lastIndex(of: ":"), !part.hasSuffix("]") {
                guard let port = Int(part[part.index(after: colon)...]), (1...65535).contains(port) else {
                    return .failure(ParseFailure(reason: "bad port in `\(part)`"))
                }
            }
        }
        return .success(parts.joined(separator: ","))
    }

    /// `host:port` or `[ipv6]:port`, port 0...65535.
    static func hostPort(_ text: String) -> Result<(host: String, port: Int), ParseFailure> {
        guard let colon = text.lastIndex(of: ":") else {
            return .failure(ParseFailure(reason: "expected host:port, found `\(text)`"))
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return .failure(ParseFailure(reason: "expected host:port with a port in 0...65535, found `\(text)`"))
        }
        return .success((host, port))
    }

    /// One of the raw values of `T`.
    static func choice<T: RawRepresentable & CaseIterable>(_: T.Type) -> (String) -> Result<T, ParseFailure>
    where T.RawValue == String {
        { text in
            if let value = T(rawValue: text) { return .success(value) }
            let options = T.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(ParseFailure(reason: "`\(text)` is not one of \(options)"))
        }
    }

    /// A decimal integer in `range`.
    static func integer(in range: ClosedRange<Int>) -> (String) -> Result<Int, ParseFailure> {
        { text in
            guard let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value) else {
                return .failure(
                    ParseFailure(reason: "`\(text)` is not an integer in \(range.lowerBound)...\(range.upperBound)"))
            }
            return .success(value)
        }
    }

    /// A positive duration: a number of seconds, or a number with `ms`, `s` or `m`.
    static func duration(_ text: String) -> Result<Duration, ParseFailure> {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        var number = Substring(text)
        var scale = 1.0
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            number = text.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let value = Double(number), value.isFinite, value > 0, value * scale <= 86_400 else {
            return .failure(
                ParseFailure(reason: "`\(text)` is not a positive duration (seconds, or with ms/s/m), at most a day"))
        }
        return .success(.milliseconds(Int64((value * scale * 1000).rounded())))
    }

    /// An existing directory.
    static func directory(_ text: String) -> Result<String, ParseFailure> {
        var isDirectory: ObjCBool = false
        guard !text.isEmpty, FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            return .failure(ParseFailure(reason: "`\(text)` is not an existing directory"))
        }
        return .success(text)
    }

    /// A name made of letters, digits, `.`, `_` and `-`.
    static func identifier(_ text: String) -> Result<String, ParseFailure> {
        guard !text.isEmpty, text.count <= 200,
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
        else {
            return .failure(ParseFailure(reason: "`\(text)` must be 1-200 of A-Z a-z 0-9 . _ -"))
        }
        return .success(text)
    }
}
