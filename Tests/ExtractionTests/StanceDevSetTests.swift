import Foundation
import Testing

@testable import Extraction

/// The dev seeds run through the whole engine and scored as `shared/eval/score.py` scores
/// stances: holders and entity targets resolved to gold entities by name, unscorable system
/// stances ignored, optional gold stances neither missed nor spurious.
@Suite("Stance dev set")
struct StanceDevSetTests {
    struct Counts { var tp = 0, fp = 0, fn = 0 }

    static func score(doc: [String: Any], result: ExtractionResult) -> Counts {
        let gold = doc["entities"] as! [[String: Any]]
        var goldByName: [String: String] = [:]
        for g in gold {
            let names = [g["name"] as! String] + ((g["aliases"] as? [String]) ?? [])
            for n in names where goldByName[DevSet.norm(n)] == nil { goldByName[DevSet.norm(n)] = g["name"] as? String }
        }
        let goldNames = Set(gold.map { DevSet.norm($0["name"] as! String) })
        func resolve(_ id: String) -> String? {
            guard let e = result.entities.first(where: { $0.id == id }) else { return nil }
            var names = [DevSet.norm(e.name)]
            names += e.mentions.map { DevSet.norm($0.text) }
            for n in names where !n.isEmpty { if let g = goldByName[n] { return DevSet.norm(g) } }
            return nil
        }
        var system = Set<String>()
        for s in result.stances {
            guard let holder = resolve(s.holder) else { continue }
            let target: String
            switch s.target {
            case .topic(let t): target = "topic:" + t
            case .entity(let e):
                guard let t = resolve(e) else { continue }
                target = "entity:" + t
            case .text: continue
            }
            system.insert("\(holder)|\(target)|\(s.polarity.rawValue)")
        }
        var required = Set<String>()
        var optional = Set<String>()
        for g in (doc["stances"] as? [[String: Any]]) ?? [] {
            let t = g["target"] as! String
            let target = goldNames.contains(DevSet.norm(t)) ? "entity:" + DevSet.norm(t) : "topic:" + t
            let key = "\(DevSet.norm(g["holder"] as! String))|\(target)|\(g["polarity"] as! String)"
            if (g["optional"] as? Bool) == true { optional.insert(key) } else { required.insert(key) }
        }
        optional.subtract(required)
        return Counts(
            tp: system.intersection(required).count,
            fp: system.subtracting(required).subtracting(optional).count,
            fn: required.subtracting(system).count)
    }

    @Test(.enabled(if: DevSet.available, "shared/eval/dev not found beside the repository"))
    func stanceF1OnTheDevSeedsIsAtLeastSeventyPercent() throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: DevSet.goldURL!)) as! [String: Any]
        var articles: [String: Article] = [:]
        for line in try String(contentsOf: DevSet.articlesURL!, encoding: .utf8).split(separator: "\n") where !line.isEmpty {
            let a = try JSONDecoder().decode(Article.self, from: Data(line.utf8))
            articles[a.id] = a
        }
        var total = Counts()
        for doc in gold["documents"] as! [[String: Any]] {
            guard let article = articles[doc["id"] as! String] else { continue }
            let c = Self.score(doc: doc, result: try Fixtures.engine.extract(article))
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        }
        let p = Double(total.tp) / Double(max(1, total.tp + total.fp))
        let r = Double(total.tp) / Double(max(1, total.tp + total.fn))
        let f1 = p + r > 0 ? 2 * p * r / (p + r) : 0
        #expect(f1 >= 0.70, "stance P=\(p) R=\(r) F1=\(f1) (tp=\(total.tp) fp=\(total.fp) fn=\(total.fn))")
    }
}
