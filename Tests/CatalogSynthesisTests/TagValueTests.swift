import CatalogModel
import CatalogSynthesis
import Foundation
import Testing

/// Every tag every template carries obeys AWS's rules as CloudFormation states them, checked
/// with AWS's own pattern (not deploycat's rule code), so a value that slips past validation
/// into a template fails here.
@Suite struct TagValueTests {
    static let allowed = try! NSRegularExpression(pattern: #"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$"#)

    static func matches(_ text: String) -> Bool {
        allowed.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func everyTagOfEveryExampleAndFixtureTemplateIsValid() throws {
        var checked = 0
        for spec in try SynthesisFixtures.examples + SynthesisFixtures.edgeCases {
            for template in try SynthesisFixtures.templates(spec) {
                for (name, resource) in template.body.resources {
                    let tags = resource["Properties"]?["Tags"]?.elements ?? []
                    #expect(tags.count <= 50, "\(template.app) \(template.region) \(name): \(tags.count) tags")
                    for tag in tags {
                        let key = try #require(tag["Key"]?.text), value = try #require(tag["Value"]?.text)
                        let at = "\(template.app) in \(template.region), \(name), tag \"\(key)\""
                        #expect((1...128).contains(key.unicodeScalars.count) && Self.matches(key), "\(at): key")
                        #expect(value.unicodeScalars.count <= 256 && Self.matches(value), "\(at): value \"\(value)\"")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    /// deploycat's tag rules accept exactly the characters AWS's pattern accepts, over ASCII and
    /// samples of letters, marks, numbers, separators, symbols and controls from elsewhere.
    @Test func theTagRulesAgreeWithAWSsPattern() {
        let samples = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) }
            + ["é", "ß", "Ж", "漢", "ー", "\u{301}", "٣", "Ⅳ", "½", "\u{A0}", "\u{2028}", "\u{2029}", "€", "©", "\t", "\u{200B}", "😀"]
        for character in samples {
            let text = "a\(character)b"
            #expect(TagRules.valueIssues(text, at: "v").isEmpty == Self.matches(text), "\(character.unicodeScalars.map(\.value))")
        }
        #expect(!Self.matches("o'brien team") && !Self.matches("team; DROP TABLE apps;--"))
    }
}
