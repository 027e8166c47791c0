import Foundation

/// Generates hostile message values for fuzzing the decoder and the extractor: mutated valid
/// articles (truncated, bit-flipped, spliced), random bytes, invalid UTF-8, control characters,
/// deep nesting, wrong types, missing fields, bad ids, huge strings, lone surrogate escapes and
/// pathological text in every script.
///
/// Deterministic: the same seed and seed documents give the same sequence. Every input is at
/// most ``maxInputBytes`` long, so memory per input is bounded.
public struct HostileInputGenerator: Sendable {
    /// What an input was made from.
    public enum Kind: String, Sendable, CaseIterable {
        case validVariant = "valid_variant"
        case truncated
        case bitFlipped = "bit_flipped"
        case spliced
        case randomBytes = "random_bytes"
        case invalidUTF8 = "invalid_utf8"
        case controlCharacters = "control_characters"
        case deepNesting = "deep_nesting"
        case wrongTypes = "wrong_types"
        case missingFields = "missing_fields"
        case badId = "bad_id"
        case hugeString = "huge_string"
        case escapes
        case pathologicalText = "pathological_text"
        case empty
    }

    /// One generated input.
    public struct Input: Sendable {
        public var kind: Kind
        public var bytes: [UInt8]
    }

    /// Longest generated input in bytes. Default: 1,200,000 (over the default message limit,
    /// so the size check is exercised too).
    public var maxInputBytes: Int
    private var random: SeededRandom
    private let seeds: [[UInt8]]

    /// - Parameters:
    ///   - seed: the random seed.
    ///   - seeds: valid article documents (JSON objects) to mutate; a built-in one when empty.
    ///   - maxInputBytes: the bound on every input's size.
    public init(seed: UInt64, seeds: [[UInt8]] = [], maxInputBytes: Int = 1_200_000) {
        self.random = SeededRandom(seed: seed)
        self.seeds = seeds.isEmpty ? [Array(Self.fallbackSeed.utf8)] : seeds
        self.maxInputBytes = maxInputBytes
    }

    private static let fallbackSeed = #"""
        {"id":"seed","title":"Talks resume","body":"Volodymyr Zelensky said on Monday that Ukraine supports a ceasefire. \"We will not give up,\" he told reporters in Kyiv. The Kremlin opposed the plan.","source":"wire","language":"en"}
        """#

    /// Words in several scripts, with marks that tokenisers find awkward.
    private static let fragments: [String] = [
        "Zelensky", "Putin", "NATO", "the", "said", "supports", "opposes", "ceasefire", "U.S.", "E.U.",
        "Зеленский", "Путин", "заявил", "переговоры", "Москва", "محمود", "عباس", "قال", "الرئيس", "غزة",
        "😀", "👩‍👩‍👧‍👦", "🇺🇦", "\u{200B}", "\u{200F}", "\u{202E}", "\u{FEFF}", "e\u{301}", "\u{0301}\u{0301}\u{0301}",
        "習近平", "김정은", "Ṁ̷̡", "\"", "'", "«", "»", "“", "”", "—", "...", "!", "?", ".", ",", ";", ":",
        "\n", "\n\n", "\t", " ", "  ", "Mr.", "Dr.", "St.", "A.", "(", ")", "[", "]", "http://x.y/z?q=1",
    ]

    /// Relative frequency of each kind: the expensive ones (huge and pathological text, which
    /// the engine analyses up to its size limit) are rarer, so that a million inputs stay cheap.
    private static let weights: [(Kind, Int)] = [
        (.validVariant, 200), (.truncated, 100), (.bitFlipped, 100), (.spliced, 60), (.randomBytes, 80),
        (.invalidUTF8, 60), (.controlCharacters, 60), (.deepNesting, 40), (.wrongTypes, 60),
        (.missingFields, 40), (.badId, 40), (.hugeString, 2), (.escapes, 80), (.pathologicalText, 8),
        (.empty, 20),
    ]
    private static let totalWeight = weights.reduce(0) { $0 + $1.1 }

    /// The next input.
    public mutating func next() -> Input {
        var pick = int(0...Self.totalWeight - 1)
        var kind = Kind.validVariant
        for (candidate, weight) in Self.weights {
            if pick < weight {
                kind = candidate
                break
            }
            pick -= weight
        }
        var bytes = make(kind)
        if bytes.count > maxInputBytes { bytes.removeLast(bytes.count - maxInputBytes) }
        return Input(kind: kind, bytes: bytes)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    private mutating func seed() -> [UInt8] { seeds.randomElement(using: &random)! }

    private mutating func text(words: Int) -> String {
        var s = ""
        for _ in 0..<words {
            s += Self.fragments.randomElement(using: &random)!
            if chance(0.7) { s += " " }
        }
        return s
    }

    private static func jsonString(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])) ?? Data("[\"\"]".utf8)
        // Strip the array brackets.
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    private mutating func article(id: String? = nil, body: String? = nil, title: String? = nil) -> [UInt8] {
        let id = id ?? "fz-\(int(0...999_999_999))"
        let body = body ?? text(words: int(0...400))
        var s = "{\"id\":\(Self.jsonString(id)),\"body\":\(Self.jsonString(body))"
        if let title { s += ",\"title\":\(Self.jsonString(title))" }
        if chance(0.5) { s += ",\"language\":\(Self.jsonString(["en", "ru", "ar", "", "x-klingon"].randomElement(using: &random)!))" }
        if chance(0.3) { s += ",\"published_at\":\"2026-11-23T10:00:00Z\"" }
        if chance(0.2) { s += ",\"extra\":{\"nested\":[1,2,{\"a\":null}]}" }
        return Array((s + "}").utf8)
    }

    private mutating func make(_ kind: Kind) -> [UInt8] {
        switch kind {
        case .validVariant:
            return article(title: chance(0.5) ? text(words: int(0...20)) : nil)
        case .truncated:
            let base = chance(0.5) ? seed() : article()
            return Array(base.prefix(int(0...max(0, base.count - 1))))
        case .bitFlipped:
            var base = chance(0.5) ? seed() : article()
            guard !base.isEmpty else { return base }
            for _ in 0..<int(1...8) {
                let i = int(0...base.count - 1)
                base[i] ^= UInt8(1 << int(0...7))
            }
            return base
        case .spliced:
            let a = seed()
            let b = article()
            let cut = int(0...a.count)
            let from = int(0...b.count)
            return Array(a.prefix(cut)) + Array(b.suffix(from: from))
        case .randomBytes:
            let n = int(0...4096)
            return (0..<n).map { _ in UInt8.random(in: 0...255, using: &random) }
        case .invalidUTF8:
            var base = article()
            let bad: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]]
            let insertAt = int(0...base.count)
            base.insert(contentsOf: bad.randomElement(using: &random)!, at: insertAt)
            return base
        case .controlCharacters:
            var base = article()
            for _ in 0..<int(1...20) {
                base.insert(UInt8(int(0...31)), at: int(1...base.count - 1))
            }
            return base
        case .deepNesting:
            let depth = int(1...60_000)
            let open: UInt8 = chance(0.5) ? UInt8(ascii: "[") : UInt8(ascii: "{")
            var s = Array(#"{"id":"deep","body":"b","x":"#.utf8)
            s += [UInt8](repeating: open, count: depth)
            if chance(0.7) {
                s += [UInt8](repeating: open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}"), count: depth)
                s.append(UInt8(ascii: "}"))
            }
            return s
        case .wrongTypes:
            let values = ["1", "-0", "1e999999", "true", "null", "[]", "{}", "[\"a\"]", "12345678901234567890123456789"]
            let v = values.randomElement(using: &random)!
            let w = values.randomElement(using: &random)!
            switch int(0...3) {
            case 0: return Array("{\"id\":\(v),\"body\":\"text\"}".utf8)
            case 1: return Array("{\"id\":\"wt\",\"body\":\(v)}".utf8)
            case 2: return Array("{\"id\":\"wt\",\"body\":\"x\",\"title\":\(v),\"url\":\(w)}".utf8)
            default: return Array(v.utf8)
            }
        case .missingFields:
            return [
                #"{}"#, #"{"id":"m"}"#, #"{"body":"b"}"#, #"{"id":null,"body":"b"}"#, #"{"ID":"m","Body":"b"}"#,
            ].randomElement(using: &random).map { Array($0.utf8) }!
        case .badId:
            let ids = ["", String(repeating: "i", count: 257), String(repeating: "😀", count: 300), "\u{0}", " "]
            return article(id: ids.randomElement(using: &random)!)
        case .hugeString:
            let unit = text(words: int(1...30))
            let target = int(1000...1_100_000)
            var body = ""
            body.reserveCapacity(target)
            while body.utf8.count < target { body += unit }
            return article(body: body, title: chance(0.3) ? body : nil)
        case .escapes:
            let escapes = [#"\ud800"#, #"\udc00"#, #"\ud83d\ude00"#, #"\u0000"#, #"\uffff"#, #"\ufffe"#, #"\/"#, #"\b\f\n\r\t"#, #"\u202e"#]
            var body = ""
            for _ in 0..<int(1...50) {
                body += chance(0.5) ? escapes.randomElement(using: &random)! : "word "
            }
            let id = chance(0.5) ? #"esc\ud800"# : "esc"
            return Array("{\"id\":\"\(id)\",\"body\":\"\(body)\",\"title\":\"\(body)\"}".utf8)
        case .pathologicalText:
            let patterns = [
                "A ", "Mr. ", "\"", "said ", "Putin ", "«", "(", ". ", "U.S. ", "NATO-led ", ", ", "He ", "who ",
                "Зеленский ", "😀", "x", "-",
            ]
            let unit = patterns.randomElement(using: &random)!
            return article(body: String(repeating: unit, count: int(1...20_000)))
        case .empty:
            return chance(0.5) ? [] : Array(" ".utf8)
        }
    }
}
