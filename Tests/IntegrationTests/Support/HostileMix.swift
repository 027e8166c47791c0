import Foundation

/// Malformed messages of every kind the daemon must dead-letter, each keyed `bad-N`, with the
/// dead-letter reason it must carry when that reason is certain (`nil` when several apply,
/// e.g. random bytes are invalid UTF-8 or invalid JSON).
enum HostileMix {
    struct Malformed {
        var key: String
        var value: [UInt8]
        var reason: String?
    }

    /// `count` malformed messages cycling through the kinds.
    static func malformed(count: Int, corpus: inout ArticleCorpus) -> [Malformed] {
        var result: [Malformed] = []
        result.reserveCapacity(count)
        for n in 0..<count {
            let key = "bad-\(n)"
            let valid = corpus.article(id: "m-\(n)").value
            let malformed: Malformed
            switch n % 12 {
            case 0:  // truncated JSON, cut on an ASCII byte so that the UTF-8 stays valid
                var cut = corpus.int(in: 1...valid.count - 2)
                while cut > 1, valid[cut] >= 0x80 { cut -= 1 }
                malformed = Malformed(key: key, value: Array(valid.prefix(cut)), reason: "invalid_json")
            case 1:  // invalid UTF-8
                var bytes = valid
                bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: corpus.int(in: 10...bytes.count - 2))
                malformed = Malformed(key: key, value: bytes, reason: "invalid_utf8")
            case 2:  // wrong types
                let variants = [#"{"id":42,"body":"text"}"#, #"{"id":"wt-\#(n)","body":["a"]}"#, #"{"id":"wt-\#(n)","body":"b","title":{"x":1}}"#, #"{"id":true,"body":"b"}"#]
                malformed = Malformed(key: key, value: Array(variants[n / 12 % variants.count].utf8), reason: "wrong_type")
            case 3:  // missing fields
                let variants = [#"{"body":"no id"}"#, #"{"id":"mf-\#(n)"}"#, #"{"id":null,"body":"x"}"#, "{}"]
                malformed = Malformed(key: key, value: Array(variants[n / 12 % variants.count].utf8), reason: "missing_field")
            case 4:  // empty id
                malformed = Malformed(key: key, value: Array(#"{"id":"","body":"empty id"}"#.utf8), reason: "invalid_field")
            case 5:  // 300-character id
                let id = String(repeating: "x", count: 300)
                malformed = Malformed(key: key, value: Array(#"{"id":"\#(id)","body":"long id"}"#.utf8), reason: "invalid_field")
            case 6:  // 20,000-deep nesting
                let value = Array(#"{"id":"deep-\#(n)","body":"b","x":"#.utf8)
                    + [UInt8](repeating: UInt8(ascii: "["), count: 20_000)
                    + [UInt8](repeating: UInt8(ascii: "]"), count: 20_000) + [UInt8(ascii: "}")]
                malformed = Malformed(key: key, value: value, reason: "too_deep")
            case 7:  // random bytes
                let value = (0..<corpus.int(in: 1...2000)).map { _ in UInt8(truncatingIfNeeded: corpus.int(in: 0...255)) }
                malformed = Malformed(key: key, value: value, reason: nil)
            case 8:  // empty message
                malformed = Malformed(key: key, value: [], reason: "empty_message")
            case 9:  // raw control characters inside a string
                malformed = Malformed(key: key, value: Array("{\"id\":\"cc-\(n)\",\"body\":\"a\u{01}b\u{1B}c\u{00}\"}".utf8), reason: "invalid_json")
            case 10:  // not an object
                let variants = ["[1,2,3]", "\"just a string\"", "null", "42"]
                malformed = Malformed(key: key, value: Array(variants[n / 12 % variants.count].utf8), reason: "invalid_json")
            default:  // an article with a trailing garbage byte after the object
                malformed = Malformed(key: key, value: valid + Array("}}".utf8), reason: "invalid_json")
            }
            result.append(malformed)
        }
        return result
    }
}
