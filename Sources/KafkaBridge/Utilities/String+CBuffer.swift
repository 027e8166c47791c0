extension String {
    /// Decodes a NUL-terminated C string that librdkafka wrote into `buffer` (e.g. an `errstr`).
    init(cBuffer buffer: [CChar]) {
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
