import CatalogModel
import CatalogService
import Foundation

/// `models.html`: each model live apps call, with its apps, patterns, Regions, lifecycle and price.
struct ModelsPage {
    var content: SiteContent

    func page() -> SitePage {
        let path = SiteSection.models.path
        let users = Dictionary(grouping: content.apps.filter { $0.model != nil }, by: { $0.model ?? "" })
        let calling = users.values.reduce(0) { $0 + $1.count }
        var body = "<p>\(HTML.count(users.count, "model")) in use by \(HTML.count(calling, "app"))"
            + (calling < content.apps.count ? " (of \(HTML.grouped(content.apps.count)); the others call no catalog model)" : "") + ". "
            + "Lifecycle days count from \(content.asOf). Prices are USD per 1,000 tokens, on demand.</p>"
        if users.isEmpty { body += "<p class=\"muted\">No live app calls a catalog model.</p>" }
        body += HTML.table(head: ["Model", "Apps", "Lifecycle", "Input", "Output"], rows: users.keys.sorted().map { id in
            let model = content.catalog.models[id]
            return [HTML.link(id, to: "#\(SitePaths.anchor(id))"), HTML.grouped(users[id]?.count ?? 0),
                    model.map { LifecycleBadge(model: $0, asOf: content.asOf).html() }
                        ?? (content.catalog.sagemakerModels[id] != nil ? "SageMaker model" : "not in the catalog"),
                    Self.price(model?.price?.inputPer1k), Self.price(model?.price?.outputPer1k)]
        }, numeric: [1, 3, 4])
        for id in users.keys.sorted() {
            body += section(id, apps: users[id] ?? [], from: path)
        }
        return SitePage(path: path, title: "Models in use", section: .models, body: body)
    }

    private func section(_ id: String, apps: [SiteContent.App], from path: String) -> String {
        let model = content.catalog.models[id]
        var html = "<h2 id=\"\(SitePaths.anchor(id))\">\(HTML.escape(id))</h2>"
        var facts: [(name: String, value: String)] = []
        if let model {
            facts.append(("Provider", HTML.escape(model.provider) + (model.name.map { " · " + HTML.escape($0) } ?? "")))
            facts.append(("Lifecycle", LifecycleBadge(model: model, asOf: content.asOf).html()))
            facts.append(("Price per 1,000 tokens", "input \(Self.price(model.price?.inputPer1k)), output \(Self.price(model.price?.outputPer1k))"
                + (model.price?.hasBatchPrice == true
                    ? "; batch input \(Self.price(model.price?.batchInputPer1k)), output \(Self.price(model.price?.batchOutputPer1k))" : "")))
        } else if let sagemaker = content.catalog.sagemakerModels[id] {
            facts.append(("SageMaker model", HTML.escape(sagemaker.name)))
        }
        facts.append(("Patterns", Set(apps.map(\.spec.pattern.rawValue)).sorted().map(HTML.code).joined(separator: ", ")))
        facts.append(("Teams", Set(apps.map(\.spec.team)).sorted().map(HTML.escape).joined(separator: ", ")))
        facts.append(("Deployed in", Set(apps.flatMap(\.spec.regions)).sorted().map(HTML.escape).joined(separator: ", ")))
        facts.append(("Served in", Set(apps.flatMap { $0.routes.flatMap(\.toRegions) }).sorted().map(HTML.escape).joined(separator: ", ")))
        html += HTML.facts(facts)
        let links = apps.map { HTML.link($0.name, to: SitePage.href(SitePaths.app($0.name), from: path)) }
        html += "<details><summary>\(HTML.count(apps.count, "app"))</summary><p>" + links.joined(separator: ", ") + "</p></details>"
        return html
    }

    /// `$0.003`; `-` where no source states a price.
    static func price(_ value: Double?) -> String {
        value.map { "$" + ModelPrice.text($0) } ?? "-"
    }
}
