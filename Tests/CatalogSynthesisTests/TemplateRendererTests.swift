@testable import CatalogSynthesis
import CatalogModel
import CatalogTestSupport
import Foundation
import Testing

/// `TemplateRenderer` writes most of a template itself: its compact bytes must be `JSONEncoder`'s,
/// and laid out, the encoder's with `.prettyPrinted`; the laid-out bytes it writes beside the
/// compact ones must be `TemplateLayout`'s layout of them (what reading a stored text gives).
@Suite struct TemplateRendererTests {
    @Test func everyExampleAndEdgeCaseTemplateIsWhatTheEncoderWrites() throws {
        for spec in try SynthesisFixtures.examples + SynthesisFixtures.edgeCases {
            for template in try SynthesisFixtures.templates(spec) {
                expectEncoderBytes(template.body, "\(template.app) \(template.region)")
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
            [[[[.object([:]), []]]], ["a": ["b": ["c": []]]]],
            // Every control character, alone and between plain text.
            .array((0..<0x20).flatMap { code -> [TemplateValue] in
                let character = String(UnicodeScalar(UInt8(code)))
                return [.string(character), .string("a\(character)b\(character)")]
            }),
            ["text": "\"\\/\u{7F}\u{80}\u{10FFFF}😀", "punctuation": "{[\":,]} \" : ,\n  "],
        ]
        for value in values {
            expectEncoderBytes(value, "\(value)")
        }
    }

    /// What `TemplateLayout` gives back as it is (a bare value, nesting past its depth limit), the
    /// one-pass laid-out bytes give back too: the recorded hash is always the stored text's.
    @Test func valuesTheLayoutLeavesAsTheyAreAreLeftSoToo() {
        var deep: TemplateValue = ["leaf": "x"]
        for level in 0..<(TemplateLayout.maximumDepth + 5) { deep = level % 2 == 0 ? [deep] : ["k": deep] }
        for value: TemplateValue in [deep, "bare", 42, true, .decimal(0.5)] {
            TemplateRenderer.withTexts(value) { compact, laidOut in
                #expect(String(decoding: laidOut, as: UTF8.self) == TemplateLayout.laidOut(compact))
            }
        }
    }

    private func expectEncoderBytes(_ value: TemplateValue, _ comment: String) {
        #expect(TemplateRenderer.compactJSON(value) == TemplateRenderer.encoderJSON(value), "\(comment)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let pretty = String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self) + "\n"
        #expect(TemplateRenderer.json(value) == pretty, "\(comment)")
        TemplateRenderer.withTexts(value) { compact, laidOut in
            #expect(compact == TemplateRenderer.compactJSON(value), "\(comment)")
            #expect(String(decoding: laidOut, as: UTF8.self) == TemplateLayout.laidOut(compact), "\(comment)")
        }
    }
}
