import Foundation
import Synchronization

/// Shared progress counter of `stancewire fuzz`; prints memory every `reportEvery` inputs.
final class FuzzProgress: Sendable {
    private let done = Atomic<Int>(0)
    private let reportEvery: Int
    private let start = ContinuousClock.now

    init(reportEvery: Int) {
        self.reportEvery = max(1, reportEvery)
    }

    func step() {
        let n = done.add(1, ordering: .relaxed).newValue
        if n % reportEvery == 0 {
            let memory = ProcessMemory.current()
            let elapsed = ContinuousClock.now - start
            FileHandle.standardError.write(
                Data("fuzz: \(n) inputs after \(elapsed.components.seconds) s, VmRSS \(memory.rssKiB / 1024) MiB, VmHWM \(memory.peakKiB / 1024) MiB\n".utf8)
            )
        }
    }
}

/// Resident and peak resident memory of this process, from /proc/self/status (Linux).
struct ProcessMemory {
    var rssKiB = 0
    var peakKiB = 0

    static func current() -> ProcessMemory {
        var memory = ProcessMemory()
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return memory }
        for line in text.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count >= 2, let value = Int(parts[1]) else { continue }
            if parts[0] == "VmRSS:" { memory.rssKiB = value }
            if parts[0] == "VmHWM:" { memory.peakKiB = value }
        }
        return memory
    }
}
