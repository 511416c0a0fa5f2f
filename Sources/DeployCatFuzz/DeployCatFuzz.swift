import CatalogModel
import Foundation

// Coverage-guided fuzzing of the readers with libFuzzer: bytes in, model values or an error
// out, never a crash, a hang or unbounded memory. No database. scripts/fuzz.sh builds this
// (only its build declares the target) and runs it; DEPLOYCAT_FUZZ_TARGET picks the reader.
// Readers/ links the readers' own files from CatalogService.

/// libFuzzer's entry point when the program has its own `main` (its `-fsanitize=fuzzer_no_main` runtime).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// What each fuzz target reads.
enum FuzzTarget: String, CaseIterable {
    /// App specs, YAML or JSON (`apply -f`).
    case spec
    /// Catalog documents (`catalog apply -f`).
    case catalog
    /// AWS listings: list-foundation-models and list-inference-profiles output (`catalog import-*`).
    case listings
    /// Organizations tag policies (`tags policy set -f`).
    case tagPolicy = "tag-policy"
    /// Billing exports, CSV or gzip (`cost import`).
    case billing
}

@main struct DeployCatFuzz {
    nonisolated(unsafe) static var target = FuzzTarget.spec
    nonisolated(unsafe) static var scratch = ""

    static func main() {
        let name = ProcessInfo.processInfo.environment["DEPLOYCAT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data(("DEPLOYCAT_FUZZ_TARGET must be one of: "
                + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ") + "\n").utf8))
            exit(2)
        }
        self.target = target
        scratch = NSTemporaryDirectory() + "deploycat-fuzz-\(getpid()).csv"
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv) { data, size in
            let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
            DeployCatFuzz.read(bytes)
            return 0
        })
    }

    /// One input through the target's reader; errors are expected, and ignored.
    static func read(_ data: Data) {
        let reader = DocumentReader()
        let json = DocumentReader.firstNonSpace(data).map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
        switch target {
        case .spec:
            guard (try? DocumentReader.check(data, file: "spec")) != nil else { return }
            for document in (try? reader.documents(AppSpec.self, data: data, file: "spec", json: json, list: true)) ?? [] {
                _ = document.located
            }
        case .catalog:
            guard (try? DocumentReader.check(data, file: "catalog")) != nil else { return }
            for document in (try? reader.documents(CatalogDocument.self, data: data, file: "catalog", json: json,
                                                   list: false)) ?? [] {
                _ = document.located
            }
        case .listings:
            guard (try? DocumentReader.check(data, file: "listing")) != nil else { return }
            _ = try? reader.documents(FoundationModelListing.self, data: data, file: "listing", json: json, list: false)
            _ = try? reader.documents(InferenceProfileListing.self, data: data, file: "listing", json: json, list: false)
        case .tagPolicy:
            guard (try? DocumentReader.check(data, file: "policy")) != nil else { return }
            _ = try? TagPolicy.parse(json: data)
        case .billing:
            guard FileManager.default.createFile(atPath: scratch, contents: data),
                  let export = try? BillingExportReader(path: scratch, source: nil) else { return }
            while let row = try? export.next() { _ = row }
        }
    }
}
