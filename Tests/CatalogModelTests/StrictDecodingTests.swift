import CatalogModel
import Foundation
import Testing

/// The strict decoder reads plain `Codable` types: unknown keys are errors naming the closest
/// key, every problem is recorded in one run, and a value holding a stand-in never escapes.
@Suite struct StrictDecodingTests {
    struct Outer: Decodable, Equatable {
        var name: String
        var inner: Inner?
        var items: [Inner]?
        var map: [String: String]?
        var choice: Choice?
    }

    struct Inner: Decodable, Equatable, RefusesKeys {
        var size: Int
        var label: String?
        static let refusedKeys = ["copyFrom": "is set by the catalog; remove it"]
    }

    /// Compiler-generated decoding of an enum with associated values opens nested containers.
    enum Choice: Decodable, Equatable {
        case inline(source: String)
    }

    /// Reads `T` strictly through `JSONDecoder`.
    struct Strict<T: Decodable>: Decodable {
        var value: T
        init(from decoder: any Decoder) throws { value = try StrictDecoding.decode(T.self, from: decoder) }
    }

    /// The value (or `nil` when it could not be made) and every problem recorded, as `path: message`.
    func read(_ json: String) -> (value: Outer?, problems: [String]) {
        let problems = DecodingProblems()
        let decoder = JSONDecoder()
        decoder.userInfo[DecodingProblems.key] = problems
        let value = try? decoder.decode(Strict<Outer>.self, from: Data(json.utf8)).value
        return (value, problems.errors().map(Self.describe))
    }

    static func describe(_ error: DecodingError) -> String {
        let (path, message): ([any CodingKey], String) = switch error {
        case let .keyNotFound(key, context): (context.codingPath + [key], "missing")
        case let .typeMismatch(_, context): (context.codingPath, "wrong type")
        case let .valueNotFound(_, context): (context.codingPath, context.debugDescription)
        case let .dataCorrupted(context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "\(error)")
        }
        return path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") + ": " + message
    }

    @Test func anUnknownKeyNamesTheClosestKeyAndEveryAllowedOne() {
        let read = read(#"{"name": "a", "nmae": "b"}"#)
        #expect(read.problems == [
            "nmae: unknown key \"nmae\" (did you mean \"name\" or \"map\"?); allowed: name, inner, items, map, choice",
        ])
        #expect(read.value == nil || read.value?.name == "a")
    }

    @Test func everyProblemIsRecordedUnknownKeysFirstThenFieldsInOrder() {
        let read = read(#"""
            {"zz": 1, "name": 5, "inner": {"size": "big", "typo": 1},
             "items": [{"size": 1}, {"sise": 2, "label": "x"}]}
            """#)
        #expect(read.problems == [
            "zz: unknown key \"zz\"; allowed: name, inner, items, map, choice",
            "name: wrong type",
            "inner.typo: unknown key \"typo\"; allowed: size, label",
            "inner.size: wrong type",
            "items.[1].sise: unknown key \"sise\" (did you mean \"size\"?); allowed: size, label",
            "items.[1].size: missing",
        ])
        // A required field failed: the value is not made.
        #expect(read.value == nil)
    }

    @Test func aFailedRequiredFieldInsideAnOptionalOneLeavesOnlyThatFieldAbsent() {
        let read = read(#"{"name": "a", "inner": {"label": "x"}, "map": {"k": "v"}}"#)
        #expect(read.problems == ["inner.size: missing"])
        #expect(read.value == Outer(name: "a", inner: nil, items: nil, map: ["k": "v"], choice: nil))
    }

    @Test func aNullIsAMissingValueInARequiredFieldAndAsAMapsValue() {
        #expect(read(#"{"name": null}"#).problems == ["name: null where a value is required"])
        #expect(read(#"{"name": "a", "map": {"k": null}}"#).problems == ["map.k: null where a value is required"])
        #expect(read(#"{"name": "a", "inner": null}"#).value?.inner == nil)
    }

    @Test func aRefusedKeyGetsItsOwnExplanation() {
        #expect(read(#"{"name": "a", "inner": {"size": 1, "copyFrom": "x"}}"#).problems
            == ["inner.copyFrom: is set by the catalog; remove it"])
    }

    @Test func nestedContainersAreStrictToo() {
        let read = read(#"{"name": "a", "choice": {"inline": {"source": "x", "sorce": "y"}}}"#)
        #expect(read.problems == ["choice.inline.sorce: unknown key \"sorce\" (did you mean \"source\"?); allowed: source"])
    }

    @Test func withoutRecordingTheFirstProblemIsThrown() {
        #expect {
            try JSONDecoder().decode(Strict<Outer>.self, from: Data(#"{"name": "a", "zz": 1}"#.utf8))
        } throws: { error in
            guard let error = error as? DecodingError else { return false }
            return Self.describe(error) == "zz: unknown key \"zz\"; allowed: name, inner, items, map, choice"
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Strict<Outer>.self, from: Data(#"{"inner": {"size": 1}}"#.utf8))
        }
    }
}
