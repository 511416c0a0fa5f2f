import CatalogModel

/// A JSON object's members, kept sorted by key with each key once.
///
/// Templates are built from many small objects and rendered in key order. A sorted list is
/// built and freed without hashing, and is rendered as it is, with no sort. Objects have a few
/// members each, so a lookup by binary search costs no more than a hash.
public struct TemplateObject: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: TemplateValue
    }

    /// Sorted by key (`String` order, which is byte order for the ASCII keys templates have).
    public private(set) var members: [Member]

    public init() { members = [] }

    /// Members in any order; when a key comes twice, the last one counts.
    public init(_ pairs: some Sequence<(String, TemplateValue)>) {
        members = pairs.map { Member(key: $0.0, value: $0.1) }
        members.sortUniquely { $0.key < $1.key }
    }

    public init(_ dictionary: [String: TemplateValue]) {
        self.init(dictionary.lazy.map { ($0.key, $0.value) })
    }

    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }
    public var values: [TemplateValue] { members.map(\.value) }

    /// The members as a dictionary, for code that looks keys up many times.
    public var dictionary: [String: TemplateValue] {
        Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) })
    }

    public subscript(key: String) -> TemplateValue? {
        get {
            let index = position(of: key)
            return index < members.count && members[index].key == key ? members[index].value : nil
        }
        set {
            let index = position(of: key)
            let found = index < members.count && members[index].key == key
            switch (found, newValue) {
            case let (true, value?): members[index].value = value
            case (true, nil): members.remove(at: index)
            case let (false, value?): members.insert(Member(key: key, value: value), at: index)
            case (false, nil): break
            }
        }
    }

    public func mapValues(_ transform: (TemplateValue) throws -> TemplateValue) rethrows -> TemplateObject {
        var mapped = self
        for index in mapped.members.indices { mapped.members[index].value = try transform(members[index].value) }
        return mapped
    }

    /// Adds `other`'s members; `other`'s member wins where both have a key.
    public mutating func merge(_ other: TemplateObject) {
        for member in other.members { self[member.key] = member.value }
    }

    /// These members with `other`'s added; `other`'s member wins where both have a key.
    public func merging(_ other: TemplateObject) -> TemplateObject {
        var merged = self
        merged.merge(other)
        return merged
    }

    /// The first index whose key is not below `key`.
    private func position(of key: String) -> Int {
        var low = 0, high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}

extension TemplateObject: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try [String: TemplateValue](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try dictionary.encode(to: encoder)
    }
}
