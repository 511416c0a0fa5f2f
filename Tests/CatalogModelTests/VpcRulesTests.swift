@testable import CatalogModel
import Testing

/// Route tables belong to an existing VPC exactly when the pattern adds gateway endpoints.
@Suite struct VpcRulesTests {
    func issues(_ vpc: ExistingVpc, gateways: [String]) -> [String] {
        var issues = IssueCollector()
        VpcRules.check(deployVpc: nil, vpcProps: nil, existingVpc: vpc, gateways: gateways, &issues)
        return issues.issues.map(\.description)
    }

    let vpc = ExistingVpc(vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"])

    @Test func gatewayEndpointsNeedTheRouteTables() {
        #expect(issues(vpc, gateways: ["s3"]) == ["properties.existingVpc.routeTableIds: is required: the subnets' "
            + "route tables, where the gateway endpoints (s3) add their routes"])
        var named = vpc
        named.routeTableIds = ["rtb-0123456789abcdef0", "rtb-1"]
        #expect(issues(named, gateways: ["s3"]) == ["properties.existingVpc.routeTableIds[1]: \"rtb-1\" is not a "
            + "route table id such as \"rtb-0abc1234\""])
    }

    @Test func withoutGatewayEndpointsRouteTablesDoNotApply() {
        var named = vpc
        named.routeTableIds = ["rtb-0123456789abcdef0"]
        #expect(issues(named, gateways: []) == ["properties.existingVpc.routeTableIds: does not apply: this "
            + "pattern's endpoints are interface endpoints, which need no routes"])
        #expect(issues(vpc, gateways: []) == [])
    }

    /// A VPC with its own endpoints (or a NAT) takes none from deploycat, and so no route tables.
    @Test func aVpcWithItsOwnEndpointsNeedsNoRouteTables() {
        var own = vpc
        own.addEndpoints = false
        #expect(issues(own, gateways: ["s3"]) == [])
        own.routeTableIds = ["rtb-0123456789abcdef0"]
        #expect(issues(own, gateways: ["s3"]) == ["properties.existingVpc.routeTableIds: does not apply with "
            + "addEndpoints: false: deploycat adds no gateway endpoints to route"])
    }
}
