import Foundation

/// Rejects keys a hand-written document does not define, so a typo is reported instead of
/// silently ignored. With a `DecodingProblems` in the decoder's `userInfo`, every unknown key
/// (and every bad optional field) is recorded there and decoding goes on, so one run reports
/// them all; without one, the first unknown key throws.
enum StrictKeys {

    /// The keyed container, after checking that every key in it is one of `Key`'s cases.
    static func container<Key: CodingKey & CaseIterable>(
        _ decoder: any Decoder, keyedBy: Key.Type
    ) throws -> KeyedDecodingContainer<Key> {
        try check(decoder, allowed: Key.self)
        return try decoder.container(keyedBy: Key.self)
    }

    static func check<Key: CodingKey & CaseIterable>(_ decoder: any Decoder, allowed: Key.Type) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let known = Key.allCases.map(\.stringValue)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            let error = DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath + [key],
                debugDescription: "unknown key \"\(key.stringValue)\"\(Suggestions.didYouMean(key.stringValue, in: known)); allowed: "
                    + known.joined(separator: ", "),
                underlyingError: UnknownKey()))
            guard let problems = DecodingProblems.in(decoder) else { throw error }
            problems.record(error)
        }
    }
}

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
    /// A required field. An explicit null (`~`, `null` or nothing after the colon in YAML) is a
    /// missing value, not the text "null".
    func value<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if contains(key), try decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "null where a value is required"))
        }
        return try decode(type, forKey: key)
    }

    /// A required field, or `nil` once its problem is recorded (the caller throws
    /// `DecodingProblems.Recorded` after reading its other fields).
    func required<T: Decodable>(_ type: T.Type, forKey key: Key, in decoder: any Decoder) throws -> T? {
        try recording(in: decoder) { try value(type, forKey: key) }
    }

    /// An optional field: when it holds the wrong thing and problems are being recorded, the
    /// problem is recorded and the field reads as absent, so the fields after it are still checked.
    func optional<T: Decodable>(_ type: T.Type, forKey key: Key, in decoder: any Decoder) throws -> T? {
        try recording(in: decoder) { try decodeIfPresent(type, forKey: key) }
    }

    /// `read`'s value; or, when problems are being recorded, `nil` after recording why it failed.
    func recording<T>(in decoder: any Decoder, _ read: () throws -> T?) throws -> T? {
        guard let problems = DecodingProblems.in(decoder) else { return try read() }
        do {
            return try read()
        } catch let error as DecodingError {
            problems.record(error)
            return nil
        } catch is DecodingProblems.Recorded {
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
