import CatalogModel
#if !DEPLOYCAT_FUZZ
// The fuzz build (scripts/fuzz.sh) compiles this file without swift-crypto: it brings a stand-in.
import Crypto
#endif
import Foundation

/// Reads one billing export file: its header says the format (`BillingFormat.detect`), then
/// each row becomes a `BillingLineItem`, or the problems that keep it from being one.
final class BillingExportReader {
    let path: String
    let format: BillingFormat
    let columns: BillingColumns
    let isGzip: Bool
    private let records: CSVRecordReader
    private let headerCount: Int
    private let source: String?
    /// Tag map text -> tags: exports repeat the same few tag sets on millions of rows.
    private var tagCache: [String: [String: String]?] = [:]

    /// Opens the file and reads its header; throws `BillingError` when the file cannot be read,
    /// is empty, is not CSV or gzip, or has a header of no known format.
    /// - Parameter source: the `--source` name; by default each row's is the format's name and,
    ///   when the export has one, its payer account (`cur2:123456789012`).
    init(path: String, source: String?) throws {
        self.path = path
        self.source = source
        let bytes = try ExportBytes(path: path)
        isGzip = bytes.isGzip
        let records = CSVRecordReader(bytes)
        self.records = records
        do {
            guard try records.next() else { throw BillingError.emptyFile(file: path) }
        } catch let error as BillingError {
            throw error
        } catch {
            throw BillingError.cannotRead(file: path, reason: "\(error)")
        }
        if records.fieldBytes.contains(0) || String(validating: records.fieldBytes, as: UTF8.self) == nil {
            throw BillingError.notAnExport(file: path, reason: "its first line is not text")
        }
        let header = (0..<records.fieldCount).map { records.field($0).trimmingCharacters(in: .whitespaces) }
        guard let (format, columns) = BillingFormat.detect(header: header) else {
            if header.count < 2 {
                throw BillingError.notAnExport(file: path, reason: "its first line is not a header of comma-separated column names")
            }
            throw BillingError.unknownHeader(file: path, missing: Dictionary(uniqueKeysWithValues: BillingFormat.allCases.map {
                ($0, $0.missingColumns(in: header))
            }))
        }
        self.format = format
        self.columns = columns
        headerCount = header.count
    }

    /// The line the last row read starts on.
    var line: Int { records.line }

    /// The next row, or `nil` at the end of the file.
    func next() throws -> Result<BillingLineItem, BadRowProblems>? {
        guard try records.next() else { return nil }
        var problems: [BillingRowProblem] = []
        // A short row (a cut-off last line) lacks columns; a long one has data past the header.
        if records.fieldCount != headerCount {
            return .failure(BadRowProblems(problems: [.missingColumns(expected: headerCount, found: records.fieldCount)]))
        }
        let costText = records.field(columns.cost)
        let cost = BillingAmount(parsing: costText)
        if cost == nil { problems.append(.badCost(column: columnName(columns.cost), value: costText)) }
        let startText = records.field(columns.usageStart)
        let start = BillingTimestamp.parse(startText)
        if start == nil { problems.append(.badDate(column: columnName(columns.usageStart), value: startText)) }
        var tags: [String: String] = [:]
        for (index, key) in columns.tagColumns where !records.isEmpty(index) {
            tags[key] = records.field(index)
        }
        if let index = columns.tagMap, !records.isEmpty(index) {
            let text = records.field(index)
            if let map = tagMap(text) {
                for (key, value) in map { tags[key] = value }
            } else {
                problems.append(.badTags(column: columnName(index), value: text))
            }
        }
        guard problems.isEmpty, let cost, let start else { return .failure(BadRowProblems(problems: problems)) }
        let payer = columns.payerAccount.map { records.field($0) } ?? ""
        let source = self.source ?? (payer.isEmpty ? format.rawValue : "\(format.rawValue):\(payer)")
        let key = columns.lineItemId.map { records.field($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? rowHash()
        return .success(BillingLineItem(
            source: source, month: start.month, key: key, usageStart: start.utc,
            productCode: records.field(columns.productCode), usageType: columns.usageType.map { records.field($0) } ?? "",
            resourceId: records.field(columns.resourceId), tags: tags, cost: cost))
    }

    /// What is wrong with a row.
    struct BadRowProblems: Error {
        var problems: [BillingRowProblem]
    }

    private func columnName(_ index: Int) -> String {
        switch index {
        case columns.cost: format.requiredColumns[format == .focus ? 0 : 2]
        case columns.usageStart: format.requiredColumns[format == .focus ? 1 : 3]
        case columns.tagMap: format == .focus ? "Tags" : "resource_tags"
        default: "column \(index + 1)"
        }
    }

    /// A JSON object of tags, keys in the stored form, empty values left out; `nil` when the
    /// text is not one. Non-text values (numbers) are kept as their JSON text.
    private func tagMap(_ text: String) -> [String: String]? {
        if text == "{}" || text == "[]" { return [:] }
        if let cached = tagCache[text] { return cached }
        var found: [String: String]?
        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            var tags: [String: String] = [:]
            for (key, value) in object {
                let text: String
                switch value {
                case let string as String: text = string
                case is NSNull: continue
                case let number as NSNumber: text = number.stringValue
                default: continue
                }
                if !text.isEmpty { tags[BillingTagKey.canonical(exportKey: key)] = text }
            }
            found = tags
        }
        if tagCache.count > 4096 { tagCache.removeAll(keepingCapacity: true) }
        tagCache[text] = found
        return found
    }

    /// `sha256:` and 128 bits of a hash of the row's fields: the key of a row in an export
    /// without line item ids. Rows equal in every column are one row.
    private func rowHash() -> String {
        var hasher = SHA256()
        records.fieldBytes.withUnsafeBufferPointer { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        records.fieldEnds.withUnsafeBufferPointer { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return "sha256:" + Hex.encode(hasher.finalize().prefix(16))
    }
}
