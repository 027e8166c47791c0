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
    /// The current chunk; `filled` bytes of it are data.
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var filled = 0
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
            if position >= filled {
                if eof { return finishLast() }
                filled = readChunk()
                position = 0
                if filled == 0 {
                    eof = true
                    return finishLast()
                }
            }
            // memchr finds the newline many bytes at a time.
            let from = position
            let end = filled
            let newline: Int? = buffer.withUnsafeBufferPointer { b in
                guard let found = memchr(b.baseAddress! + from, Int32(UInt8(ascii: "\n")), end - from) else { return nil }
                return UnsafeRawPointer(found) - UnsafeRawPointer(b.baseAddress!)
            }
            if let newline {
                let part = buffer[position..<newline]
                position = newline + 1
                return complete(with: part)
            }
            append(buffer[position..<filled])
            position = filled
        }
    }

    /// Reads the next chunk into `buffer` straight from the descriptor; 0 at end of input.
    private mutating func readChunk() -> Int {
        let fd = handle.fileDescriptor
        return buffer.withUnsafeMutableBytes { b in
            while true {
                let n = read(fd, b.baseAddress!, b.count)
                if n >= 0 { return n }
                if errno != EINTR { fatalError("cannot read the input: \(String(cString: strerror(errno)))") }
            }
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
