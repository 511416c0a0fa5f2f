import CatalogModel
import Foundation
import Testing

/// `JSONText` writes what `JSONEncoder` writes, without one.
@Suite struct JSONTextTests {
    static let strings: [String] = [
        "", "plain", "a/b", "quote \" backslash \\ end", "é€😀\u{10FFFF}\u{2028}\u{7F}\u{80}", "x:y=z+1@2 -_.",
        String((0..<0x20).map { Character(UnicodeScalar(UInt8($0))) }),
    ]

    func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func arraysOfStringsAreWhatTheEncoderWrites() throws {
        #expect(JSONText.array(Self.strings) == (try encoded(Self.strings)))
        #expect(JSONText.array([]) == (try encoded([String]())))
    }

    @Test func objectsWithPlainKeysAreWhatTheEncoderWrites() throws {
        let tags = Dictionary(uniqueKeysWithValues: Self.strings.enumerated().map { ("key\($0.offset)", $0.element) })
            .merging(["B": "1", "a10": "2", "a9": "3", "A": "4", "_x": "5", "Z": "6", "a-b": "7", "aws:cost center": "8"]) { a, _ in a }
        #expect(JSONText.object(tags) == (try encoded(tags)))
        #expect(JSONText.object([:]) == (try encoded([String: String]())))
    }

    @Test(arguments: ["é", "quote\"", "back\\slash", "tab\t", "\u{7F}"])
    func anObjectWithAKeyThatIsNotPlainIsLeftToTheEncoder(key: String) {
        #expect(JSONText.object([key: "v", "a": "b"]) == nil)
    }
}
