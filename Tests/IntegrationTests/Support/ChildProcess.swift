import Foundation
import Synchronization

/// A child process with captured output, for black-box tests of the `stancewire` binary.
///
/// Standard output and error go to temporary files, not pipes: Foundation's `Process` lets a
/// child spawned concurrently by another test inherit a pipe's write end, which delays the end
/// of file by that child's whole life and, under load, lost the last line of `extract`. A file
/// holds everything the child wrote once it has exited, whoever else holds it open.
final class ChildProcess: Sendable {
    private let process: Process
    private let captured = CapturedOutput()
    private let stdinPipe: Pipe
    private let outputFile: URL
    private let errorFile: URL
    private let outputReader: FileHandle
    private let errorReader: FileHandle
    /// Serialises the incremental reads of the two files.
    private let readLock = Mutex<Void>(())

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
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("sw-child-\(UUID().uuidString)")
        outputFile = base.appendingPathExtension("out")
        errorFile = base.appendingPathExtension("err")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil),
            FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        else {
            throw TestFailure("cannot create output files at \(base.path)")
        }
        let outputWriter = try FileHandle(forWritingTo: outputFile)
        let errorWriter = try FileHandle(forWritingTo: errorFile)
        outputReader = try FileHandle(forReadingFrom: outputFile)
        errorReader = try FileHandle(forReadingFrom: errorFile)
        stdinPipe = Pipe()
        process.standardOutput = outputWriter
        process.standardError = errorWriter
        process.standardInput = stdinPipe
        try process.run()
        // The child has its own copies now.
        try? outputWriter.close()
        try? errorWriter.close()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var output: [String] {
        readNew()
        return captured.lines.withLock { $0 }
    }
    var errorOutput: String {
        readNew()
        return captured.errors.withLock { $0 }
    }

    /// Appends what the child wrote since the last read; once it has exited, a last line
    /// without a newline counts too.
    private func readNew() {
        readLock.withLock { _ in
            let exited = !process.isRunning
            if let data = try? outputReader.readToEnd(), !data.isEmpty {
                captured.appendOutput(String(decoding: data, as: UTF8.self))
            }
            if let data = try? errorReader.readToEnd(), !data.isEmpty {
                captured.appendError(String(decoding: data, as: UTF8.self))
            }
            if exited { captured.flushPartialLine() }
        }
    }

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

    /// Waits for exit; returns the status, or `nil` on timeout. Everything the child wrote is
    /// in ``output`` and ``errorOutput`` once it returns a status.
    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning {
                readNew()
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
        try? outputReader.close()
        try? errorReader.close()
        try? FileManager.default.removeItem(at: outputFile)
        try? FileManager.default.removeItem(at: errorFile)
    }
}

/// Output of a child, appended as it is read from its files.
final class CapturedOutput: Sendable {
    let lines = Mutex<[String]>([])
    let errors = Mutex<String>("")
    private let partial = Mutex<String>("")

    /// A last line without a newline, once the child has exited.
    func flushPartialLine() {
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
