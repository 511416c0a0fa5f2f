import CatalogModel

/// The network a function runs in: a new VPC with one isolated subnet per Availability Zone,
/// or an existing one; either way with interface endpoints for `bedrock` and
/// `bedrock-runtime`, so calls to Bedrock never leave the VPC.
struct VpcResources {
    static let defaultCidr = "10.0.0.0/16"
    static let defaultZones = 2
    static let endpointServices = [("BedrockEndpoint", "bedrock"), ("BedrockRuntimeEndpoint", "bedrock-runtime")]

    /// Subnet ids and security groups for the function's `VpcConfig`, and the VPC id output.
    let subnetIds: [TemplateValue]
    let functionSecurityGroups: [TemplateValue]
    let vpcId: TemplateValue
    /// Subnet ARNs, for scoping the function role's network-interface rights.
    let subnetArns: [TemplateValue]

    /// Adds a new VPC (`deployVpc`) to the template.
    static func new(
        _ props: LambdaInferenceProfileProperties.VpcProps?, context: SynthesisContext, template: inout TemplateBuilder
    ) -> VpcResources {
        let cidr = props?.cidr ?? defaultCidr
        let zones = props?.maxAzs ?? defaultZones
        let prefix = IPv4CIDR(cidr)?.prefixLength ?? 16
        template.resource("Vpc", "AWS::EC2::VPC", [
            "CidrBlock": .string(cidr),
            "EnableDnsSupport": true,
            "EnableDnsHostnames": true,
            "Tags": context.tags(),
        ])
        var subnets: [TemplateValue] = []
        for zone in 0..<zones {
            let id = "IsolatedSubnet\(zone + 1)"
            // Sixteen equal blocks: room for six zones in any VPC from /16 to /24.
            template.resource(id, "AWS::EC2::Subnet", [
                "VpcId": .ref("Vpc"),
                "AvailabilityZone": .select(zone, .availabilityZones),
                "CidrBlock": .select(zone, .cidr(.getAtt("Vpc", "CidrBlock"), count: 16, hostBits: 32 - (prefix + 4))),
                "MapPublicIpOnLaunch": false,
                "Tags": context.tags(),
            ])
            subnets.append(.ref(id))
        }
        let network = VpcResources(
            subnetIds: subnets, functionSecurityGroups: [.ref("FunctionSecurityGroup")], vpcId: .ref("Vpc"),
            subnetArns: subnets.indices.map { ArnValue.ec2("subnet/${IsolatedSubnet\($0 + 1)}") })
        network.addSecurityGroupsAndEndpoints(context: context, template: &template, createFunctionGroup: true)
        return network
    }

    /// Uses a VPC made elsewhere (`existingVpc`).
    static func existing(
        _ vpc: LambdaInferenceProfileProperties.ExistingVpc, context: SynthesisContext, template: inout TemplateBuilder
    ) -> VpcResources {
        let groups = vpc.securityGroupIds ?? []
        let network = VpcResources(
            subnetIds: vpc.subnetIds.map { .string($0) },
            functionSecurityGroups: groups.isEmpty ? [.ref("FunctionSecurityGroup")] : groups.map { .string($0) },
            vpcId: .string(vpc.vpcId),
            subnetArns: vpc.subnetIds.map { ArnValue.ec2("subnet/\($0)") })
        network.addSecurityGroupsAndEndpoints(context: context, template: &template, createFunctionGroup: groups.isEmpty)
        return network
    }

    /// The endpoints' group admits HTTPS from the function's groups through separate ingress
    /// rules, and the function's own group (when deploycat makes it) sends HTTPS only to the
    /// endpoints' group: inline rules both ways would make the two groups depend on each other.
    private func addSecurityGroupsAndEndpoints(
        context: SynthesisContext, template: inout TemplateBuilder, createFunctionGroup: Bool
    ) {
        template.resource("EndpointSecurityGroup", "AWS::EC2::SecurityGroup", [
            "GroupDescription": .string("deploycat \(context.spec.name): Bedrock interface endpoints"),
            "VpcId": vpcId,
            "SecurityGroupEgress": [[
                "IpProtocol": "-1", "CidrIp": "127.0.0.1/32",
                "Description": "No outbound traffic: endpoints only answer",
            ]],
            "Tags": context.tags(),
        ])
        if createFunctionGroup {
            template.resource("FunctionSecurityGroup", "AWS::EC2::SecurityGroup", [
                "GroupDescription": .string("deploycat \(context.spec.name): the function; HTTPS out to Bedrock endpoints only"),
                "VpcId": vpcId,
                "SecurityGroupEgress": [[
                    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                    "DestinationSecurityGroupId": .getAtt("EndpointSecurityGroup", "GroupId"),
                    "Description": "HTTPS to the Bedrock interface endpoints",
                ]],
                "Tags": context.tags(),
            ])
        }
        for (index, group) in functionSecurityGroups.enumerated() {
            let source: TemplateValue = group == .ref("FunctionSecurityGroup")
                ? .getAtt("FunctionSecurityGroup", "GroupId") : group
            template.resource("EndpointIngressFromFunction\(index + 1)", "AWS::EC2::SecurityGroupIngress", [
                "GroupId": .getAtt("EndpointSecurityGroup", "GroupId"),
                "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                "SourceSecurityGroupId": source,
                "Description": "HTTPS from the function",
            ])
        }
        for (logicalId, service) in Self.endpointServices {
            template.resource(logicalId, "AWS::EC2::VPCEndpoint", [
                "ServiceName": .sub("com.amazonaws.${AWS::Region}.\(service)"),
                "VpcEndpointType": "Interface",
                "PrivateDnsEnabled": true,
                "VpcId": vpcId,
                "SubnetIds": .array(subnetIds),
                "SecurityGroupIds": [.getAtt("EndpointSecurityGroup", "GroupId")],
                "Tags": context.tags(),
            ])
        }
    }
}
