import Foundation

extension AppSpec {
    /// The spec as canonical JSON (sorted keys, no whitespace): what is stored, and what
    /// decides whether applying a spec again changes anything.
    public func canonicalJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A spec holds only strings, numbers, booleans, lists and maps: encoding cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// A spec from its stored canonical JSON, which was checked when it was applied.
    public static func fromCanonicalJSON(_ text: String) throws -> AppSpec {
        let decoder = JSONDecoder()
        decoder.userInfo[StrictDecoding.writtenByDeploycat] = true
        return try decoder.decode(AppSpec.self, from: Data(text.utf8))
    }
}
