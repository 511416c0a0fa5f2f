import Foundation
import Testing
@testable import CatalogSite

/// The parts every page is made of: colours people can read, text that cannot become markup,
/// data a script can read, charts that keep every group, lists split into pages.
@Suite struct SitePartsTests {
    @Test func everyColourPairHasEnoughContrast() {
        for (foreground, background, minimum) in SitePalette.pairs {
            let ratio = Self.contrast(foreground, background)
            #expect(ratio >= minimum, "\(foreground) on \(background): \(ratio) < \(minimum)")
        }
        // The style sheet uses no colour the pairs leave out (but the borders' line colour).
        let paired = Set(SitePalette.pairs.flatMap { [$0.0, $0.1] } + [SitePalette.line])
        let regex = try! NSRegularExpression(pattern: "#[0-9a-fA-F]{3,6}\\b")
        let css = SiteStyle.css
        let used = regex.matches(in: css, range: NSRange(css.startIndex..., in: css)).map { String(css[Range($0.range, in: css)!]) }
        #expect(!used.isEmpty && Set(used).isSubset(of: paired), "\(Set(used).subtracting(paired))")
    }

    @Test func textCannotBecomeMarkup() {
        #expect(HTML.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(HTML.escape("plain text") == "plain text")
        #expect(HTML.link("x<y", to: "apps/a\".html") == "<a href=\"apps/a&quot;.html\">x&lt;y</a>")
        #expect(JSONText.string("</script><b>\"\\\n\u{1}") == #""\u003c/script>\u003cb>\"\\\n\u0001""#)
        let decoded = try? JSONSerialization.jsonObject(with: Data(("[" + JSONText.string("é</script>\u{2028}") + "]").utf8)) as? [String]
        #expect(decoded == ["é</script>\u{2028}"])
    }

    @Test func chartsDrawTheLargestGroupsAndTabulateAll() {
        let rows = (1...30).map { BarChart.Row(label: "team-\($0)", estimate: nil, actual: Decimal($0)) }
            + [BarChart.Row(label: "(unattributed)", estimate: nil, actual: 1, isRest: true)]
        let html = BarChart(title: "By team", groupName: "Team", rows: rows, showsEstimate: false, showsActual: true,
                            actualTotal: 466).html()
        let svg = String(html[html.range(of: "<svg")!.lowerBound..<html.range(of: "</svg>")!.upperBound])
        // 20 bars: the 19 largest teams and the unattributed rest; the table has all 31 rows and the total.
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 20)
        #expect(svg.contains(">team-30<") && svg.contains(">team-12<") && !svg.contains(">team-11<") && svg.contains("(unattributed)"))
        #expect(html.components(separatedBy: "<tr>").count - 1 == 1 + 31 + 1)
        #expect(html.contains("<td>Total</td><td class=\"num\">$466.00</td>"))
        #expect(html.contains("The chart shows the 20 largest of 31 groups"))
        #expect(BarChart.pixels(Decimal(string: "0.001")!, of: 1000, span: 300) == 1)
        #expect(BarChart.pixels(0, of: 1000, span: 300) == 0)
    }

    @Test func longListsSplitIntoPages() {
        let pages = Paginated(Array(1...1_001), perPage: 500).pages
        #expect(pages.map(\.count) == [500, 500, 1])
        #expect(Paginated([Int](), perPage: 500).pages.count == 1)
        let pager = Paginated<Int>.pager(pages: 3, current: 2, from: "apps/page-2.html", path: SitePaths.appsPage)
        #expect(pager.contains("<a href=\"../apps/index.html\">1</a>") && pager.contains("<b>2</b>")
            && pager.contains("<a href=\"../apps/page-3.html\">3</a>"))
    }

    @Test func diagramNumbersAreTheSameTextEverywhere() {
        #expect(RoutingDiagram.number(12.34) == "12.3" && RoutingDiagram.number(-0.04) == "0"
            && RoutingDiagram.number(-3.96) == "-4" && RoutingDiagram.number(7.05) == "7.1")
        #expect(SitePaths.anchor("anthropic.claude-3:0") == "m-anthropic.claude-3_0")
    }

    /// WCAG 2.1 contrast ratio of two `#rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            func linear(_ channel: Int) -> Double {
                let fraction = Double(channel) / 255
                return fraction <= 0.03928 ? fraction / 12.92 : pow((fraction + 0.055) / 1.055, 2.4)
            }
            let channels = [linear((value >> 16) & 255), linear((value >> 8) & 255), linear(value & 255)]
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
