/// An IPv4 CIDR block such as `10.0.0.0/16`, limited to the sizes a VPC may have.
public struct IPv4CIDR: Hashable, Sendable {
    public var text: String
    public var prefixLength: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]), (16...24).contains(length) else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }),
              octets.compactMap({ Int($0) }).allSatisfy({ $0 <= 255 }) else { return nil }
        self.text = text
        self.prefixLength = length
    }
}
