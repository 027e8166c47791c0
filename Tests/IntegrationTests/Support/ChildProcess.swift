import Foundation
import Synchronization

/// A child process with captured output, for black-box tests of the `stancewire` binary.
final class ChildProcess: Sendable {
    private let process: Process
    private let captured = CapturedOutput()
    private let stdinPipe: Pipe

    /// The `stancewire` executable built beside the test bundle (override with `STANCEWIRE_BIN`).
    static var stancewireBinary: URL {
        if let path = ProcessInfo.processInfo.environment["STANCEWIRE_BIN"] {
            return URL(fileURLWithPath: path)
        }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("stancewire")
    }

    /// Starts the executable with the test runner's environment (minus `STANCEWIRE_*` and the
    /// systemd notification variables) plus `environment`.
    init(_ arguments: [String], environment: [String: String] = [:], executable: URL = ChildProcess.stancewireBinary) throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestFailure("no executable at \(executable.path): run `swift build` before the tests")
        }
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // The test runner's own STANCEWIRE_* settings (e.g. STANCEWIRE_BIN) and systemd
        // variables must not leak into the daemon: `run` rejects unknown STANCEWIRE_* names.
        var env = ProcessInfo.processInfo.environment.filter { name, _ in
            !name.hasPrefix("STANCEWIRE_") && !["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"].contains(name)
        }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        stdinPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdinPipe
        let captured = self.captured
        out.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                captured.markClosed(stdout: true)
                return
            }
            captured.appendOutput(String(decoding: data, as: UTF8.self))
        }
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                captured.markClosed(stdout: false)
                return
            }
            captured.appendError(String(decoding: data, as: UTF8.self))
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var output: [String] { captured.lines.withLock { $0 } }
    var errorOutput: String { captured.errors.withLock { $0 } }

    /// Waits for a stdout line with the prefix; returns the rest of the line.
    func waitForLine(prefix: String, timeout: Duration = .seconds(20)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = output.first(where: { $0.hasPrefix(prefix) }) {
                return String(line.dropFirst(prefix.count))
            }
            if !isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("no line starting with '\(prefix)'; stderr: \(errorOutput.suffix(2000))")
    }

    func writeLine(_ line: String) {
        stdinPipe.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Closes the child's standard input (end of file for `extract`).
    func closeInput() {
        try? stdinPipe.fileHandleForWriting.close()
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for exit and for the end of both output streams; returns the status, or `nil` on
    /// timeout.
    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning {
                // Output still in the pipes is delivered until end of file, waited for at most
                // 10 s: a child spawned concurrently by another test may hold the pipes open, and
                // on a loaded CI machine the pipe handlers can lag the exit by seconds (CI once
                // lost the last line of `extract` with a 2 s grace).
                let grace = min(deadline, ContinuousClock.now + .seconds(10))
                while !captured.isComplete && ContinuousClock.now < grace {
                    try? await Task.sleep(for: .milliseconds(10))
                }
                return process.terminationStatus
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Output of a child, filled by pipe handlers on other threads.
final class CapturedOutput: Sendable {
    let lines = Mutex<[String]>([])
    let errors = Mutex<String>("")
    private let partial = Mutex<String>("")
    private let closedStreams = Mutex<Int>(0)

    /// Both stdout and stderr reached end of file.
    var isComplete: Bool { closedStreams.withLock { $0 } >= 2 }

    /// Records the end of one stream; at the end of stdout a last line without a newline counts.
    func markClosed(stdout: Bool) {
        closedStreams.withLock { $0 += 1 }
        guard stdout else { return }
        let rest: String = partial.withLock { buffer in
            defer { buffer = "" }
            return buffer
        }
        if !rest.isEmpty { lines.withLock { $0.append(rest) } }
    }

    func appendOutput(_ text: String) {
        let complete: [String] = partial.withLock { buffer in
            buffer += text
            var found: [String] = []
            while let newline = buffer.firstIndex(of: "\n") {
                found.append(String(buffer[..<newline]))
                buffer = String(buffer[buffer.index(after: newline)...])
            }
            return found
        }
        if !complete.isEmpty { lines.withLock { $0 += complete } }
    }

    func appendError(_ text: String) {
        errors.withLock { $0 += text }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
