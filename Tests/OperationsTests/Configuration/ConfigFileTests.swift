import Operations
import Testing

@Suite("configuration file")
struct ConfigFileTests {
    @Test func parsesKeyValueLinesSkippingCommentsAndBlanks() throws {
        let text = """
            # Stancewire
            brokers = k1:9092,k2:9092

              max-in-flight=500
            kafka.security.protocol = SASL_SSL
            kafka.sasl.password = "p#ss word "
            """
        let file = try ConfigFile.parse(contents: text, path: "/etc/stancewire.conf")
        #expect(
            file.entries.map(\.key) == ["brokers", "max-in-flight", "kafka.security.protocol", "kafka.sasl.password"])
        #expect(file.entries.map(\.line) == [2, 4, 5, 6])
        #expect(file.entries[3].value == "p#ss word ")
    }

    @Test func lineWithoutEqualsIsASyntaxErrorWithFileAndLine() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigFile.parse(contents: "brokers = a:1\n\njust words\n", path: "/x.conf")
        }
        #expect(error?.code == .syntax)
        #expect(error?.file == "/x.conf")
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("/x.conf:3: error:") == true)
    }

    @Test func duplicateKeyIsRejectedWithTheSecondLine() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigFile.parse(contents: "group = a\ngroup = b\n", path: "/x.conf")
        }
        #expect(error?.code == .duplicateKey)
        #expect(error?.line == 2)
    }

    @Test func missingFileIsUnreadable() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigFile.load(path: "/nonexistent/stancewire.conf")
        }
        #expect(error?.code == .unreadableFile)
    }
}
