import CatalogModel
@testable import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// The queries on templates, versions and the change log read them through indexes: none scans
/// a whole table of them, on either engine, so they stay fast with a million versions
/// (benchmarks/scale.sh measures them). Each query's plan is asked of the engine itself.
@Suite struct QueryPlanTests {
    /// The tables that grow with every template version and catalog change.
    static let growingTables = ["templateversion", "templatedependency", "catalogchange"]

    @Test(arguments: Engine.available) func templateQueriesUseIndexes(engine: Engine) throws {
        let store = try engine.newCatalog()
        let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1", "us-west-2"],
                           properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties()))
        _ = try store.applySpecs([(spec, "chat.yaml")])
        let profile = "us.amazon.nova-pro-v1:0"
        _ = try store.recordTemplates([TemplateCandidate(
            app: "chat", region: "us-east-1", sha256: String(repeating: "a", count: 64), compactBody: "a",
            catalogRevision: 1, specRevision: 1,
            dependencies: TemplateDependencies(models: ["amazon.nova-pro-v1:0"], profiles: [profile], apps: ["chat"]))])
        try store.update(origin: "test") { $0.profiles[profile]?.name = "US Nova Pro (renamed)" }

        let recorder = PlanRecordingEngine(store.engine)
        let explained = try SQLCatalogRepository(engine: recorder, loadsDefaultCatalog: false)
        _ = try explained.rebuild(RebuildScope(staleOnly: true), at: Date(), dryRun: true) { _, _ in BuiltCandidates([]) }
        _ = try explained.rebuild(RebuildScope(apps: ["chat"], staleOnly: false), at: Date(), dryRun: true) { _, _ in BuiltCandidates([]) }
        _ = try explained.latestVersions()
        _ = try explained.templateVersions(app: "chat")
        _ = try explained.templatesBuilt(from: [CatalogChange(kind: .profile, key: profile, summary: "removed")])
        _ = try explained.modelUsage()
        _ = try explained.appsUsing(model: "amazon.nova-pro-v1:0")
        _ = try explained.tagUsage(key: "deploycat:team")
        _ = try explained.currentTemplates(builtFrom: .region, ref: "us-west-2", including: [.profile, .region])
        _ = try explained.currentTemplates(builtFrom: .model, ref: nil, including: [])
        _ = try explained.unsynthesizedRegions()
        try explained.forEachTemplateBody(pageSize: 10) { _ in }

        let plans = recorder.plans
        // (`changeLog` is left out: it reads the log newest first by id, `--limit` rows of it.)
        #expect(plans.count >= 15)
        for (sql, plan) in plans {
            let scans = recorder.fullScans(in: plan, of: sql).filter { Self.growingTables.contains($0) }
            #expect(scans.isEmpty, "\(engine): full scan of \(scans) in\n\(sql)\nplan:\n\(plan)")
        }
        // The current templates' dependencies lead to their versions through the index alone,
        // not through a dependency row each.
        let current = plans.filter { $0.sql.contains(SQLCatalogRepository.currentTemplateDependencies) }
        #expect(current.count >= 3)
        if engine == .sqlite {
            for (sql, plan) in current {
                #expect(plan.contains("COVERING INDEX templateDependency_current"), "\(sql)\nplan:\n\(plan)")
            }
            // What a catalog change touched is looked up by kind and ref, not by reading every
            // current dependency.
            let touched = plans.filter { $0.sql.contains("d.kind IN (") }
            #expect(touched.count >= 2)
            for (sql, plan) in touched {
                #expect(plan.contains("SEARCH d USING COVERING INDEX templateDependency_current (kind=? AND ref=?)"),
                        "\(sql)\nplan:\n\(plan)")
            }
        }
    }
}

/// An engine that, before each query, asks the engine under it for the query's plan (SQLite's
/// `EXPLAIN QUERY PLAN`; PostgreSQL's `EXPLAIN` with sequential scans discouraged, so a Seq
/// Scan means no index could serve), and keeps them.
final class PlanRecordingEngine: SQLEngine, @unchecked Sendable {
    let base: any SQLEngine
    private let lock = NSLock()
    private var recorded: [(sql: String, plan: String)] = []

    init(_ base: any SQLEngine) {
        self.base = base
    }

    var location: String { base.location }
    var dialect: SQLDialect { base.dialect }
    var plans: [(sql: String, plan: String)] { lock.withLock { recorded } }

    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try base.read { try body(Explaining(base: $0, engine: self)) }
    }

    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try base.write { try body(Explaining(base: $0, engine: self)) }
    }

    /// The tables (lowercased) the plan of `sql` reads whole, without an index.
    func fullScans(in plan: String, of sql: String) -> [String] {
        // SQLite's plans name a table by its alias (`SCAN t`): the query says which table that is.
        var tables: [String: String] = [:]
        for match in sql.matches(of: /(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/) {
            let table = String(match.1).lowercased()
            tables[table] = table
            if let alias = match.2 { tables[String(alias).lowercased()] = table }
        }
        return plan.split(separator: "\n").compactMap { line in
            switch dialect {
            case .sqlite:
                // `SCAN t` reads the table; `SCAN t USING [COVERING] INDEX i` reads an index.
                guard let match = line.firstMatch(of: /SCAN (\w+)$/) else { return nil }
                let name = String(match.1).lowercased()
                return tables[name] ?? name
            case .postgres:
                return line.firstMatch(of: /Seq Scan on (\w+)/).map { String($0.1).lowercased() }
            }
        }
    }

    fileprivate func record(_ sql: String, _ arguments: [SQLValue], _ db: any SQLTransaction) throws {
        let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.uppercased().hasPrefix("SELECT") else { return }
        let plan: [SQLRow]
        switch dialect {
        case .sqlite:
            plan = try db.rows("EXPLAIN QUERY PLAN " + trimmed, arguments)
        case .postgres:
            try db.execute("SET LOCAL enable_seqscan = off")
            plan = try db.rows("EXPLAIN " + trimmed, arguments)
        }
        let text = plan.map { row in
            row.values.compactMap { value in if case let .text(text) = value { text } else { nil } }.joined(separator: " ")
        }.joined(separator: "\n")
        lock.withLock { recorded.append((trimmed, text)) }
    }

    private struct Explaining: SQLTransaction {
        let base: any SQLTransaction
        let engine: PlanRecordingEngine
        var dialect: SQLDialect { base.dialect }

        func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            try engine.record(sql, arguments, base)
            return try base.rows(sql, arguments)
        }
    }
}
