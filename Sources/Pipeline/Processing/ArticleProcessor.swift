import Extraction
import Foundation
import Synchronization

/// Decode → extract → encode for one message: the pure part of the pipeline, shared by the
/// Kafka worker and offline `stancewire extract`.
///
/// - Important: Never throws and never traps on input: every failure becomes
///   ``ProcessingOutcome/deadLetter(_:)``.
public struct ArticleProcessor: Sendable {
    /// Limits on input and output.
    public struct Configuration: Sendable {
        /// Input checks. Default: ``ArticleDecoder/Configuration/init(maxMessageBytes:maxNestingDepth:maxIdLength:)``.
        public var decoder: ArticleDecoder.Configuration
        /// Largest enriched event in bytes; larger events are shrunk (metadata clipped,
        /// mentions and quotes dropped) or dead-lettered. Default: 1,000,000 (Kafka's default
        /// `message.max.bytes`).
        public var maxOutputBytes: Int
        /// Longest extraction of one article; a longer one dead-letters the article
        /// (`extraction_failed`) instead of publishing it. Default: 30 seconds.
        ///
        /// - Important: The budget is checked when the extractor returns: it cannot interrupt a
        ///   running extraction (there is no safe preemption inside a process). What bounds the
        ///   time of one extraction is the engine's size limits (it analyses at most
        ///   `maxBodyScalars` of the body, with bounded scans); this budget keeps an article whose
        ///   extraction was abnormally slow (a pathological input, a starved machine) out of the
        ///   output and makes it visible in the dead-letter topic. `nil` disables the check.
        public var extractionBudget: Duration?
        /// Whether ``ProcessedArticle/stances`` is filled with the encoded stance events;
        /// offline `stancewire extract` writes only the enriched event and turns it off to
        /// skip the work. Default: true.
        public var encodesStanceEvents: Bool

        public init(
            decoder: ArticleDecoder.Configuration = .init(),
            maxOutputBytes: Int = 1_000_000,
            extractionBudget: Duration? = .seconds(30),
            encodesStanceEvents: Bool = true
        ) {
            self.decoder = decoder
            self.maxOutputBytes = maxOutputBytes
            self.extractionBudget = extractionBudget
            self.encodesStanceEvents = encodesStanceEvents
        }
    }

    public let configuration: Configuration
    public let extractor: any ArticleExtractor
    private let decoder: ArticleDecoder

    public init(extractor: any ArticleExtractor, configuration: Configuration = .init()) {
        self.configuration = configuration
        self.extractor = extractor
        self.decoder = ArticleDecoder(configuration: configuration.decoder)
    }

    /// Processes one message value.
    /// - Parameters:
    ///   - value: the raw value; `nil` for an empty Kafka message.
    ///   - origin: where it came from, or `nil` offline.
    ///   - now: the processing time written to `processed_at`.
    public func process(_ value: [UInt8]?, origin: EventOrigin?, now: Date = Date()) -> ProcessingOutcome {
        let article: Article
        do {
            article = try decoder.decode(value)
        } catch {
            return .deadLetter(error)
        }
        return process(article, origin: origin, now: now)
    }

    /// Extracts and encodes an already decoded article.
    public func process(_ article: Article, origin: EventOrigin?, now: Date = Date()) -> ProcessingOutcome {
        let result: ExtractionResult
        let clock = ContinuousClock()
        let started = clock.now
        do {
            result = try extractor.extract(article)
        } catch {
            return .deadLetter(DecodeFailure(.extractionFailed, "extraction failed: \(error.reason)"))
        }
        if let budget = configuration.extractionBudget {
            let elapsed = clock.now - started
            if elapsed > budget {
                return .deadLetter(
                    DecodeFailure(.extractionFailed, "extraction took \(elapsed), over the budget of \(budget)")
                )
            }
        }
        let processedAt = Self.timestamp(now)
        var event = EnrichedEvent(
            article: article,
            origin: origin,
            result: result,
            extractorVersion: extractor.version,
            knowledgeBaseVersion: extractor.knowledgeBaseVersion,
            processedAt: processedAt
        )
        guard var enriched = event.jsonBytes() else {
            return .deadLetter(DecodeFailure(.extractionFailed, "the enriched event could not be encoded"))
        }
        var level = 0
        while enriched.count > configuration.maxOutputBytes {
            level += 1
            guard Self.shrink(&event, level: level), let smaller = event.jsonBytes() else {
                return .deadLetter(
                    DecodeFailure(
                        .outputTooLarge,
                        "the enriched event is \(enriched.count) bytes, over \(configuration.maxOutputBytes)"
                    )
                )
            }
            enriched = smaller
        }
        var byId: [String: Entity] = [:]
        let encodesStances = configuration.encodesStanceEvents && !event.stances.isEmpty
        if encodesStances {
            byId.reserveCapacity(event.entities.count)
            for entity in event.entities where byId[entity.id] == nil { byId[entity.id] = entity }
        }
        var stances: [ProcessedArticle.KeyedValue] = []
        stances.reserveCapacity(encodesStances ? event.stances.count : 0)
        for stance in event.stances where encodesStances {
            let stanceEvent = StanceEvent(
                stance: stance,
                articleId: article.id,
                holder: byId[stance.holder],
                publishedAt: article.publishedAt
            )
            if let data = stanceEvent.jsonBytes(), data.count <= configuration.maxOutputBytes {
                stances.append(.init(key: stance.holder, value: data))
            }
        }
        return .processed(
            ProcessedArticle(
                articleId: article.id,
                enriched: enriched,
                stances: stances,
                entityCount: event.entities.count,
                stanceCount: event.stances.count
            )
        )
    }

    /// The last whole second formatted for `processed_at`, shared by the tasks.
    private static let lastTimestamp = Mutex<(second: Double, text: String)>((-1, ""))

    /// `date.formatted(.iso8601)`, which shows whole seconds (a fraction is dropped, never
    /// rounded up): formatted once per second and reused by every article of that second.
    static func timestamp(_ date: Date) -> String {
        let t = date.timeIntervalSinceReferenceDate
        guard t >= 0, t < 1e12 else { return date.formatted(.iso8601) }
        let second = t.rounded(.down)
        if let text = lastTimestamp.withLock({ $0.second == second ? $0.text : nil }) { return text }
        let text = Date(timeIntervalSinceReferenceDate: second).formatted(.iso8601)
        lastTimestamp.withLock { $0 = (second, text) }
        return text
    }

    /// Makes the event smaller, one step per level; `false` when nothing is left to cut.
    static func shrink(_ event: inout EnrichedEvent, level: Int) -> Bool {
        func clip(_ s: String?, _ n: Int) -> String? {
            guard let s, s.unicodeScalars.count > n else { return s }
            return String(String.UnicodeScalarView(s.unicodeScalars.prefix(n)))
        }
        switch level {
        case 1:
            let titleLimit = 1024
            if let title = event.article.title, title.unicodeScalars.count > titleLimit {
                event.article.title = clip(title, titleLimit)
                // Spans in a clipped title would no longer match the published title.
                for i in event.entities.indices {
                    event.entities[i].mentions.removeAll { $0.field == .title && $0.end > titleLimit }
                }
                event.stances.removeAll { $0.evidence.field == .title && $0.evidence.end > titleLimit }
            }
            event.article.url = clip(event.article.url, 2048)
            event.article.source = clip(event.article.source, 256)
            event.article.publishedAt = clip(event.article.publishedAt, 64)
            event.article.language = clip(event.article.language, 35) ?? "en"
            event.quotes = []
        case 2:
            for i in event.entities.indices {
                event.entities[i].mentions = Array(event.entities[i].mentions.prefix(1))
            }
            for i in event.stances.indices {
                let clipped = clip(event.stances[i].evidence.text, 200) ?? ""
                event.stances[i].evidence.text = clipped
                event.stances[i].evidence.end = event.stances[i].evidence.start + clipped.unicodeScalars.count
            }
        case 3:
            event.entities = Array(event.entities.prefix(50))
            let kept = Set(event.entities.map(\.id))
            event.stances = Array(event.stances.filter { kept.contains($0.holder) }.prefix(50))
        default:
            return false
        }
        return true
    }
}
