import ArgumentParser
import CatalogService
import CatalogSite
import Foundation

/// `deploycat report html --out DIR`.
struct ReportHTML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Write a static HTML site of the catalog: overview, routing map, models, apps and costs.",
        discussion: """
            The site is plain files (HTML with inline CSS and SVG; no fonts, scripts or anything else \
            fetched), so it opens from disk (file://) and can be published on any static host or kept \
            as a CI artifact. Its pages:
              index.html       revision, what it changed, counts, templates due
                               for regeneration, models going LEGACY
              routing.html     per geography, where apps' requests may be
                               served, with a filter (the site's one script;
                               without it every route shows); the residency
                               table
              regions/R.html   the apps that may be served in Region R
              models.html      each model in use: apps, Regions, lifecycle,
                               price
              apps/index.html  every app by team; app/APP.html one app:
                               spec, routes, templates, last change, tags,
                               estimate and actual cost
              costs.html       estimate and actual per team, model, cost tag
                               value and month
            Long lists are split into pages. The same database and --as-of write the same bytes. \
            Running it again into the same folder replaces the site and removes the pages of apps \
            deleted since; a folder holding other files is refused.

            Examples:
              deploycat report html --out site
              deploycat report html --out site/payments --team payments --month 2026-10
            """
    )

    @Option(help: ArgumentHelp("The folder to write the site to (created when missing).", valueName: "dir"))
    var out: String

    @Option(help: "Only this team's apps.")
    var team: String?

    @Option(help: ArgumentHelp("The month of actual costs (default: the latest imported).", valueName: "YYYY-MM"))
    var month: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The day lifecycle dates count from (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a folder") }
    }

    func run() throws {
        // A report reads: a mistyped --db is an error, not a new empty catalog.
        let content = try database.openWorkspace(creating: false).siteContent(team: team, month: month, asOf: asOf)
        let written = try SiteWriter(folder: out).write(Site.files(content))
        let index = URL(fileURLWithPath: out).appendingPathComponent("index.html").path
        Output.line("wrote \(Formatting.count(written.files, "page")) (\(Formatting.bytes(written.bytes)); largest "
            + "\(written.largest.path), \(Formatting.bytes(written.largest.bytes))) to \(out); open \(Formatting.shellQuoted(index))")
        if written.removed > 0 {
            Output.note("removed \(Formatting.count(written.removed, "page")) of an earlier run that this one does not write")
        }
    }
}
