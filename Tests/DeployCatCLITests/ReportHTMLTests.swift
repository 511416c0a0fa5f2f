import CatalogTestSupport
import Foundation
import Testing

/// `report html` as a user runs it: a site whose every link resolves inside it, a page per app,
/// charts whose tables add up to what `cost report` prints, the same bytes for the same
/// database, and bad input refused before anything is written.
@Suite struct ReportHTMLTests {
    let folder: TemporaryDirectory
    let deploycat: DeployCatProcess
    let database: String

    init() throws {
        folder = try TemporaryDirectory()
        deploycat = try DeployCatProcess(workingDirectory: folder.url)
        database = deploycat.database
        let examples = PackagePaths.root.appendingPathComponent("examples")
        let applied = try deploycat.run("apply", "-f", examples.path, "--db", database)
        #expect(applied.status == 0, "\(applied.stderr)")
        let synth = try deploycat.run("synth", "--all", "--db", database)
        #expect(synth.status == 0, "\(synth.stderr)")
    }

    func run(_ arguments: String...) throws -> DeployCatProcess.Result {
        try deploycat.run(arguments + ["--db", database])
    }

    /// Writes the site into `name` and reads it back.
    func site(_ name: String = "site", _ options: String...) throws -> SiteFolder {
        let written = try deploycat.run(["report", "html", "--out", folder.path(name), "--as-of", "2026-11-24"] + options + ["--db", database])
        #expect(written.status == 0, "\(written.stderr)")
        return try SiteFolder(folder.path(name))
    }

    func liveApps() throws -> [String] {
        let listed = try run("apps", "list", "--json")
        let apps = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        return apps.compactMap { $0["name"] as? String }.sorted()
    }

    @Test func everyLinkResolvesInsideTheSiteAndEveryAppHasAPage() throws {
        #expect(try run("cost", "import", PackagePaths.fixture("billing/focus-2025-01.csv")).status == 0)
        let site = try site()
        for name in ["index.html", "routing.html", "models.html", "costs.html", "apps/index.html"] {
            #expect(site.pages[name] != nil, "no \(name)")
        }
        let apps = try liveApps()
        #expect(apps.count >= 10)
        for app in apps {
            let page = try #require(site.pages["app/\(app).html"], "no page for \(app)")
            #expect(page.contains("<title>App \(app) · deploycat report</title>"))
        }
        try expectSelfContained(site)
        // Each app appears in the apps list, and on the page of every Region it is deployed in.
        let lists = site.pages.filter { $0.key.hasPrefix("apps/index") || $0.key.hasPrefix("apps/page-") }.values.joined()
        for app in apps { #expect(lists.contains(">\(app)</a>"), "\(app) is not in the apps list") }
        #expect(site.pages["regions/us-east-1.html"]?.contains(">support-chat</a>") == true)
    }

    /// Every page has a title, the navigation bar and a phone's viewport, loads nothing, and
    /// links only to pages (and their anchors) of the site.
    func expectSelfContained(_ site: SiteFolder, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (path, html) in site.pages {
            #expect(html.contains("<title>") && html.contains("<nav aria-label=\"Report sections\">"), "\(path)",
                    sourceLocation: sourceLocation)
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), "\(path)",
                    sourceLocation: sourceLocation)
            #expect(!html.contains("src="), "\(path) loads something", sourceLocation: sourceLocation)
            for link in SiteFolder.matches(#"href="([^"]*)""#, in: html) {
                #expect(!link.contains("://") && !link.hasPrefix("//"), "\(path) links outside the site: \(link)",
                        sourceLocation: sourceLocation)
                let (file, fragment) = site.resolve(link, from: path)
                let target = try #require(site.pages[file], "\(path) links to \(link): no \(file)", sourceLocation: sourceLocation)
                if let fragment {
                    #expect(target.contains("id=\"\(fragment)\""), "\(path) links to \(link): no #\(fragment)",
                            sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func anAppNamedIndexHasItsOwnPage() throws {
        let spec = try String(contentsOf: PackagePaths.root.appendingPathComponent("examples/support-chat.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: support-chat", with: "name: index")
        try spec.write(toFile: folder.path("index.yaml"), atomically: true, encoding: .utf8)
        #expect(try run("apply", "-f", folder.path("index.yaml")).status == 0)
        let site = try site()
        #expect(site.pages["apps/index.html"]?.contains("<title>Apps · deploycat report</title>") == true)
        #expect(site.pages["app/index.html"]?.contains("<title>App index · deploycat report</title>") == true)
    }

    @Test func costTablesAddUpToTheCostReports() throws {
        #expect(try run("cost", "import", PackagePaths.fixture("billing/focus-2025-01.csv")).status == 0)
        let costs = try #require(try site().pages["costs.html"])
        for by in ["team", "model", "cost-center"] {
            let report = try run("cost", "report", "--by", by, "--format", "json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
            let total = try #require((json["total"] as? NSNumber)?.decimalValue)
            let caption = by == "team" ? "By team" : by == "model" ? "By model" : "By tag cost-center"
            let table = try #require(SiteFolder.table(caption, in: costs), "no table \(caption)")
            let actual = table.head.firstIndex(of: "Actual")!
            // The rows, the unattributed (or other services) row included, add up to the foot, which is the report's total.
            let rows = table.rows.map { SiteFolder.dollars($0[actual]) }
            #expect(rows.reduce(0, +) == total, "\(caption): \(rows) do not add up to \(total)")
            #expect(SiteFolder.dollars(table.foot[actual]) == total, "\(caption)")
            if by == "team" {
                for row in json["rows"] as? [[String: Any]] ?? [] {
                    let shown = table.rows.first { $0[0] == row["value"] as? String }
                    #expect(shown.map { SiteFolder.dollars($0[actual]) } == (row["actual"] as? NSNumber)?.decimalValue,
                            "team \(row["value"] ?? "")")
                }
                #expect(table.rows.last?[0] == "(unattributed)")
            }
        }
        // Without billing, the estimates alone, and a word on how to add actual costs.
        let estimates = try TemporaryDirectory()
        let bare = try DeployCatProcess(workingDirectory: estimates.url)
        #expect(try bare.run("apply", "-f", PackagePaths.root.appendingPathComponent("examples/support-chat.yaml").path,
                             "--db", bare.database).status == 0)
        #expect(try bare.run("report", "html", "--out", estimates.path("site"), "--db", bare.database).status == 0)
        let page = try String(contentsOfFile: estimates.path("site/costs.html"), encoding: .utf8)
        #expect(page.contains("No billing exports imported yet"))
        let team = try #require(SiteFolder.table("By team", in: page))
        #expect(team.head == ["Team", "Estimate / month"] && team.rows == [["customer-experience", "$1,400.00"]])
    }

    @Test func theSameDatabaseWritesTheSameBytes() throws {
        let first = try site("one"), second = try site("two")
        #expect(first.pages.keys.sorted() == second.pages.keys.sorted())
        for (path, html) in first.pages { #expect(second.pages[path] == html, "\(path) differs") }
        // Lifecycle days count from --as-of.
        let document = "models:\n  - id: anthropic.claude-haiku-4-5-20251001-v1:0\n    lifecycle: LEGACY\n"
            + "    legacyDate: \"2026-11-01\"\n    endOfLifeDate: \"2026-12-15\"\n"
        #expect(try deploycat.run(["catalog", "apply", "-f", "-", "--db", database], input: document).status == 0)
        let third = try site("three")
        let overview = try #require(third.pages["index.html"])
        #expect(overview.contains("end of life 2026-12-15 (21 days left)"))
        #expect(overview.contains("LEGACY since 2026-11-01 (23 days ago)"))
        #expect(overview.contains("Catalog revision <b>2</b>"))
        // The apps that use it are named there, and their pages and the apps list say so too.
        #expect(overview.contains("<a href=\"app/support-chat.html\">support-chat</a>"))
        #expect(third.pages["app/support-chat.html"]?.contains("end of life 2026-12-15 (21 days left)") == true)
        #expect(third.pages["apps/index.html"]?.contains("end of life 2026-12-15 (21 days left)") == true)
        // Once the date has passed, the page says so.
        let later = try site("four", "--as-of", "2027-01-01").pages["index.html"]
        #expect(later?.contains("ended 2026-12-15 (17 days ago)") == true)
    }

    @Test func overviewListsTheCatalogChangeAndTheTemplatesItMadeStale() throws {
        let routes = "profiles:\n  - id: us.anthropic.claude-haiku-4-5-20251001-v1:0\n    routes:\n"
            + "      us-east-1: [us-east-1, us-east-2, us-west-2, us-west-1]\n"
        let changed = try deploycat.run(["catalog", "apply", "-f", "-", "--force", "--db", database], input: routes)
        #expect(changed.status == 0, "\(changed.stderr)")
        let overview = try #require(try site().pages["index.html"])
        #expect(overview.contains("<h2>What changed in revision 2</h2>"))
        #expect(overview.contains("us-west-1"))
        #expect(overview.contains("<a href=\"app/support-chat.html\">support-chat</a></td><td>us-east-1</td>"))
        // After regenerating, the app's page shows the change, and the overview nothing due.
        #expect(try run("regenerate").status == 0)
        let after = try site()
        #expect(after.pages["index.html"]?.contains("Every current template is up to date") == true)
        let app = try #require(after.pages["app/support-chat.html"])
        #expect(app.contains("<h3>us-east-1: version 1 → 2</h3>"))
        #expect(app.contains("catalog rev 2: profile us.anthropic.claude-haiku-4-5-20251001-v1:0"))
    }

    @Test func aTeamsReportHasOnlyItsApps() throws {
        let site = try site("team", "--team", "customer-experience")
        let pages = site.pages.keys.filter { $0.hasPrefix("app/") }.sorted()
        #expect(pages == ["app/support-chat.html", "app/support-reply-prompt.html"])
        #expect(site.pages["index.html"]?.contains("Apps of team <b>customer-experience</b> only") == true)
        try expectSelfContained(site)
    }

    @Test func writingAgainRemovesThePagesOfDeletedApps() throws {
        _ = try site()
        #expect(FileManager.default.fileExists(atPath: folder.path("site/app/review-sentiment.html")))
        #expect(try run("apps", "delete", "review-sentiment").status == 0)
        let again = try deploycat.run("report", "html", "--out", folder.path("site"), "--db", database)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("removed 1 page of an earlier run"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("site/app/review-sentiment.html")))
        // The list of what the last run wrote is no licence to remove anything else: not a folder,
        // not a file outside the site or of another kind, not the site itself.
        try "mine".write(toFile: folder.path("site/notes.txt"), atomically: true, encoding: .utf8)
        try "outside".write(toFile: folder.path("outside.html"), atomically: true, encoding: .utf8)
        try ["apps", "/", ".", "../outside.html", "app/../../outside.html", "notes.txt", "regions"]
            .joined(separator: "\n").write(toFile: folder.path("site/.deploycat-site"), atomically: true, encoding: .utf8)
        #expect(try deploycat.run("report", "html", "--out", folder.path("site"), "--db", database).status == 0)
        for kept in ["site/notes.txt", "outside.html", "site/apps/index.html", "site/regions/us-east-1.html"] {
            #expect(FileManager.default.fileExists(atPath: folder.path(kept)), "\(kept) was removed")
        }
    }

    @Test func textFromTheCatalogNeverBecomesMarkup() throws {
        // A spec's file name is shown on its app's page: here one with markup in it.
        let spec = try String(contentsOf: PackagePaths.root.appendingPathComponent("examples/support-chat.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "stage: prod", with: "stage: test")
        let hostile = folder.path("<img onerror=x>\"'&.yaml")
        try spec.write(toFile: hostile, atomically: true, encoding: .utf8)
        #expect(try run("apply", "-f", hostile).status == 0)
        let page = try #require(try site().pages["app/support-chat.html"])
        #expect(page.contains("&lt;img onerror=x&gt;&quot;&#39;&amp;.yaml"))
        #expect(!page.contains("<img"))
    }

    @Test func badInputIsRefusedAndNothingIsWritten() throws {
        try "x".write(toFile: folder.path("file.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path("mine"), withIntermediateDirectories: true)
        try "notes".write(toFile: folder.path("mine/notes.txt"), atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--out", folder.path("a"), "--team", "customer-experiance"],
             "Error: no app belongs to team \"customer-experiance\" (did you mean \"customer-experience\"?)"),
            (["--out", folder.path("a"), "--month", "2025-13"], "Error: --month \"2025-13\" is not a month"),
            (["--out", folder.path("a"), "--month", "2025-01"], "Error: no billing data has been imported"),
            (["--out", folder.path("a"), "--as-of", "24.11.2026"], "Error: \"24.11.2026\" is not a date: give YYYY-MM-DD"),
            (["--out", folder.path("a"), "--as-of", "2027-02-30"], "Error: \"2027-02-30\" is not a date: give YYYY-MM-DD"),
            (["--out", folder.path("file.txt/site")], "cannot write \(folder.path("file.txt/site")): \(folder.path("file.txt")) is a file"),
            (["--out", folder.path("file.txt")], "is a file, not a folder"),
            (["--out", folder.path("mine")], "holds files deploycat did not write"),
        ]
        for (arguments, message) in cases {
            let result = try deploycat.run(["report", "html"] + arguments + ["--db", database])
            #expect(result.status != 0 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("a")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("mine")) == ["notes.txt"])
    }
}

/// A written site read back: its pages by path, and what the tests look for in them.
struct SiteFolder {
    var pages: [String: String] = [:]

    init(_ path: String) throws {
        let root = URL(fileURLWithPath: path)
        let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".html") {
            pages[file] = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        }
    }

    /// A link's file (from the site's root) and fragment.
    func resolve(_ link: String, from page: String) -> (file: String, fragment: String?) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var path = page.split(separator: "/").dropLast().map(String.init)
        if parts[0].isEmpty { return (page, parts.count > 1 ? parts[1] : nil) }
        for piece in parts[0].split(separator: "/") {
            if piece == ".." { path = path.dropLast() } else { path.append(String(piece)) }
        }
        return (path.joined(separator: "/"), parts.count > 1 ? parts[1] : nil)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    struct Table {
        var head: [String]
        var rows: [[String]]
        var foot: [String]
    }

    /// The table with `caption`, its cells as text.
    static func table(_ caption: String, in html: String) -> Table? {
        guard let start = html.range(of: "<caption>\(caption)</caption>"),
              let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return nil }
        let markup = String(html[start.upperBound..<end.lowerBound])
        func cells(_ part: String) -> [[String]] {
            matches("<tr>(.*?)</tr>", in: part).map { row in
                matches("<t[hd][^>]*>(.*?)</t[hd]>", in: row).map(text)
            }
        }
        func section(_ name: String) -> String { matches("<\(name)>(.*?)</\(name)>", in: markup).first ?? "" }
        return Table(head: cells(section("thead")).first ?? [], rows: cells(section("tbody")), foot: cells(section("tfoot")).first ?? [])
    }

    /// Markup as the reader sees it: tags dropped, references back to characters.
    static func text(_ markup: String) -> String {
        markup.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `$1,234.56` -> 1234.56; `-` -> 0.
    static func dollars(_ text: String) -> Decimal {
        Decimal(string: text.replacingOccurrences(of: "$", with: "").replacingOccurrences(of: ",", with: "")) ?? 0
    }
}
