import Foundation

/// Collects every problem of a document so it can be reported at once; each check names the
/// field and what is allowed.
struct IssueCollector {
    private(set) var issues: [InputIssue] = []

    mutating func add(_ field: String, _ problem: String) {
        issues.append(InputIssue(field: field, problem: problem))
    }

    mutating func add(_ more: [InputIssue]) {
        issues += more
    }

    /// Throws the collected issues, if any.
    func throwIfAny() throws(InputError) {
        if !issues.isEmpty { throw InputError(issues) }
    }

    /// `true` when `value` passes `rule`; otherwise records `"value" is not <what>`.
    @discardableResult
    mutating func check(_ value: String, at field: String, _ rule: (String) -> Bool, _ what: String) -> Bool {
        if rule(value) { return true }
        add(field, "\(quoted(value)) is not \(what)")
        return false
    }

    mutating func checkRegionCode(_ value: String, at field: String, in snapshot: CatalogSnapshot? = nil) {
        guard check(value, at: field, Identifiers.isRegionCode, Identifiers.regionCodeRule) else { return }
        if let snapshot, snapshot.regions[value] == nil {
            add(field, "Region \(quoted(value)) is not in the catalog"
                + Suggestions.didYouMean(value, in: snapshot.regions.keys)
                + "; add it under \"regions\" with `deploycat catalog apply`")
        }
    }


    mutating func checkDate(_ value: String?, at field: String) {
        if let value { check(value, at: field, Identifiers.isDate, Identifiers.dateRule) }
    }

    /// Free text: not empty, at most `Identifiers.maxTextLength` characters, no control
    /// characters (a NUL, an escape sequence that would steer a terminal, a line break).
    mutating func checkText(_ value: String?, at field: String) {
        guard let value else { return }
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            add(field, "must not be empty")
        } else if value.count > Identifiers.maxTextLength {
            add(field, "is \(value.count) characters long; at most \(Identifiers.maxTextLength) are allowed")
        } else if let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            add(field, "holds the control character U+\(String(format: "%04X", control.value)); text is one line of "
                + "printable characters")
        }
    }

    /// Modalities and inference types: upper-case words such as `TEXT` or `ON_DEMAND`.
    mutating func checkWords(_ values: [String]?, at field: String) {
        for (index, value) in (values ?? []).enumerated() {
            check(value, at: "\(field)[\(index)]", Identifiers.isUpperWord,
                  "an upper-case word such as \"TEXT\" or \"ON_DEMAND\"")
        }
    }

    mutating func checkPrice(_ value: Double?, at field: String) {
        guard let value else { return }
        if !value.isFinite || value < 0 || value > 1_000 {
            add(field, "\(value) is not a price in USD per 1,000 tokens (0 to 1000)")
        }
    }

    /// Adds the snapshot's broken references (unknown Regions, models, geographies).
    mutating func checkIntegrity(of snapshot: CatalogSnapshot) {
        issues += snapshot.integrityIssues()
    }
}

func quoted(_ value: String) -> String {
    let shown = value.count > 80 ? String(value.prefix(77)) + "..." : value
    return "\"\(shown)\""
}
