import Foundation

/// Decoding problems recorded while decoding goes on, in the order they were found. Put one in
/// a decoder's `userInfo` under `DecodingProblems.key`.
public final class DecodingProblems: @unchecked Sendable {
    public static let key = CodingUserInfoKey(rawValue: "deploycat.decodingProblems")!
    private let lock = NSLock()
    private var recorded: [DecodingError] = []

    public init() {}

    static func `in`(_ decoder: any Decoder) -> DecodingProblems? {
        decoder.userInfo[key] as? DecodingProblems
    }

    func record(_ error: DecodingError) {
        lock.withLock { recorded.append(error) }
    }

    /// Puts `errors` where the problems stood when the value they belong to started to be read,
    /// so a document's unknown keys come before the problems of its fields.
    func insert(_ errors: [DecodingError], at index: Int) {
        lock.withLock { recorded.insert(contentsOf: errors, at: min(index, recorded.count)) }
    }

    /// How many problems have been recorded so far.
    public var count: Int { lock.withLock { recorded.count } }

    /// The problems recorded since `start` (a `count` taken earlier).
    public func errors(since start: Int = 0) -> [DecodingError] {
        lock.withLock { Array(recorded[min(start, recorded.count)...]) }
    }
}

extension DecodingProblems {
    /// Thrown by a type that recorded why it cannot be made; the problems say what was wrong.
    public struct Recorded: Error {}
}

extension KeyedDecodingContainer {
    /// A required field for a decoder that must know whether it was read: `nil` once its
    /// problem is recorded (the caller reads its other fields, then throws
    /// `DecodingProblems.Recorded`).
    public func required<T: Decodable>(_ type: T.Type, forKey key: Key, in decoder: any Decoder) throws -> T? {
        let session = (decoder as? StrictDecoder)?.session
        let before = session?.incomplete ?? 0
        let value = try decode(type, forKey: key)
        guard let session, session.incomplete > before else { return value }
        return nil
    }

    /// `read`'s value; or, when problems are being recorded, `nil` after recording why it
    /// failed. For a type that checks its own input (`DecodesItself`).
    func recording<T>(in decoder: any Decoder, _ read: () throws -> T?) throws -> T? {
        guard let problems = DecodingProblems.in(decoder) else { return try read() }
        do {
            return try read()
        } catch let error as DecodingError {
            problems.record(error)
            return nil
        }
    }
}

/// Marks a decoding problem as a key the type does not define: the key is extra, no field of
/// the type went unread because of it.
public struct UnknownKey: Error {}

/// Any key of a keyed container, for looking at keys a type does not define.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
