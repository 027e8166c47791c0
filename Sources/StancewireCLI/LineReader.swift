import Foundation

/// Reads newline-separated records from a file descriptor in chunks, never holding more
/// than `maxLineBytes` of one line: longer lines are reported as oversized and skipped.
struct LineReader {
    enum Line {
        case bytes([UInt8])
        case oversized(Int)
    }

    private let handle: FileHandle
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    private var current: [UInt8] = []
    private var discarding = false
    private var discarded = 0

    init(handle: FileHandle, maxLineBytes: Int) {
        self.handle = handle
        self.maxLineBytes = maxLineBytes
    }

    /// The next line without its newline (a trailing `\r` is kept out too), or `nil` at end.
    mutating func next() -> Line? {
        while true {
            if position >= buffer.count {
                if eof { return finishLast() }
                let chunk = handle.readData(ofLength: 1 << 20)
                if chunk.isEmpty {
                    eof = true
                    return finishLast()
                }
                buffer = [UInt8](chunk)
                position = 0
            }
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                let part = buffer[position..<newline]
                position = newline + 1
                return complete(with: part)
            }
            append(buffer[position...])
            position = buffer.count
        }
    }

    private mutating func append(_ part: ArraySlice<UInt8>) {
        if discarding {
            discarded += part.count
        } else if current.count + part.count > maxLineBytes {
            discarding = true
            discarded = current.count + part.count
            current = []
        } else {
            current += part
        }
    }

    private mutating func complete(with part: ArraySlice<UInt8>) -> Line {
        append(part)
        defer {
            current = []
            discarding = false
            discarded = 0
        }
        if discarding { return .oversized(discarded) }
        if current.last == UInt8(ascii: "\r") { current.removeLast() }
        return .bytes(current)
    }

    private mutating func finishLast() -> Line? {
        if current.isEmpty && !discarding { return nil }
        return complete(with: [])
    }
}
