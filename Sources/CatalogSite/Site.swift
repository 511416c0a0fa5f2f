import CatalogModel
import CatalogService

/// The HTML report: every page of the site for `content`, in a fixed order, the same bytes for
/// the same content.
public enum Site {
    public static func files(_ content: SiteContent) -> [SiteFile] {
        let header = SiteHeader(
            name: "deploycat report" + (content.team.map { ": \($0)" } ?? ""),
            footer: "Catalog revision \(content.catalogRevision)"
                + (content.revisionDate.map { " of \(OverviewPage.day($0))" } ?? "")
                + "; lifecycle days as of \(content.asOf)"
                + (content.costs.map { "; actual costs of \($0.month)" } ?? "") + ". Written by deploycat report html.")
        var pages = [OverviewPage(content: content).page(), RoutingPage(content: content).page(),
                     ModelsPage(content: content).page(), CostsPage(content: content).page()]
        pages += AppPages(content: content).pages()
        pages += RegionPages(content: content).pages()
        return Parallel.map(pages) { $0.file(in: header) }
    }
}
