import CatalogSynthesis
import Foundation
import Testing

/// An object's members stay sorted with each key once, however they are given or changed.
@Suite struct TemplateObjectTests {
    @Test func membersGivenInAnyOrderAreSortedAndARepeatedKeyKeepsItsLastValue() {
        let object = TemplateObject([("b", 1), ("a", 2), ("c", 3), ("a", 4), ("b", 5), ("a", 6)])
        #expect(object.keys == ["a", "b", "c"])
        #expect(object.values == [6, 5, 3])
        let literal: TemplateObject = ["z": "last", "Z": "upper", "a10": 1, "a9": 2]
        #expect(literal.keys == ["Z", "a10", "a9", "z"])
    }

    @Test func settingAndRemovingKeepsTheOrder() {
        var object: TemplateObject = ["m": 1]
        object["z"] = 2
        object["a"] = 3
        object["m"] = 4
        #expect(object.keys == ["a", "m", "z"])
        #expect(object["m"] == 4 && object["missing"] == nil)
        object["m"] = nil
        object["missing"] = nil
        #expect(object.keys == ["a", "z"])
    }

    @Test func mergingLetsTheOtherObjectWin() {
        let merged = (["a": 1, "b": 2] as TemplateObject).merging(["b": 3, "c": 4])
        #expect(merged == ["a": 1, "b": 3, "c": 4])
    }

    @Test func equalContentIsEqualWhateverTheOrderItWasGivenIn() throws {
        let pairs: [(String, TemplateValue)] = (0..<50).map { ("key\($0)", .number($0)) }
        let object = TemplateObject(pairs.shuffled())
        #expect(object == TemplateObject(pairs))
        #expect(object == TemplateObject(Dictionary(uniqueKeysWithValues: pairs)))
        let decoded = try JSONDecoder().decode(TemplateObject.self, from: JSONEncoder().encode(object))
        #expect(decoded == object)
    }
}
