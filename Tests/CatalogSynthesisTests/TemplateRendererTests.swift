@testable import CatalogSynthesis
import CatalogModel
import CatalogTestSupport
import Testing

/// `TemplateRenderer.json` writes most of a template itself: its bytes must be `JSONEncoder`'s.
@Suite struct TemplateRendererTests {
    @Test func everyExampleAndEdgeCaseTemplateIsWhatTheEncoderWrites() throws {
        for spec in try SynthesisFixtures.examples + SynthesisFixtures.edgeCases {
            for template in try SynthesisFixtures.templates(spec) {
                #expect(TemplateRenderer.json(template.body) == TemplateRenderer.encoderJSON(template.body),
                        "\(template.app) \(template.region)")
            }
        }
    }

    @Test func escapesDecimalsEmptyContainersAndOtherKeysMatchTheEncoder() {
        let values: [TemplateValue] = [
            ["b": 1, "B": [], "a10": .object([:]), "a9": [1, ["x": "a/b\"c\\d\n\t\u{01}\u{1B}\u{1F}é€\u{2028}\u{7F}"]],
             "A": .decimal(0.5), "_x": .decimal(3), "Z": true, "a-b": .decimal(1e-7), "ab": .decimal(123456789.25),
             "n": -42, "f": false, "s": "arn:aws:bedrock:${AWS::Region}::foundation-model/x", "e": ""],
            ["Ä": 1, "z": ["nested": ["é": "x"]]],
            [["k": []], [], .object([:])],
            // Every control character, alone and between plain text.
            .array((0..<0x20).flatMap { code -> [TemplateValue] in
                let character = String(UnicodeScalar(UInt8(code)))
                return [.string(character), .string("a\(character)b\(character)")]
            }),
            ["text": "\"\\/\u{7F}\u{80}\u{10FFFF}😀"],
        ]
        for value in values {
            #expect(TemplateRenderer.json(value) == TemplateRenderer.encoderJSON(value))
        }
    }
}
