import ArgumentParser
import Extraction
import Foundation
import Pipeline

/// `stancewire fuzz` (hidden): feeds seeded hostile inputs through the decoder and the extractor,
/// checks every outcome against the contract, and reports throughput and peak memory.
struct FuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Feed seeded hostile inputs through decode, extract and encode; report peak memory.",
        shouldDisplay: false
    )

    @Option(help: "Number of inputs.")
    var count: Int = 1_000_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Concurrent workers (each with its own seeded generator).")
    var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "JSON-lines file of valid articles to mutate.")
    var seeds: String?

    @Option(help: "Print a progress line (with VmRSS and VmHWM) every this many inputs.")
    var reportEvery: Int = 100_000

    func run() async throws {
        let extractor = try EngineLoader.load(knowledgeBase: nil)
        let processor = ArticleProcessor(extractor: extractor)
        let seedDocuments: [[UInt8]]
        if let seeds {
            let data = try Data(contentsOf: URL(fileURLWithPath: seeds))
            seedDocuments = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { [UInt8]($0) }
        } else {
            seedDocuments = []
        }
        let workerCount = max(1, workers)
        let share = (count + workerCount - 1) / workerCount
        let progress = FuzzProgress(reportEvery: reportEvery)
        let clock = ContinuousClock()
        let start = clock.now
        let maxOutput = processor.configuration.maxOutputBytes
        let totals = try await withThrowingTaskGroup(of: FuzzTally.self) { group in
            for index in 0..<workerCount {
                let n = min(share, max(0, count - index * share))
                let workerSeed = seed &+ UInt64(index) &* 0x1_0000_0001
                group.addTask {
                    var generator = HostileInputGenerator(seed: workerSeed, seeds: seedDocuments)
                    var tally = FuzzTally()
                    for _ in 0..<n {
                        let input = generator.next()
                        let outcome = processor.process(input.bytes, origin: EventOrigin(topic: "fuzz", partition: 0, offset: 0))
                        if let violation = outcome.contractViolation(maxOutputBytes: maxOutput) {
                            throw FuzzViolation(kind: input.kind.rawValue, detail: violation, input: input.bytes)
                        }
                        tally.add(input.kind, outcome, inputBytes: input.bytes.count)
                        progress.step()
                    }
                    return tally
                }
            }
            var all = FuzzTally()
            for try await tally in group { all.merge(tally) }
            return all
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let memory = ProcessMemory.current()
        print("fuzz: \(count) inputs, seed \(seed), \(workerCount) workers, \(String(format: "%.1f", seconds)) s, \(String(format: "%.0f", Double(count) / max(seconds, 0.001))) inputs/s")
        print("processed \(totals.processed), dead-lettered \(totals.deadLettered), largest enriched event \(totals.largestOutput) bytes, largest input \(totals.largestInput) bytes")
        for (reason, n) in totals.reasons.sorted(by: { $0.key < $1.key }) { print("  dlq \(reason): \(n)") }
        for (kind, n) in totals.kinds.sorted(by: { $0.key < $1.key }) { print("  kind \(kind): \(n)") }
        print("violations 0, crashes 0, VmRSS \(memory.rssKiB / 1024) MiB, VmHWM (peak) \(memory.peakKiB / 1024) MiB")
    }
}

/// A contract violation found by the fuzzer; the input is written to a file for replay.
struct FuzzViolation: Error, CustomStringConvertible {
    let kind: String
    let detail: String
    let input: [UInt8]

    var description: String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stancewire-fuzz-\(UUID().uuidString).bin")
        try? Data(input).write(to: path)
        return "contract violation (\(kind)): \(detail); input saved to \(path.path)"
    }
}

/// Counts by kind and by outcome.
struct FuzzTally: Sendable {
    var processed = 0
    var deadLettered = 0
    var largestOutput = 0
    var largestInput = 0
    var reasons: [String: Int] = [:]
    var kinds: [String: Int] = [:]

    mutating func add(_ kind: HostileInputGenerator.Kind, _ outcome: ProcessingOutcome, inputBytes: Int) {
        kinds[kind.rawValue, default: 0] += 1
        largestInput = max(largestInput, inputBytes)
        switch outcome {
        case .processed(let article):
            processed += 1
            largestOutput = max(largestOutput, article.enriched.count)
        case .deadLetter(let failure):
            deadLettered += 1
            reasons[failure.reason.code, default: 0] += 1
        }
    }

    mutating func merge(_ other: FuzzTally) {
        processed += other.processed
        deadLettered += other.deadLettered
        largestOutput = max(largestOutput, other.largestOutput)
        largestInput = max(largestInput, other.largestInput)
        reasons.merge(other.reasons, uniquingKeysWith: +)
        kinds.merge(other.kinds, uniquingKeysWith: +)
    }
}
