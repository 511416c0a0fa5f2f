import CatalogModel
internal import CatalogStore
import Foundation

/// Actual costs: importing AWS billing exports and reporting them by app, team, model or tag,
/// beside the spec-based estimates.
public struct CostService: Sendable {
    let repository: any CatalogRepository

    init(repository: any CatalogRepository) {
        self.repository = repository
    }

    // MARK: - Tag keys

    /// The tag keys the catalog knows, as it spells them (`KnownTagKeys(catalog:apps:)`). Every
    /// report takes its keys from here.
    public func knownTagKeys() throws -> KnownTagKeys {
        let (catalog, specs) = try catalogAndSpecs()
        return KnownTagKeys(catalog: catalog, apps: specs)
    }

    /// The catalog and the live apps' specs: what a report's keys and estimates come from, read once.
    private func catalogAndSpecs() throws -> (catalog: CatalogSnapshot, specs: [AppSpec]) {
        (try repository.snapshot(), try repository.apps().map(\.spec))
    }

    // MARK: - Import

    /// Imports billing exports in one transaction: every file's header is read first (a file
    /// that is missing, empty, not CSV or gzip, or of no known format stops the import before
    /// the database is touched); then rows stream in. Each row's source is `source`, or the
    /// export's format and payer account (`cur2:123456789012`; the format alone when the export
    /// has no payer column). All rows of the months the files cover, for those sources, are
    /// replaced by the files' rows; a line item read twice is kept once. A row whose cost or
    /// date cannot be read stops the import with every such row named (file and line, the first
    /// `BillingError.shownRows`), and nothing is written.
    /// - Parameter progress: called every 100,000 rows.
    public func importExports(
        paths: [String], source: String? = nil, progress: ((BillingImportProgress) -> Void)? = nil
    ) throws -> BillingImportReport {
        if let source, !Self.isSourceName(source) { throw BillingError.badSource(source) }
        let readers = try paths.map { try BillingExportReader(path: $0, source: source) }
        var files: [BillingImportReport.File] = []
        var badRows: [BillingError.BadRow] = [], badCount = 0, total = 0
        let pipeline = BillingRowPipeline(readers)
        defer { pipeline.stop() }
        let totals = try repository.importBilling { writer in
            var rows = 0
            while let chunk = try pipeline.next() {
                let reader = readers[chunk.file]
                for (line, row) in chunk.rows {
                    rows += 1
                    total += 1
                    switch row {
                    case let .success(item):
                        // After the first bad row nothing more is written: the import is refused.
                        if badCount == 0 { try writer.add(item) }
                    case let .failure(problems):
                        badCount += 1
                        if badRows.count < BillingError.shownRows {
                            badRows.append(.init(file: reader.path, line: line, problems: problems.problems))
                        }
                    }
                    if total % 100_000 == 0 { progress?(BillingImportProgress(file: reader.path, rows: total)) }
                }
                if chunk.endsFile {
                    files.append(.init(path: reader.path, format: reader.format, gzip: reader.isGzip, rows: rows))
                    rows = 0
                }
            }
            if badCount > 0 { throw BillingError.badRows(badRows, count: badCount) }
        }
        let attribution = try attribution()
        let apps = Set(try repository.apps(includingDeleted: true).map(\.name))
        var months: [BillingImportReport.Month] = []
        var unknownApps = Set<String>()
        for month in totals.months {
            let costs = try repository.billingCosts(month: month.month, sources: [month.source])
            var attributed = BillingAmount.zero, unattributed = BillingAmount.zero
            for group in costs {
                if let tag = group.appTag, !apps.contains(tag) { unknownApps.insert(tag) }
                if attribution.app(tag: group.appTag, resourceId: group.resourceId) != nil {
                    attributed += group.cost
                } else {
                    unattributed += group.cost
                }
            }
            months.append(.init(source: month.source, month: month.month, rows: month.rows, replaced: month.replaced,
                                cost: (attributed + unattributed).cents, attributed: attributed.cents,
                                unattributed: unattributed.cents))
        }
        // Each imported month's other sources that may hold the same account's costs again.
        var inMonth: [String: Set<String>] = [:]
        for month in totals.months { inMonth[month.month, default: []].insert(month.source) }
        for other in totals.otherSources { inMonth[other.month, default: []].insert(other.source) }
        var overlapping: [String: Set<String>] = [:]
        for month in totals.months {
            for other in inMonth[month.month] ?? [] where other != month.source && Self.mayOverlap(other, month.source) {
                overlapping[month.month, default: []].insert(other)
            }
        }
        let others = overlapping.mapValues { $0.sorted() }
        let stored = totals.months.reduce(0) { $0 + $1.rows }
        return BillingImportReport(
            files: files, months: months, rows: total, duplicates: max(0, total - stored),
            attributed: months.reduce(Decimal(0)) { $0 + $1.attributed },
            unattributed: months.reduce(Decimal(0)) { $0 + $1.unattributed }, otherSources: others,
            unknownApps: unknownApps.sorted())
    }

    /// Whether two sources may be exports of the same account: they name the same payer
    /// account (`cur:123456789012`, `cur2:123456789012`), or one of them names none.
    static func mayOverlap(_ a: String, _ b: String) -> Bool {
        func account(_ source: String) -> String? {
            BillingFormat.allCases.lazy.compactMap { format in
                source.hasPrefix(format.rawValue + ":") ? String(source.dropFirst(format.rawValue.count + 1)) : nil
            }.first
        }
        guard let first = account(a), let second = account(b) else { return true }
        return first == second
    }

    /// 1 to 128 letters, digits and `-_.:/@`.
    static func isSourceName(_ name: String) -> Bool {
        (1...128).contains(name.count) && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.:/@".contains($0) }
    }

    // MARK: - Reports

    /// Actual cost of `month` (else the latest month imported) by `grouping`, with each group's
    /// estimate beside it, and what belongs to no group.
    public func report(by grouping: CostGrouping, month: String? = nil) throws -> CostReport {
        try reports().report(by: grouping, month: month)
    }

    /// What reports are made from, read once: the catalog, the live apps' specs and, at the
    /// first report, the attribution; each month's billing groups read at its first report.
    /// For several reports at once (the HTML report's costs page): each is what
    /// `report(by:month:)` gives.
    public func reports() throws -> Reports {
        let (catalog, specs) = try catalogAndSpecs()
        return reports(catalog: catalog, specs: specs)
    }

    /// `reports()` from the catalog and the live apps' specs read already, and every app's
    /// (deleted ones too) for the attribution when read already.
    func reports(catalog: CatalogSnapshot, specs: [AppSpec], everySpec: [AppSpec]? = nil) -> Reports {
        Reports(service: self, catalog: catalog, known: KnownTagKeys(catalog: catalog, apps: specs),
                estimates: Self.estimates(specs, catalog: catalog), everySpec: everySpec)
    }

    /// Reports over one read of the catalog, the apps and the attribution (`reports()`).
    public final class Reports {
        let service: CostService
        let catalog: CatalogSnapshot
        let known: KnownTagKeys
        let estimates: Estimates
        /// Every app's spec, deleted ones too, when read already.
        let everySpec: [AppSpec]?
        private var attribution: BillingAttribution?
        private var costsByMonth: [String: [AttributedCost]] = [:]

        init(service: CostService, catalog: CatalogSnapshot, known: KnownTagKeys, estimates: Estimates, everySpec: [AppSpec]?) {
            self.service = service
            self.catalog = catalog
            self.known = known
            self.estimates = estimates
            self.everySpec = everySpec
        }

        /// The attributed costs of `month` (`CostService.monthsCosts`), read once.
        private func monthsCosts(_ month: String) throws -> [AttributedCost] {
            if let costs = costsByMonth[month] { return costs }
            let found = try attribution ?? service.attribution(everySpec: everySpec)
            attribution = found
            let costs = try service.monthsCosts(month, attribution: found)
            costsByMonth[month] = costs
            return costs
        }

        /// `CostService.report(by:month:)`.
        public func report(by grouping: CostGrouping, month: String? = nil) throws -> CostReport {
            try service.report(by: grouping, month: month, catalog: catalog, known: known, estimates: estimates,
                               costs: monthsCosts)
        }
    }

    private func report(
        by grouping: CostGrouping, month: String?, catalog: CatalogSnapshot, known: KnownTagKeys, estimates: Estimates,
        costs monthsCosts: (String) throws -> [AttributedCost]
    ) throws -> CostReport {
        let tagKey = try storedKey(grouping, known: known)
        let (month, latest) = try chooseMonth(month)
        let costs = try monthsCosts(month)
        var actual: [RowKey: BillingAmount] = [:]
        var unattributed = BillingAmount.zero, other: BillingAmount?, total = BillingAmount.zero, lineItems = 0
        var modelNames: [String: String] = [:]
        for cost in costs {
            total += cost.group.cost
            lineItems += cost.group.rows
            switch grouping {
            case .app:
                guard let app = cost.app else { unattributed += cost.group.cost; continue }
                actual[RowKey(value: app), default: .zero] += cost.group.cost
            case .team:
                guard let team = cost.group.tags[Self.teamKey] ?? cost.app.flatMap({ estimates.teams[$0] }) else {
                    unattributed += cost.group.cost
                    continue
                }
                actual[RowKey(value: team), default: .zero] += cost.group.cost
            case .model:
                guard cost.group.productCode == "AmazonBedrock" || cost.group.productCode == "Amazon Bedrock",
                      let text = BedrockUsageType.modelText(cost.group.usageType) else {
                    other = (other ?? .zero) + cost.group.cost
                    continue
                }
                let model = modelNames[text] ?? {
                    let found = BedrockUsageType.catalogModel(for: text, in: Array(catalog.models.values)) ?? text
                    modelNames[text] = found
                    return found
                }()
                if cost.app == nil { unattributed += cost.group.cost }
                actual[RowKey(value: model, app: cost.app ?? Self.unattributedLabel), default: .zero] += cost.group.cost
            case .tag:
                let key = tagKey ?? ""
                guard let value = cost.group.tags[key] ?? cost.app.flatMap({ estimates.tags[$0]?[key] }) else {
                    if cost.app == nil {
                        unattributed += cost.group.cost
                    } else {
                        actual[RowKey(value: Self.noValueLabel), default: .zero] += cost.group.cost
                    }
                    continue
                }
                actual[RowKey(value: value), default: .zero] += cost.group.cost
            }
        }
        // Rows and the rest (unattributed, or by model other services) add up to the total to the cent.
        let keys = actual.keys.sorted { ($0.value, $0.app ?? "") < ($1.value, $1.app ?? "") }
        let rest = grouping == .model ? (other ?? .zero) : unattributed
        let cents = BillingAmount.apportionedCents(keys.map { actual[$0]! } + [rest])
        let rows = zip(keys, cents).map { key, cents in
            CostReport.Row(value: key.value, app: key.app, actual: cents,
                           estimate: Self.estimate(for: key, grouping: grouping, tagKey: tagKey, estimates))
        }
        let by: String = switch grouping {
        case .app: "app"
        case .team: "team"
        case .model: "model"
        case .tag: known.display(tagKey ?? "")
        }
        return CostReport(month: month, latestMonth: latest, by: by, rows: rows,
                          unattributed: grouping == .model ? unattributed.cents : cents[cents.count - 1],
                          otherServices: grouping == .model ? cents[cents.count - 1] : nil, total: total.cents,
                          lineItems: lineItems)
    }

    /// Actual cost of `month` (else the latest month imported) per value of the tag `key` (any
    /// spelling of a known key), and per app under each value. A row's value is its own tag's;
    /// a row without the tag whose app is known takes the value the app's spec gives the key.
    public func actualCostsByTag(key: String, month: String? = nil) throws -> TagCostReport {
        let (catalog, specs) = try catalogAndSpecs()
        let known = KnownTagKeys(catalog: catalog, apps: specs)
        guard let stored = known.stored(key) else { throw BillingError.unknownKey(key, known: known.all) }
        let (month, latest) = try chooseMonth(month)
        let estimates = Self.estimates(specs, catalog: catalog)
        var byValue: [String: (apps: [String: BillingAmount], none: BillingAmount)] = [:]
        var untagged = BillingAmount.zero, total = BillingAmount.zero
        for cost in try monthsCosts(month) {
            total += cost.group.cost
            guard let value = cost.group.tags[stored] ?? cost.app.flatMap({ estimates.tags[$0]?[stored] }) else {
                untagged += cost.group.cost
                continue
            }
            if let app = cost.app {
                byValue[value, default: ([:], .zero)].apps[app, default: .zero] += cost.group.cost
            } else {
                byValue[value, default: ([:], .zero)].none += cost.group.cost
            }
        }
        // Values and the untagged rest add up to the total, and each value's apps to the value, to the cent.
        let keys = byValue.keys.sorted()
        let cents = BillingAmount.apportionedCents(keys.map { byValue[$0]!.apps.values.reduce(byValue[$0]!.none, +) } + [untagged])
        let values = zip(keys, cents).map { value, valueCents in
            let costs = byValue[value]!
            let apps = costs.apps.sorted { $0.key < $1.key }
            let parts = BillingAmount.apportionedCents(apps.map(\.value) + [costs.none], total: valueCents)
            return TagCostReport.Value(
                value: value, actual: valueCents,
                apps: zip(apps, parts).map { TagCostReport.AppCost(app: $0.0.key, actual: $0.1) },
                unattributed: parts[parts.count - 1])
        }
        return TagCostReport(month: month, latestMonth: latest, key: known.display(stored), values: values,
                             untagged: cents[cents.count - 1], total: total.cents)
    }

    /// `report` (grouped by one key) with the actual cost of `month` (else the latest imported)
    /// beside each value's and each app's estimate. Values only billing rows carry (an app gone,
    /// a resource deploycat did not make) get rows of their own.
    public func addingActualCosts(to report: TagReport, month: String? = nil) throws -> TagReport {
        guard let key = report.key else { throw BillingError.actualNeedsKey }
        let actual = try actualCostsByTag(key: key, month: month)
        var report = report
        report.month = actual.month
        report.latestMonth = actual.latestMonth
        report.actualWithoutValue = actual.untagged
        report.actualTotal = actual.total
        let byValue = Dictionary(actual.values.map { ($0.value, $0) }) { a, _ in a }
        for index in report.rows.indices {
            guard let value = report.rows[index].value else { continue }
            let found = byValue[value]
            report.rows[index].actual = found?.actual ?? 0
            let apps = Dictionary((found?.apps ?? []).map { ($0.app, $0.actual) }) { a, _ in a }
            for app in report.rows[index].appCosts.indices {
                report.rows[index].appCosts[app].actual = apps[report.rows[index].appCosts[app].app] ?? 0
            }
        }
        let shown = Set(report.rows.compactMap(\.value))
        for value in actual.values where !shown.contains(value.value) {
            report.rows.append(TagReport.Row(
                key: key, value: value.value, apps: [], teams: [], patterns: [], models: [], regions: [],
                inferenceProfiles: [], estimatedMonthly: nil, unestimatedApps: [], actual: value.actual,
                appCosts: value.apps.map { TagReport.AppCost(app: $0.app, estimatedMonthly: nil, actual: $0.actual) }))
        }
        report.rows.sort { ($0.value ?? "\u{10FFFF}") < ($1.value ?? "\u{10FFFF}") }
        return report
    }

    // MARK: - Parts

    static let teamKey = BillingTagKey.canonical(catalogKey: BillingTagKey.team)
    /// By model: the app column of Bedrock usage that belongs to no app.
    public static let unattributedLabel = "(unattributed)"
    /// By tag: attributed cost whose app has no value for the key.
    public static let noValueLabel = "(none)"

    private struct RowKey: Hashable {
        var value: String
        var app: String?
    }

    /// A group of billing rows and the app it belongs to.
    struct AttributedCost {
        var group: BillingCostGroup
        var app: String?
        var method: BillingAttribution.Method?
    }

    /// Attribution from every app (deleted ones too) and the resources learned from tagged rows.
    func attribution(everySpec: [AppSpec]? = nil) throws -> BillingAttribution {
        BillingAttribution(apps: try everySpec ?? repository.apps(includingDeleted: true).map(\.spec),
                           learned: try repository.billingResources())
    }

    func attributedCosts(month: String, attribution: BillingAttribution) throws -> [AttributedCost] {
        try repository.billingCosts(month: month, sources: nil).map { group in
            let found = attribution.app(tag: group.appTag, resourceId: group.resourceId)
            return AttributedCost(group: group, app: found?.app, method: found?.method)
        }
    }

    /// `month` checked, or the latest month imported; and whether it is that.
    /// The attributed costs of `month`; throws when it holds none, naming the latest month imported.
    private func monthsCosts(_ month: String, attribution: BillingAttribution? = nil) throws -> [AttributedCost] {
        let costs = try attributedCosts(month: month, attribution: attribution ?? self.attribution())
        if costs.isEmpty, let latest = try repository.latestBillingMonth() {
            throw BillingError.noCostsInMonth(month, latest: latest)
        }
        return costs
    }

    private func chooseMonth(_ month: String?) throws -> (String, Bool) {
        if let month, !BillingTimestamp.isMonth(month) { throw BillingError.badMonth(month) }
        guard let latest = try repository.latestBillingMonth() else { throw BillingError.noCosts }
        return (month ?? latest, month == nil)
    }

    /// The stored form of a tag grouping's key; throws when the catalog knows no such key.
    private func storedKey(_ grouping: CostGrouping, known: KnownTagKeys) throws -> String? {
        guard case let .tag(key) = grouping else { return nil }
        guard let stored = known.stored(key) else { throw BillingError.unknownKey(key, known: known.all) }
        return stored
    }

    /// What live apps' specs say: each app's monthly estimate (where it has one), team, model,
    /// and tags in the stored form.
    struct Estimates {
        var apps: [String: Decimal] = [:]
        var models: [String: String] = [:]
        var teams: [String: String] = [:]
        var tags: [String: [String: String]] = [:]
    }

    private static func estimates(_ specs: [AppSpec], catalog: CatalogSnapshot) -> Estimates {
        // Each app's on its own, ten thousand apps and more in a large catalog: over all cores.
        let each = Parallel.map(specs) { spec in
            // The tags of what Bedrock bills: the profile's, when it has tags of its own.
            let tags = catalog.effectiveTags(of: spec, adding: spec.profileTags).values
            return (tags: Dictionary(tags.map { (BillingTagKey.canonical(catalogKey: $0.key), $0.value) }) { a, _ in a },
                    estimate: CostEstimate.of(spec, in: catalog))
        }
        var found = Estimates()
        for (spec, (tags, estimate)) in zip(specs, each) {
            found.teams[spec.name] = spec.team
            found.tags[spec.name] = tags
            // Apps without a model or usage have no estimate: their cost is not a catalog price.
            if let estimate, let total = estimate.monthlyTotal {
                found.apps[spec.name] = total
                found.models[spec.name] = estimate.model
            }
        }
        return found
    }

    /// The estimate beside a row: the app's, or the sum over the team's or value's apps (for
    /// `(none)`, those without the key); for a model row, the app's when its spec calls that model.
    private static func estimate(for key: RowKey, grouping: CostGrouping, tagKey: String?, _ estimates: Estimates) -> Decimal? {
        func sum(_ apps: [String]) -> Decimal? {
            let known = apps.compactMap { estimates.apps[$0] }
            return known.isEmpty ? nil : known.reduce(0, +)
        }
        switch grouping {
        case .app: return estimates.apps[key.value]
        case .team: return sum(estimates.teams.filter { $0.value == key.value }.map(\.key))
        case .model:
            guard let app = key.app, estimates.models[app] == key.value else { return nil }
            return estimates.apps[app]
        case .tag:
            guard let tagKey else { return nil }
            // `(none)`: the apps without the key.
            let value = key.value == Self.noValueLabel ? nil : key.value
            return sum(estimates.tags.filter { $0.value[tagKey] == value }.map(\.key))
        }
    }
}
