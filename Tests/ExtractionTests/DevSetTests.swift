import Foundation
import Testing

@testable import Extraction

/// The dev seeds scored as `shared/eval/score.py` scores entities (its `norm` and greedy
/// one-to-one matching, ported).
enum DevSet {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dev = root.deletingLastPathComponent().appendingPathComponent("shared/eval/dev")
    static var articlesURL: URL? {
        let shared = dev.appendingPathComponent("articles.jsonl")
        if FileManager.default.fileExists(atPath: shared.path) { return shared }
        let seeds = root.appendingPathComponent("seeds/articles.jsonl")
        return FileManager.default.fileExists(atPath: seeds.path) ? seeds : nil
    }
    static var goldURL: URL? {
        let gold = dev.appendingPathComponent("gold.json")
        return FileManager.default.fileExists(atPath: gold.path) ? gold : nil
    }
    static var available: Bool { articlesURL != nil && goldURL != nil }

    static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u{2019}\u{2018}\u{201C}\u{201D}".unicodeScalars)

    static func norm(_ name: String) -> String {
        var s = String.UnicodeScalarView()
        for c in name.lowercased().unicodeScalars where !punctuation.contains(c) { s.append(c) }
        var words = String(s).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if words.first == "the" { words.removeFirst() }
        var out: [String] = []
        var prevSingle = false
        for w in words {
            let single = w.count == 1
            if single && prevSingle { out[out.count - 1] += w } else { out.append(w) }
            prevSingle = single
        }
        return out.joined(separator: " ")
    }

    struct Counts { var tp = 0, fp = 0, fn = 0 }

    static func score(gold: [[String: Any]], system: [Entity]) -> Counts {
        let sys: [(type: String, names: Set<String>)] = system.map { e in
            var names: Set<String> = [norm(e.name)]
            for m in e.mentions where !m.text.isEmpty { names.insert(norm(m.text)) }
            names.remove("")
            return (e.type.rawValue, names)
        }
        func goldNames(_ g: [String: Any]) -> Set<String> {
            var n: Set<String> = [norm(g["name"] as! String)]
            for a in (g["aliases"] as? [String]) ?? [] { n.insert(norm(a)) }
            return n
        }
        var used = Set<Int>()
        var matchedGold = Set<Int>()
        for (gi, g) in gold.enumerated() {
            for (si, s) in sys.enumerated() where !used.contains(si) {
                if !goldNames(g).isDisjoint(with: s.names) && s.type == g["type"] as! String {
                    used.insert(si)
                    matchedGold.insert(gi)
                    break
                }
            }
        }
        var optionalSys = Set<Int>()
        for g in gold where (g["optional"] as? Bool) == true {
            for (si, s) in sys.enumerated() where !used.contains(si) && !goldNames(g).isDisjoint(with: s.names) {
                optionalSys.insert(si)
            }
        }
        var c = Counts()
        c.tp = matchedGold.filter { (gold[$0]["optional"] as? Bool) != true }.count
        c.fn = gold.enumerated().filter { !matchedGold.contains($0.offset) && ($0.element["optional"] as? Bool) != true }.count
        c.fp = sys.indices.filter { !used.contains($0) && !optionalSys.contains($0) }.count
        return c
    }
}

@Suite("Dev set")
struct DevSetTests {
    @Test func scorerNormalisationMatchesScorePy() {
        #expect(DevSet.norm("The U. S.") == "us")
        #expect(DevSet.norm("U.S.") == "us")
        #expect(DevSet.norm("Russia’s") == "russias")
        #expect(DevSet.norm("the Kremlin") == "kremlin")
    }

    @Test(.enabled(if: DevSet.available, "shared/eval/dev not found beside the repository"))
    func entityF1OnTheDevSeedsIsAtLeastNinetyPercent() throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: DevSet.goldURL!)) as! [String: Any]
        let docs = gold["documents"] as! [[String: Any]]
        var articles: [String: Article] = [:]
        for line in try String(contentsOf: DevSet.articlesURL!, encoding: .utf8).split(separator: "\n") where !line.isEmpty {
            let a = try JSONDecoder().decode(Article.self, from: Data(line.utf8))
            articles[a.id] = a
        }
        var total = DevSet.Counts()
        for doc in docs {
            let id = doc["id"] as! String
            let entities = try articles[id].map { try Fixtures.engine.extract($0).entities } ?? []
            let c = DevSet.score(gold: doc["entities"] as! [[String: Any]], system: entities)
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        }
        let p = Double(total.tp) / Double(max(1, total.tp + total.fp))
        let r = Double(total.tp) / Double(max(1, total.tp + total.fn))
        let f1 = p + r > 0 ? 2 * p * r / (p + r) : 0
        #expect(f1 >= 0.90, "entity P=\(p) R=\(r) F1=\(f1) (tp=\(total.tp) fp=\(total.fp) fn=\(total.fn))")
    }
}
