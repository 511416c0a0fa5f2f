/// Where each thing's page is, from the site's root: the one place page names are made.
enum SitePaths {
    /// App names are lowercase letters, digits and `-` (`AppNaming`), safe as file names. App
    /// pages have a folder of their own: an app may be called `index`.
    static func app(_ name: String) -> String { "app/\(name).html" }

    /// The apps list's `page`th page, from 1.
    static func appsPage(_ page: Int) -> String { page == 1 ? "apps/index.html" : "apps/page-\(page).html" }

    /// The apps whose requests may be served in a Region, `page`th page from 1.
    static func region(_ code: String, page: Int = 1) -> String {
        "regions/\(fileName(code))\(page == 1 ? "" : "-page-\(page)").html"
    }

    /// A model's section on the models page.
    static func model(_ id: String) -> String { "models.html#\(anchor(id))" }

    /// An `id` attribute for a catalog identifier: `anthropic.claude-3:0` -> `m-anthropic.claude-3_0`.
    static func anchor(_ id: String) -> String { "m-" + fileName(id) }

    /// Letters, digits, `.`, `-` kept, anything else `_`.
    static func fileName(_ text: String) -> String {
        // Identifiers are ASCII: byte by byte, where each byte is one Character (no CR, which
        // makes one Character with an LF); asking a Character whether it is a letter is slow, and
        // a large catalog's pages make a link to a model or Region a hundred thousand times.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return String(decoding: text.utf8.map { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): byte
                default: UInt8(ascii: "_")
                }
            }, as: UTF8.self)
        }
        return String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "_" })
    }
}
