/// JSON text for data a page's script reads, written by hand so its bytes are the same on
/// every run, and safe inside `<script>`: `<` is always escaped, so no `</script>` can end it.
enum JSONText {
    static func string(_ text: String) -> String {
        var json = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "<": json += "\\u003c"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "\u{2028}": json += "\\u2028"
            case "\u{2029}": json += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    json += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    json.unicodeScalars.append(scalar)
                }
            }
        }
        return json + "\""
    }
}
