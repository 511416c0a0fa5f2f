import CatalogModel
@testable import CatalogSynthesis
import Testing

/// The VPC part adds the endpoints a pattern asks for: interface endpoints behind their own
/// security group, gateway endpoints as routes in the subnets' route tables.
@Suite struct VpcPartTests {
    static let endpoints = VpcResources.Endpoints(
        serviceName: "SageMaker", interfaces: [("SageMakerRuntimeEndpoint", "sagemaker.runtime")],
        gateways: [("S3Endpoint", "s3")])

    func build(_ add: (SynthesisContext, inout TemplateBuilder) -> VpcResources?) throws -> [String: TemplateValue] {
        let spec = try SynthesisFixtures.spec("""
            name: vpc-part
            team: platform
            pattern: application-inference-profile
            regions: [us-east-1]
            properties:
              modelSource: { crossRegion: { geography: us, model: amazon.nova-lite-v1:0 } }
            """)
        let resolution = try InvocationResolver(catalog: SynthesisFixtures.catalog)
            .resolve(modelId: "amazon.nova-lite-v1:0", region: "us-east-1", crossRegion: true)
        let context = SynthesisContext(spec: spec, region: "us-east-1", resolution: resolution, catalog: CatalogSnapshot(), apps: [:])
        var template = TemplateBuilder(description: "test")
        #expect(add(context, &template) != nil)
        return template.resources.dictionary
    }

    @Test func aNewVpcGetsARouteTableForItsGatewayEndpoints() throws {
        let resources = try build { context, template in
            VpcResources.add(deployVpc: true, vpcProps: VpcProps(maxAzs: 3), existingVpc: nil, endpoints: Self.endpoints,
                             context: context, template: &template)
        }
        let gateway = try #require(resources["S3Endpoint"]?["Properties"])
        #expect(gateway["VpcEndpointType"] == "Gateway")
        #expect(gateway["ServiceName"]?.text == "com.amazonaws.${AWS::Region}.s3")
        #expect(gateway["RouteTableIds"] == [["Ref": "IsolatedRouteTable"]])
        #expect(resources["IsolatedRouteTable"]?["Type"] == "AWS::EC2::RouteTable")
        for zone in 1...3 {
            #expect(resources["IsolatedSubnet\(zone)RouteTableAssociation"]?["Properties"]?["SubnetId"]
                == ["Ref": .string("IsolatedSubnet\(zone)")])
        }
        let interface = try #require(resources["SageMakerRuntimeEndpoint"]?["Properties"])
        #expect(interface["VpcEndpointType"] == "Interface")
        #expect(resources["EndpointSecurityGroup"]?["Properties"]?["GroupDescription"]
            == "deploycat vpc-part: SageMaker interface endpoints")
    }

    @Test func anExistingVpcRoutesThroughTheRouteTablesGiven() throws {
        let resources = try build { context, template in
            VpcResources.add(deployVpc: nil, vpcProps: nil,
                             existingVpc: ExistingVpc(vpcId: "vpc-0abc123456789def0", subnetIds: ["subnet-0abc123456789def0"],
                                                      routeTableIds: ["rtb-0abc123456789def0"]),
                             endpoints: Self.endpoints, context: context, template: &template)
        }
        #expect(resources["S3Endpoint"]?["Properties"]?["RouteTableIds"] == ["rtb-0abc123456789def0"])
        #expect(resources["S3Endpoint"]?["Properties"]?["VpcId"] == "vpc-0abc123456789def0")
        #expect(resources["IsolatedRouteTable"] == nil)
    }

    @Test func withoutGatewayEndpointsANewVpcHasNoRouteTable() throws {
        let resources = try build { context, template in
            VpcResources.add(deployVpc: true, vpcProps: nil, existingVpc: nil, endpoints: .bedrock,
                             context: context, template: &template)
        }
        #expect(resources["IsolatedRouteTable"] == nil)
        #expect(Set(resources.keys.filter { resources[$0]?["Type"] == "AWS::EC2::VPCEndpoint" })
            == ["BedrockEndpoint", "BedrockRuntimeEndpoint"])
    }

    @Test func gatewayEndpointsAloneNeedNoEndpointGroupAndLeaveThroughTheRouteTables() throws {
        let gatewaysOnly = VpcResources.Endpoints(serviceName: "S3", interfaces: [], gateways: [("S3Endpoint", "s3")])
        let resources = try build { context, template in
            VpcResources.add(deployVpc: true, vpcProps: nil, existingVpc: nil, endpoints: gatewaysOnly,
                             context: context, template: &template)
        }
        #expect(resources["EndpointSecurityGroup"] == nil)
        #expect(resources.keys.filter { $0.hasPrefix("EndpointIngress") }.isEmpty)
        let egress = resources["FunctionSecurityGroup"]?["Properties"]?["SecurityGroupEgress"]?.elements ?? []
        #expect(egress.map { $0["CidrIp"] } == ["0.0.0.0/0"])
        #expect(egress.first?["FromPort"] == 443)
    }

    @Test func withBothKindsTheFunctionReachesEach() throws {
        let resources = try build { context, template in
            VpcResources.add(deployVpc: true, vpcProps: nil, existingVpc: nil, endpoints: Self.endpoints,
                             context: context, template: &template)
        }
        let egress = resources["FunctionSecurityGroup"]?["Properties"]?["SecurityGroupEgress"]?.elements ?? []
        #expect(egress.count == 2)
        #expect(egress[0]["DestinationSecurityGroupId"] == ["Fn::GetAtt": ["EndpointSecurityGroup", "GroupId"]])
        #expect(egress[1]["CidrIp"] == "0.0.0.0/0")
    }

    /// An existing VPC with its own endpoints gets none added (a second one would fail the
    /// stack); the function's group sends HTTPS wherever the VPC's routes lead.
    @Test func anExistingVpcWithItsOwnEndpointsGetsNoneAdded() throws {
        var vpc = ExistingVpc(vpcId: "vpc-0abc1234", subnetIds: ["subnet-0abc1234"])
        vpc.addEndpoints = false
        let resources = try build { context, template in
            VpcResources.add(deployVpc: nil, vpcProps: nil, existingVpc: vpc, endpoints: Self.endpoints,
                             context: context, template: &template)
        }
        #expect(Set(resources.keys) == ["FunctionSecurityGroup"])
        let egress = resources["FunctionSecurityGroup"]?["Properties"]?["SecurityGroupEgress"]?.elements
        #expect(egress?.count == 1 && egress?.first?["CidrIp"] == "0.0.0.0/0" && egress?.first?["FromPort"] == 443)
    }
}
