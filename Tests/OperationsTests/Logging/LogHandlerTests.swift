import Foundation
import Logging
import Operations
import Synchronization
import Testing

/// Collects the lines a handler writes.
private final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    var output: LogOutput { LogOutput { line in self.storage.withLock { $0.append(line) } } }
}

@Suite("log handlers")
struct LogHandlerTests {
    @Test func jsonHandlerWritesOneObjectPerLineWithFlattenedMetadata() throws {
        let collector = LineCollector()
        var logger = Logger(label: "stancewire.test") { label in
            LoggingBootstrap.makeHandler(
                label: label, format: .json, level: .info, environment: [:], output: collector.output)
        }
        logger[metadataKey: "instance"] = "a1"
        logger.info(
            "message \"quoted\"\nsecond line",
            metadata: ["kafka": ["topic": "articles.raw", "partition": "3"], "tags": ["x", "y"], "level": "clash"]
        )
        logger.debug("not written")

        #expect(collector.lines.count == 1)
        let line = try #require(collector.lines.first)
        #expect(line.hasSuffix("}\n"))
        #expect(!line.dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "stancewire.test")
        #expect(object["message"] as? String == "message \"quoted\"\nsecond line")
        #expect(object["kafka.topic"] as? String == "articles.raw")
        #expect(object["kafka.partition"] as? String == "3")
        #expect(object["tags"] as? [String] == ["x", "y"])
        #expect(object["instance"] as? String == "a1")
        #expect(object["metadata.level"] as? String == "clash")
        let timestamp = try #require(object["ts"] as? String)
        #expect(timestamp.count == "2026-11-23T10:00:00.123Z".count && timestamp.hasSuffix("Z"))
        #expect(ISO8601DateFormatter.withFractionalSeconds.date(from: timestamp) != nil)
    }

    @Test func textHandlerOmitsTimestampAndPrefixesPriorityUnderJournald() throws {
        let collector = LineCollector()
        let logger = Logger(label: "stancewire") { label in
            LoggingBootstrap.makeHandler(
                label: label, format: .text, level: .info, environment: ["JOURNAL_STREAM": standardErrorStream()],
                output: collector.output)
        }
        logger.warning("broker down", metadata: ["kafka.broker": "k1:9092", "reason": "connection refused"])
        #expect(
            collector.lines == [
                "<4>warning stancewire: broker down kafka.broker=k1:9092 reason=\"connection refused\"\n"
            ])
    }

    @Test func textHandlerStartsWithATimestampOutsideJournald() throws {
        let collector = LineCollector()
        let logger = Logger(label: "stancewire") { label in
            LoggingBootstrap.makeHandler(
                label: label, format: .text, level: .trace, environment: [:], output: collector.output)
        }
        logger.trace("tick")
        let line = try #require(collector.lines.first)
        let timestamp = String(line.prefix(while: { $0 != " " }))
        #expect(ISO8601DateFormatter.withFractionalSeconds.date(from: timestamp) != nil)
        #expect(line.hasSuffix(" trace stancewire: tick\n"))
    }
}

/// `device:inode` of this process's standard error, as systemd would set `JOURNAL_STREAM`.
private func standardErrorStream() -> String {
    var info = stat()
    fstat(2, &info)
    return "\(info.st_dev):\(info.st_ino)"
}

extension ISO8601DateFormatter {
    fileprivate static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
