import Foundation

/// A hand-written document (an app spec, a catalog document): read strictly whatever decoder
/// reads it, so a key its type does not define is an error, and with a `DecodingProblems` in
/// the decoder's `userInfo` every problem is recorded in one run. Its `init(from:)` starts
/// with `if let value = try Self.strictly(decoder) { self = value; return }`; its nested
/// types need nothing: their compiler-generated conformances are read through the strict decoder.
public protocol StrictDecodable: Decodable {}

extension StrictDecodable {
    /// The value read strictly, when `decoder` is not strict yet; `nil` when it is, or when it
    /// reads text deploycat wrote itself (`StrictDecoding.writtenByDeploycat`).
    public static func strictly(_ decoder: any Decoder) throws -> Self? {
        if decoder is StrictDecoder || decoder.userInfo[StrictDecoding.writtenByDeploycat] as? Bool == true { return nil }
        return try StrictDecoding.decode(Self.self, from: decoder)
    }
}

/// A type whose keys are data, not fields (such as tag keys): it is handed the underlying
/// decoder and checks its own input.
public protocol DecodesItself: Decodable {}

/// A type that refuses some keys with its own explanation instead of "unknown key".
public protocol RefusesKeys {
    /// Key -> why it may not be given.
    static var refusedKeys: [String: String] { get }
}

/// Decoding with compiler-generated conformances, made strict by the decoder instead of by
/// hand-written `init(from:)`:
/// - a key in the input that the type's `CodingKeys` do not define is reported, naming the
///   closest key the type asked for and every key it allows;
/// - an explicit null (`~`, `null`, nothing after the colon) in a required field, or as a map's
///   value, is a missing value, not the text "~";
/// - when problems are recorded, a bad optional field reads as absent, a bad required field is
///   recorded and decoding goes on with a stand-in value, so the fields after it are still
///   checked; a value with a stand-in in it is never returned: the nearest optional field
///   holding it reads as absent, and at the top `DecodingProblems.Recorded` is thrown. Unknown
///   keys are placed before the problems of their value's fields;
/// - without a `DecodingProblems`, the first problem is thrown: a field's problem as it is
///   found, unknown keys once the value has been read.
public enum StrictDecoding {
    /// Set to `true` in the `userInfo` of a decoder reading what deploycat itself wrote from a
    /// checked value (a stored spec's canonical JSON): it is read with the plain conformances,
    /// several times faster, since the checks were made when the value was first read.
    public static let writtenByDeploycat = CodingUserInfoKey(rawValue: "deploycat.writtenByDeploycat")!

    public static func decode<T: Decodable>(_ type: T.Type, from decoder: any Decoder) throws -> T {
        let session = DecodingSession(problems: DecodingProblems.in(decoder))
        do {
            let value = try session.decodeValue(type, from: decoder)
            if session.incomplete > 0 { throw DecodingProblems.Recorded() }
            return value
        } catch is StandInUnavailable {
            throw DecodingProblems.Recorded()
        }
    }
}

/// The state of one strict decoding: where problems go and how many required values failed.
final class DecodingSession {
    let problems: DecodingProblems?
    /// Required values that failed and were replaced by stand-ins, not yet absorbed by an
    /// enclosing optional field.
    var incomplete = 0

    init(problems: DecodingProblems?) {
        self.problems = problems
    }

    func decodeValue<T: Decodable>(_ type: T.Type, from base: any Decoder) throws -> T {
        if Scalar.isScalar(type) || T.self is any DecodesItself.Type { return try T(from: base) }
        let decoder = StrictDecoder(base: base, session: self,
                                    refused: (T.self as? any RefusesKeys.Type)?.refusedKeys ?? [:])
        do {
            let value = try T(from: decoder)
            try decoder.reportUnknownKeys()
            return value
        } catch {
            // A value that could not be made still has its unknown keys reported.
            if problems != nil { try decoder.reportUnknownKeys() }
            throw error
        }
    }

    /// Records `error`, or throws it when problems are not being recorded.
    func record(_ error: DecodingError) throws {
        guard let problems else { throw error }
        problems.record(error)
    }

    /// A required value: on failure, the problem is recorded and a stand-in returned.
    func required<T>(_ type: T.Type, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as DecodingError {
            try record(error)
        } catch is DecodingProblems.Recorded where problems != nil {}
        incomplete += 1
        return try StandIn.value(of: type)
    }

    /// An optional value: absent when it failed, or when a required value inside it did.
    func optional<T>(_ read: () throws -> T?) throws -> T? {
        let before = incomplete
        do {
            let value = try read()
            if incomplete > before {
                incomplete = before
                return nil
            }
            return value
        } catch let error as DecodingError {
            try record(error)
        } catch is DecodingProblems.Recorded where problems != nil {
        } catch is StandInUnavailable where problems != nil {}
        incomplete = before
        return nil
    }
}

/// Wraps a decoder so that the containers it hands out are strict.
final class StrictDecoder: Decoder {
    let base: any Decoder
    let session: DecodingSession
    let refused: [String: String]
    /// Keys in the input that no container's key type defines.
    private var unknownKeys: Set<String> = []
    /// Keys the type asked for, in the order it asked: the keys it allows.
    private(set) var askedKeys: [String] = []
    /// How many problems were recorded when the first container was made: where the unknown
    /// keys are reported, before the problems of the fields.
    private var firstProblem: Int?
    /// Decoders of nested containers the type opened itself (an enum with associated values
    /// does): their keys are checked when the type is done, with this decoder's.
    private var nested: [StrictDecoder] = []

    init(base: any Decoder, session: DecodingSession, refused: [String: String]) {
        self.base = base
        self.session = session
        self.refused = refused
    }

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let present = try base.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        if firstProblem == nil { firstProblem = session.problems?.count }
        unknownKeys.formUnion(present.filter { Key(stringValue: $0) == nil })
        return KeyedDecodingContainer(StrictKeyedContainer(
            base: try base.container(keyedBy: type), decoder: self, present: Set(present)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        StrictUnkeyedContainer(base: try base.unkeyedContainer(), decoder: self)
    }

    /// A strict decoder for a value inside this one, checked when this one is.
    func nestedDecoder(_ base: any Decoder) -> StrictDecoder {
        let decoder = StrictDecoder(base: base, session: session, refused: [:])
        nested.append(decoder)
        return decoder
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        try base.singleValueContainer()
    }

    func asked(_ key: String) {
        if !askedKeys.contains(key) { askedKeys.append(key) }
    }

    /// Reports each key of the input the type does not define, in key order, before the
    /// problems of the type's fields.
    func reportUnknownKeys() throws {
        for decoder in nested { try decoder.reportUnknownKeys() }
        let errors = unknownKeys.sorted().map { key in
            let problem = refused[key] ?? "unknown key \"\(key)\"\(Suggestions.didYouMean(key, in: askedKeys)); "
                + "allowed: " + askedKeys.joined(separator: ", ")
            return DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [AnyKey(stringValue: key)], debugDescription: problem,
                underlyingError: UnknownKey()))
        }
        guard let first = errors.first else { return }
        guard let problems = session.problems else { throw first }
        problems.insert(errors, at: firstProblem ?? problems.count)
    }
}

/// Looks each field up once (a YAML mapping lookup compares keys one by one): its presence
/// in the keys read when the container was made, then its value's decoder.
private struct StrictKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let base: KeyedDecodingContainer<Key>
    let decoder: StrictDecoder
    /// The keys in the input.
    let present: Set<String>
    var session: DecodingSession { decoder.session }

    var codingPath: [any CodingKey] { base.codingPath }
    var allKeys: [Key] { base.allKeys }
    /// Asking whether a key is there makes it one of the type's keys.
    func contains(_ key: Key) -> Bool {
        decoder.asked(key.stringValue)
        return present.contains(key.stringValue)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        decoder.asked(key.stringValue)
        return try base.decodeNil(forKey: key)
    }

    /// A required field; an explicit null is a missing value, not the text "null".
    private func required<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        decoder.asked(key.stringValue)
        return try session.required(type) {
            // A missing key: the underlying decoder's own error.
            guard present.contains(key.stringValue) else { return try base.decode(type, forKey: key) }
            let value = try base.superDecoder(forKey: key)
            if try value.singleValueContainer().decodeNil() {
                throw DecodingError.valueNotFound(type, DecodingError.Context(
                    codingPath: codingPath + [key], debugDescription: "null where a value is required"))
            }
            return try session.decodeValue(type, from: value)
        }
    }

    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        decoder.asked(key.stringValue)
        return try session.optional {
            guard present.contains(key.stringValue) else { return nil }
            let value = try base.superDecoder(forKey: key)
            if try value.singleValueContainer().decodeNil() { return nil }
            return try session.decodeValue(type, from: value)
        }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try required(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try required(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try required(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try required(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try required(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try required(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try required(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try required(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try required(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try required(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try required(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try required(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try required(type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try required(type, key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optional(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optional(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try superDecoder(forKey: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try superDecoder(forKey: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder.nestedDecoder(try base.superDecoder()) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.asked(key.stringValue)
        return decoder.nestedDecoder(try base.superDecoder(forKey: key))
    }
}

/// A list's items are read strictly too; an item that fails is recorded by the field holding
/// the list (a list with a bad item reads as absent, as any bad optional field).
private struct StrictUnkeyedContainer: UnkeyedDecodingContainer {
    var base: any UnkeyedDecodingContainer
    let decoder: StrictDecoder
    var session: DecodingSession { decoder.session }

    var codingPath: [any CodingKey] { base.codingPath }
    var count: Int? { base.count }
    var isAtEnd: Bool { base.isAtEnd }
    var currentIndex: Int { base.currentIndex }

    mutating func decodeNil() throws -> Bool { try base.decodeNil() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if Scalar.isScalar(type) { return try base.decode(type) }
        return try session.decodeValue(type, from: try base.superDecoder())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try superDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try superDecoder().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { decoder.nestedDecoder(try base.superDecoder()) }
}

/// Values read straight from the underlying decoder: they have no keys to check.
private enum Scalar {
    static func isScalar<T>(_ type: T.Type) -> Bool {
        type == String.self || type == Bool.self || type == Int.self || type == Double.self || type == Float.self
            || type == Int8.self || type == Int16.self || type == Int32.self || type == Int64.self || type == UInt.self
            || type == UInt8.self || type == UInt16.self || type == UInt32.self || type == UInt64.self
    }
}

