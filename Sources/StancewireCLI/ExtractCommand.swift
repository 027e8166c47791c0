import ArgumentParser
import Extraction
import Foundation
import Pipeline

/// Offline mode: JSON lines in, enriched events out, in input order.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities and stances from JSON lines (a file or standard input), offline.",
        discussion: """
            Each input line is one article in the contract's input shape. Each enriched event is \
            written to standard output as one JSON line, in input order. A bad line produces a JSON \
            error object on standard error ({"line": N, "reason": ..., "detail": ...}) and processing \
            continues. Blank lines are skipped. Exit status 0 even when lines were rejected.
            """
    )

    @Argument(help: "Input file of JSON lines; standard input when absent or '-'.")
    var file: String?

    @Option(help: "A knowledge-base directory that extends (and overrides) the bundled one.")
    var knowledgeBase: String?

    @Option(help: "Largest accepted input line in bytes.")
    var maxMessageBytes: Int = 1_048_576

    @Option(help: "Articles processed concurrently per batch (output order is kept).")
    var batchSize: Int = 64

    func run() async throws {
        let extractor = try EngineLoader.load(knowledgeBase: knowledgeBase)
        let processor = ArticleProcessor(
            extractor: extractor,
            // Only the enriched events are written: stance events are not encoded.
            configuration: .init(decoder: .init(maxMessageBytes: maxMessageBytes), encodesStanceEvents: false)
        )
        let handle: FileHandle
        if let file, file != "-" {
            guard let h = FileHandle(forReadingAtPath: file) else {
                throw ValidationError("cannot open \(file)")
            }
            handle = h
        } else {
            handle = FileHandle.standardInput
        }
        var reader = LineReader(handle: handle, maxLineBytes: maxMessageBytes)
        var lineNumber = 0
        var batch: [(Int, LineReader.Line)] = []
        var output = StandardStream.output
        var errors = StandardStream.error
        while true {
            let line = reader.next()
            if let line {
                lineNumber += 1
                if case .bytes(let b) = line, b.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                batch.append((lineNumber, line))
            }
            if batch.count >= max(1, batchSize) || (line == nil && !batch.isEmpty) {
                let results = await Self.process(batch, with: processor, maxBytes: maxMessageBytes)
                for (number, outcome) in results {
                    switch outcome {
                    case .processed(let article):
                        output.write(article.enriched)
                        output.write([UInt8(ascii: "\n")])
                    case .deadLetter(let failure):
                        errors.write(Self.errorLine(number, failure))
                    }
                }
                output.flush()
                errors.flush()
                batch.removeAll(keepingCapacity: true)
            }
            if line == nil { break }
        }
    }

    static func process(
        _ batch: [(Int, LineReader.Line)],
        with processor: ArticleProcessor,
        maxBytes: Int
    ) async -> [(Int, ProcessingOutcome)] {
        await withTaskGroup(of: (Int, Int, ProcessingOutcome).self) { group in
            for (index, (number, line)) in batch.enumerated() {
                group.addTask {
                    switch line {
                    case .bytes(let bytes):
                        return (index, number, processor.process(bytes, origin: nil))
                    case .oversized(let size):
                        let failure = DecodeFailure(.tooLarge, "the line is \(size) bytes, over the limit of \(maxBytes)")
                        return (index, number, .deadLetter(failure))
                    }
                }
            }
            var results = [(Int, ProcessingOutcome)?](repeating: nil, count: batch.count)
            for await (index, number, outcome) in group {
                results[index] = (number, outcome)
            }
            return results.compactMap { $0 }
        }
    }

    static func errorLine(_ number: Int, _ failure: DecodeFailure) -> [UInt8] {
        let object: [String: Any] = ["line": number, "reason": failure.reason.code, "detail": failure.detail]
        var data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return [UInt8](data)
    }
}
