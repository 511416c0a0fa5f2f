/// The network a created function runs in: a VPC deploycat creates (`deployVpc`, `vpcProps`)
/// or one made elsewhere (`existingVpc`), and the rules for both.
public struct VpcProps: Codable, Hashable, Sendable {
    public var cidr: String?
    public var maxAzs: Int?

    public init(cidr: String? = nil, maxAzs: Int? = nil) {
        self.cidr = cidr
        self.maxAzs = maxAzs
    }
}

/// A VPC made elsewhere, for the function and the endpoints.
public struct ExistingVpc: Codable, Hashable, Sendable {
    public var vpcId: String
    public var subnetIds: [String]
    public var securityGroupIds: [String]?
    /// The subnets' route tables, where gateway endpoints (such as S3's) add their routes; only
    /// for patterns that need one.
    public var routeTableIds: [String]?
    /// `false`: the VPC has its own endpoints (or a NAT) for the pattern's services, and a
    /// template adding them again would fail; deploycat then adds none. Default: it adds them.
    public var addEndpoints: Bool?

    public init(vpcId: String, subnetIds: [String], securityGroupIds: [String]? = nil, routeTableIds: [String]? = nil) {
        self.vpcId = vpcId
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.routeTableIds = routeTableIds
    }
}

enum VpcRules {
    /// - Parameter gateways: the services the pattern reaches through gateway endpoints (`s3`):
    ///   an existing VPC must then name its route tables.
    static func check(
        deployVpc: Bool?, vpcProps: VpcProps?, existingVpc: ExistingVpc?, gateways: [String] = [],
        _ issues: inout IssueCollector
    ) {
        let at = "properties"
        if deployVpc == true && existingVpc != nil {
            issues.add("\(at).existingVpc", "give either deployVpc: true (deploycat creates a VPC) or existingVpc, not both")
        }
        if let props = vpcProps {
            issues.conflict(deployVpc != true, "\(at).vpcProps", "applies only with deployVpc: true")
            if let cidr = props.cidr, IPv4CIDR(cidr) == nil {
                issues.add("\(at).vpcProps.cidr", "\(quoted(cidr)) is not an IPv4 CIDR block from /16 to /24, "
                    + "such as \"10.0.0.0/16\"")
            }
            if let zones = props.maxAzs, !(1...6).contains(zones) {
                issues.add("\(at).vpcProps.maxAzs", "\(zones) is outside 1 to 6")
            }
        }
        if let vpc = existingVpc {
            if !isResourceId(vpc.vpcId, prefix: "vpc-") {
                issues.add("\(at).existingVpc.vpcId", "\(quoted(vpc.vpcId)) is not a VPC id such as \"vpc-0abc1234\"")
            }
            if vpc.subnetIds.isEmpty { issues.add("\(at).existingVpc.subnetIds", "name at least one subnet") }
            for (i, subnet) in vpc.subnetIds.enumerated() where !isResourceId(subnet, prefix: "subnet-") {
                issues.add("\(at).existingVpc.subnetIds[\(i)]", "\(quoted(subnet)) is not a subnet id")
            }
            for (i, group) in (vpc.securityGroupIds ?? []).enumerated() where !isResourceId(group, prefix: "sg-") {
                issues.add("\(at).existingVpc.securityGroupIds[\(i)]", "\(quoted(group)) is not a security group id")
            }
            if vpc.addEndpoints == false {
                issues.conflict(vpc.routeTableIds != nil, "\(at).existingVpc.routeTableIds",
                                "does not apply with addEndpoints: false: deploycat adds no gateway endpoints to route")
            } else {
                checkRouteTables(vpc.routeTableIds, gateways: gateways, &issues)
            }
        }
    }

    private static func checkRouteTables(_ ids: [String]?, gateways: [String], _ issues: inout IssueCollector) {
        let at = "properties.existingVpc.routeTableIds"
        guard let ids else {
            if !gateways.isEmpty {
                issues.add(at, "is required: the subnets' route tables, where the gateway endpoints ("
                    + gateways.joined(separator: ", ") + ") add their routes")
            }
            return
        }
        if gateways.isEmpty {
            issues.add(at, "does not apply: this pattern's endpoints are interface endpoints, which need no routes")
        } else if ids.isEmpty {
            issues.add(at, "name at least one route table")
        }
        for (i, id) in ids.enumerated() where !isResourceId(id, prefix: "rtb-") {
            issues.add("\(at)[\(i)]", "\(quoted(id)) is not a route table id such as \"rtb-0abc1234\"")
        }
    }

    /// EC2 ids are the prefix and 8 (older resources) or 17 lower-case hex digits.
    private static func isResourceId(_ value: String, prefix: String) -> Bool {
        let hex = value.dropFirst(prefix.count)
        return value.hasPrefix(prefix) && [8, 17].contains(hex.count) && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
