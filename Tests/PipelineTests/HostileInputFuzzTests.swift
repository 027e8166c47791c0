import Extraction
import Foundation
import Pipeline
import Testing

/// Seeded fuzzing of decode → extract → encode with the real engine: no input crashes the
/// processor, every outcome honours the contract, and output stays within its size bound.
/// (The million-input run is `scripts/fuzz`, on a release build.)
@Suite struct HostileInputFuzzTests {
    static let engine: ExtractionEngine = {
        // The bundled knowledge base; a failure here is a test failure, not a skipped test.
        try! ExtractionEngine(knowledgeBase: KnowledgeBase.bundled())
    }()

    @Test(arguments: [UInt64(1), 2, 3])
    func seededHostileInputsNeverCrashAndEveryOutcomeHonoursTheContract(seed: UInt64) {
        let processor = ArticleProcessor(extractor: Self.engine)
        var generator = HostileInputGenerator(seed: seed)
        var reasons: Set<String> = []
        var processed = 0
        for _ in 0..<1500 {
            let input = generator.next()
            let outcome = processor.process(input.bytes, origin: EventOrigin(topic: "fuzz", partition: 0, offset: 0))
            let violation = outcome.contractViolation(maxOutputBytes: processor.configuration.maxOutputBytes)
            #expect(violation == nil, "\(input.kind.rawValue): \(violation ?? "")")
            switch outcome {
            case .processed: processed += 1
            case .deadLetter(let failure): reasons.insert(failure.reason.code)
            }
        }
        // The generator really produces both kinds, and many different rejections.
        #expect(processed > 50)
        #expect(reasons.count >= 6, "\(reasons.sorted())")
    }

    @Test func sameSeedGivesTheSameInputs() {
        var a = HostileInputGenerator(seed: 42)
        var b = HostileInputGenerator(seed: 42)
        var c = HostileInputGenerator(seed: 43)
        var differs = false
        for _ in 0..<200 {
            let x = a.next()
            #expect(x.bytes == b.next().bytes)
            if x.bytes != c.next().bytes { differs = true }
        }
        #expect(differs)
    }

    @Test func everyInputStaysWithinTheGeneratorsSizeBound() {
        var generator = HostileInputGenerator(seed: 7, maxInputBytes: 4096)
        for _ in 0..<2000 {
            #expect(generator.next().bytes.count <= 4096)
        }
    }
}
