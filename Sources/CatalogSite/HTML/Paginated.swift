/// Long lists split into pages, so that no page of a large catalog grows past what a browser
/// opens quickly (and the 2 MB a page may weigh).
struct Paginated<Item> {
    var pages: [ArraySlice<Item>]

    init(_ items: [Item], perPage: Int) {
        pages = stride(from: 0, to: max(items.count, 1), by: perPage).map { items[$0..<min($0 + perPage, items.count)] }
    }

    /// `Pages: 1 2 3`, the current one unlinked; empty for a single page.
    static func pager(pages count: Int, current: Int, from path: String, path page: (Int) -> String) -> String {
        guard count > 1 else { return "" }
        let links = (1...count).map { number in
            number == current ? "<span aria-current=\"page\"><b>\(number)</b></span>"
                : HTML.link(String(number), to: SitePage.href(page(number), from: path))
        }
        return "<nav class=\"pager\" aria-label=\"Pages\">Pages: " + links.joined(separator: " ") + "</nav>"
    }
}
