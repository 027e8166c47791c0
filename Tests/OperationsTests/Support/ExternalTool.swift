import Foundation
import Testing

/// Runs a command-line tool the deploy checks need (promtool, systemd-analyze).
enum ExternalTool {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var combined: String { standardOutput + standardError }
    }

    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var package: String
        var description: String {
            "\(tool) is not installed; install it with `apt-get install -y \(package)`"
        }
    }

    /// The absolute path of `tool` on `PATH` (or in /usr/bin, /usr/sbin, /bin).
    static func locate(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories =
            path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/sbin", "/bin", "/usr/local/bin"]
        return directories.map { $0 + "/" + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool` with `arguments` in `directory`.
    ///
    /// - Throws: ``Missing`` naming the Debian package when the tool is not installed.
    static func run(
        _ tool: String, package: String, _ arguments: [String], in directory: String? = nil
    ) throws -> Output {
        guard let executable = locate(tool) else { throw Missing(tool: tool, package: package) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["SYSTEMD_COLORS"] = "0"
        environment["SYSTEMD_PAGER"] = ""
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Outputs are small; read both to the end before waiting so neither pipe fills up.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }
}

/// The repository's root directory (where `deploy/` is): this file is `Tests/OperationsTests/Support/`.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()
