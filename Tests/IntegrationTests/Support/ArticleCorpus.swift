import Foundation

/// Valid input articles for black-box tests, built from the repository's seed articles with
/// new ids, reproducibly from a seed; some in Cyrillic, Arabic and emoji, some huge.
struct ArticleCorpus {
    struct Article {
        var id: String
        var value: [UInt8]
    }

    static let seedsPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/articles.jsonl")

    /// Sentences from the seed bodies.
    let sentences: [String]
    private var random: SplitMix

    init(seed: UInt64) throws {
        let data = try Data(contentsOf: Self.seedsPath)
        var sentences: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let body = object["body"] as? String
            else { continue }
            sentences += body.split(separator: "\n").map(String.init).filter { $0.count > 20 }
        }
        guard !sentences.isEmpty else { throw TestFailure("no sentences in \(Self.seedsPath.path)") }
        self.sentences = sentences
        self.random = SplitMix(seed: seed)
    }

    static let foreign = [
        "Президент Владимир Путин заявил в понедельник, что Россия готова к переговорам с Украиной.",
        "Владимир Зеленский в Киеве сказал, что Украина не откажется от своих территорий.",
        "قال الرئيس الفلسطيني محمود عباس إن وقف إطلاق النار في غزة يجب أن يكون دائما.",
        "أعلنت الأمم المتحدة أن المساعدات الإنسانية ستصل إلى القطاع هذا الأسبوع.",
        "Talks resumed 🕊️🇺🇦🇷🇺 — officials said 👍 while protesters 😡 gathered outside 🏛️.",
        "Emoji only line: 😀😃😄😁😆😅😂🤣🥲☺️😊😇🙂🙃😉😌😍🥰😘",
    ]

    /// A valid article. `bodyBytes` pads the body to about that size; `foreign` mixes in other scripts.
    mutating func article(id: String, bodyBytes: Int = 0, foreign: Bool = false) -> Article {
        var body = ""
        for _ in 0..<random.int(in: 2...8) {
            body += sentences[random.int(in: 0...sentences.count - 1)] + "\n"
            if foreign { body += Self.foreign[random.int(in: 0...Self.foreign.count - 1)] + "\n" }
        }
        while body.utf8.count < bodyBytes {
            body += sentences[random.int(in: 0...sentences.count - 1)] + " "
            if foreign { body += Self.foreign[random.int(in: 0...Self.foreign.count - 1)] + " " }
        }
        var fields: [String: Any] = ["id": id, "body": body, "title": "Report \(id)", "source": "corpus"]
        if foreign { fields["language"] = "mul" }
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return Article(id: id, value: [UInt8](data))
    }

    mutating func int(in range: ClosedRange<Int>) -> Int { random.int(in: range) }
    mutating func shuffle<T>(_ items: inout [T]) { items.shuffle(using: &random) }
}

/// SplitMix64: a seeded random generator, so that a failing test can be replayed.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
