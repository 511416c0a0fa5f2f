import CatalogModel
import Testing

/// Templates are stored compact and laid out again when read: laying out must give back exactly
/// the text that was hashed, and never fail on a text that is not what it should be.
@Suite struct TemplateLayoutTests {
    @Test func compactJSONIsLaidOutAsTheEncoderLaysItOut() {
        let compact = #"{"a":[1,{},[]],"b":{"c":"x : y, [z] {\"q\"}"},"d":true,"e":null,"f":-1.5e-7}"#
        #expect(TemplateLayout.laidOut(compact) == """
            {
              "a" : [
                1,
                {

                },
                [

                ]
              ],
              "b" : {
                "c" : "x : y, [z] {\\"q\\"}"
              },
              "d" : true,
              "e" : null,
              "f" : -1.5e-7
            }

            """)
        #expect(TemplateLayout.laidOut("{}") == "{\n\n}\n")
        #expect(TemplateLayout.laidOut("[]") == "[\n\n]\n")
    }

    @Test func laidOutTextComesBackUnchangedAndOtherWhitespaceIsLaidOut() {
        let laidOut = "{\n  \"a\" : [\n    1,\n    \"b\"\n  ]\n}\n"
        #expect(TemplateLayout.laidOut(laidOut) == laidOut)
        #expect(TemplateLayout.laidOut(" {\"a\"\t:\r\n[ 1 ,\"b\" ] } \n") == laidOut)
        #expect(TemplateLayout.withLaidOut(#"{"a":[1,"b"]}"#) { Array($0) } == Array(laidOut.utf8))
    }

    @Test(arguments: [
        "", "a", "1", "\"text\"", "{", "{\"a\":1", "{]", "[1]]", "{}x", "{} {}", "[\"unterminated]",
        "{\"a\":\"ends in a backslash\\", String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
        ",", "[,]x", "[1 2]", "{\"a\" 1}", "[tr ue]", "{\"a\":1,}", "[1,]", "[,1]", "{1:2}", "[\"a\":1]",
        "[1\"a\"]", "{\"a\":}", "{\"a\"::1}", "[]]", "{}}",
    ])
    func aTextThatIsNotAJSONObjectOrArrayIsGivenBackAsItIs(text: String) {
        #expect(TemplateLayout.laidOut(text) == text)
    }

    @Test func nestingUpToTheLimitIsLaidOut() {
        let depth = 200
        let compact = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let laidOut = TemplateLayout.laidOut(compact)
        #expect(laidOut != compact)
        #expect(laidOut.filter { !$0.isWhitespace } == compact)
    }
}
