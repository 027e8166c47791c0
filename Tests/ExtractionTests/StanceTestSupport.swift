import Foundation
import Testing

@testable import Extraction

/// Builds stance-extractor inputs from plain sentences with a fixed list of named entities,
/// so stance tests do not depend on the entity recogniser.
enum StanceFixture {
    /// An entity of a test article: its name, type and the other spellings that mention it
    /// (a capital used for its government is just another spelling here).
    struct Named {
        var name: String
        var type: EntityType
        var aliases: [String] = []
        /// Demonyms owned by the entity ("latvian").
        var demonyms: [String] = []
        /// A knowledge-base id ("iso3166-1:UA" marks a country).
        var kbId: String? = nil
    }

    static let lexicon: StanceLexicon = Fixtures.knowledgeBase.stanceLexicon

    /// Tokenises `body`, finds the mentions of `entities` (longest spelling first, whole
    /// tokens, case-sensitive first letter) and returns the extractor's inputs.
    static func inputs(_ body: String, _ entities: [Named]) -> ([AnalyzedField], EntityAnalysis) {
        let field = AnalyzedField(field: .body, text: body)
        var spellings: [(words: [String], entity: Int)] = []
        var known: [String: DemonymOwner] = [:]
        var owners: [String: Int] = [:]
        for (i, e) in entities.enumerated() {
            for s in [e.name] + e.aliases {
                let words = AnalyzedField(field: .body, text: s).tokens.filter(\.isWordLike).map(\.lower)
                spellings.append((words, i))
            }
            for d in e.demonyms {
                known[d] = DemonymOwner(entityId: id(e), name: e.name, type: e.type, kbId: e.kbId)
                owners[d] = i
            }
        }
        spellings.sort { $0.words.count > $1.words.count }
        var mentions: [ResolvedMention] = []
        var found = entities.map { _ in [Mention]() }
        let tokens = field.tokens
        var i = 0
        while i < tokens.count {
            var matched = false
            for s in spellings where tokens[i].isCapitalized || tokens[i].isAllCaps {
                var j = i
                var k = 0
                while j < tokens.count, k < s.words.count, tokens[j].lower == s.words[k] {
                    j += 1
                    k += 1
                }
                if k == s.words.count {
                    let start = tokens[i].start
                    let end = tokens[j - 1].end
                    let text = field.slice(start, end)
                    mentions.append(
                        ResolvedMention(
                            entity: s.entity, field: .body, tokens: i..<j, start: start, end: end, text: text,
                            isMetonym: false))
                    found[s.entity].append(Mention(field: .body, start: start, end: end, text: text))
                    i = j
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        let list = entities.enumerated().map { i, e in
            Entity(
                id: id(e), name: e.name, type: e.type, kbId: e.kbId, salience: 0, mentionCount: found[i].count,
                mentions: found[i])
        }
        return ([field], EntityAnalysis(entities: list, mentions: mentions, demonymOwners: owners, knownDemonyms: known))
    }

    static func id(_ e: Named) -> String {
        "\(e.type.rawValue.lowercased()):\(e.name.lowercased().replacingOccurrences(of: " ", with: "-"))"
    }

    /// Runs the extractor and returns its stances as readable triples
    /// ("Hungary", "ceasefire", .oppose); entity targets are shown by name.
    static func triples(
        _ body: String, _ entities: [Named], configuration: StanceExtractor.Configuration = .init()
    ) -> [Triple] {
        run(body, entities, configuration: configuration).stances.map { triple($0, entities) }
    }

    /// Runs the extractor on `body`.
    static func run(
        _ body: String, _ entities: [Named], configuration: StanceExtractor.Configuration = .init()
    ) -> (stances: [Stance], quotes: [Quote]) {
        var (fields, analysis) = inputs(body, entities)
        return StanceExtractor(lexicon: lexicon, configuration: configuration).extract(fields: fields, analysis: &analysis)
    }

    static func triple(_ s: Stance, _ entities: [Named]) -> Triple {
        let holder = entities.first { id($0) == s.holder }?.name ?? s.holder
        let target: String
        switch s.target {
        case .topic(let t): target = t
        case .entity(let e): target = entities.first { id($0) == e }?.name ?? e
        case .text(let t): target = "text:" + t
        }
        return Triple(holder: holder, target: target, polarity: s.polarity)
    }

    /// A stance as (holder name, topic id or target name, polarity).
    struct Triple: Hashable, CustomStringConvertible {
        var holder: String
        var target: String
        var polarity: Polarity
        init(holder: String, target: String, polarity: Polarity) {
            self.holder = holder
            self.target = target
            self.polarity = polarity
        }
        init(_ holder: String, _ target: String, _ polarity: Polarity) {
            self.init(holder: holder, target: target, polarity: polarity)
        }
        var description: String { "(\(holder), \(target), \(polarity.rawValue))" }
    }
}
