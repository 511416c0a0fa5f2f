import CatalogModel

/// The network a function runs in: a new VPC with one isolated subnet per Availability Zone,
/// or an existing one; either way with the interface and gateway endpoints of the services the
/// pattern calls, so those calls never leave the VPC.
struct VpcResources {
    static let defaultCidr = "10.0.0.0/16"
    static let defaultZones = 2

    /// The endpoints a pattern needs, and the name of the service they reach, as security
    /// group descriptions show it.
    struct Endpoints {
        var serviceName: String
        /// Logical id -> service (`bedrock-runtime` for `com.amazonaws.REGION.bedrock-runtime`):
        /// network interfaces in the subnets, behind the endpoints' security group.
        var interfaces: [(logicalId: String, service: String)]
        /// Logical id -> service (`s3`, `dynamodb`): routes in the subnets' route tables, free of charge.
        var gateways: [(logicalId: String, service: String)] = []
        /// Whether the function itself calls the gateways' services; otherwise another resource of
        /// the pattern does, with its own security group.
        var functionUsesGateways = true

        static let bedrock = Endpoints(serviceName: "Bedrock", interfaces: [
            ("BedrockEndpoint", "bedrock"), ("BedrockRuntimeEndpoint", "bedrock-runtime"),
        ])
    }

    /// Subnet ids and security groups for the function's `VpcConfig`, and the VPC id output.
    let subnetIds: [TemplateValue]
    let functionSecurityGroups: [TemplateValue]
    let vpcId: TemplateValue
    /// Subnet ARNs, for scoping the function role's network-interface rights.
    let subnetArns: [TemplateValue]
    /// The logical ids of the gateway endpoints this stack adds: whatever reaches their
    /// services from the subnets at creation (a model downloading its artifact) waits for them.
    let gatewayEndpointIds: [String]

    /// The network `deployVpc`, `vpcProps` and `existingVpc` ask for, added to the template;
    /// `nil` when the function runs outside any VPC.
    /// Gateway endpoints add their routes to a new VPC's own route table, or to the route tables
    /// an existing VPC names (`existingVpc.routeTableIds`).
    static func add(
        deployVpc: Bool?, vpcProps: VpcProps?, existingVpc: ExistingVpc?, endpoints: Endpoints,
        context: SynthesisContext, template: inout TemplateBuilder
    ) -> VpcResources? {
        if deployVpc == true { return new(vpcProps, endpoints: endpoints, context: context, template: &template) }
        return existingVpc.map { existing($0, endpoints: endpoints, context: context, template: &template) }
    }

    /// Adds a new VPC (`deployVpc`) to the template.
    private static func new(
        _ props: VpcProps?, endpoints: Endpoints, context: SynthesisContext, template: inout TemplateBuilder
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
        var routeTables: [TemplateValue] = []
        if !endpoints.gateways.isEmpty {
            // The subnets stay isolated: the only routes in their table are the gateway endpoints'.
            template.resource("IsolatedRouteTable", "AWS::EC2::RouteTable", ["VpcId": .ref("Vpc"), "Tags": context.tags()])
            for (index, subnet) in subnets.enumerated() {
                template.resource("IsolatedSubnet\(index + 1)RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation", [
                    "RouteTableId": .ref("IsolatedRouteTable"), "SubnetId": subnet,
                ])
            }
            routeTables = [.ref("IsolatedRouteTable")]
        }
        let network = VpcResources(
            subnetIds: subnets, functionSecurityGroups: [.ref("FunctionSecurityGroup")], vpcId: .ref("Vpc"),
            subnetArns: subnets.indices.map { ArnValue.ec2("subnet/${IsolatedSubnet\($0 + 1)}") },
            gatewayEndpointIds: endpoints.gateways.map(\.logicalId))
        network.addSecurityGroupsAndEndpoints(endpoints, context: context, template: &template, createFunctionGroup: true)
        network.addGatewayEndpoints(endpoints, routeTables: routeTables, context: context, template: &template)
        return network
    }

    /// Uses a VPC made elsewhere (`existingVpc`).
    private static func existing(
        _ vpc: ExistingVpc, endpoints: Endpoints, context: SynthesisContext, template: inout TemplateBuilder
    ) -> VpcResources {
        let groups = vpc.securityGroupIds ?? []
        let addsEndpoints = vpc.addEndpoints ?? true
        let network = VpcResources(
            subnetIds: vpc.subnetIds.map { .string($0) },
            functionSecurityGroups: groups.isEmpty ? [.ref("FunctionSecurityGroup")] : groups.map { .string($0) },
            vpcId: .string(vpc.vpcId),
            subnetArns: vpc.subnetIds.map { ArnValue.ec2("subnet/\($0)") },
            gatewayEndpointIds: addsEndpoints ? endpoints.gateways.map(\.logicalId) : [])
        guard addsEndpoints else {
            // The VPC reaches the services its own way (its endpoints, a NAT): HTTPS out, wherever its routes lead.
            if groups.isEmpty {
                network.addFunctionGroup(description: "the function; HTTPS out through the VPC endpoints and routes",
                                         egress: [["IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0",
                                                   "Description": "HTTPS out: the VPC endpoints and route tables decide where it leads"]],
                                         context: context, template: &template)
            }
            return network
        }
        network.addSecurityGroupsAndEndpoints(endpoints, context: context, template: &template,
                                              createFunctionGroup: groups.isEmpty)
        network.addGatewayEndpoints(endpoints, routeTables: (vpc.routeTableIds ?? []).map { .string($0) },
                                    context: context, template: &template)
        return network
    }

    private func addFunctionGroup(
        description: String, egress: [TemplateValue], context: SynthesisContext, template: inout TemplateBuilder
    ) {
        template.resource("FunctionSecurityGroup", "AWS::EC2::SecurityGroup", [
            "GroupDescription": .string("deploycat \(context.spec.name): \(description)"),
            "VpcId": vpcId,
            "SecurityGroupEgress": .array(egress),
            "Tags": context.tags(),
        ])
    }

    /// The endpoints' group admits HTTPS from the function's groups through separate ingress
    /// rules, and the function's own group (when deploycat makes it) sends HTTPS only to the
    /// endpoints' group (and, with gateway endpoints, to the addresses the subnets' route
    /// tables lead to): inline rules both ways would make the two groups depend on each other.
    private func addSecurityGroupsAndEndpoints(
        _ endpoints: Endpoints, context: SynthesisContext, template: inout TemplateBuilder, createFunctionGroup: Bool
    ) {
        let interfaces = !endpoints.interfaces.isEmpty
        if interfaces {
            template.resource("EndpointSecurityGroup", "AWS::EC2::SecurityGroup", [
                "GroupDescription": .string("deploycat \(context.spec.name): \(endpoints.serviceName) interface endpoints"),
                "VpcId": vpcId,
                "SecurityGroupEgress": [[
                    "IpProtocol": "-1", "CidrIp": "127.0.0.1/32",
                    "Description": "No outbound traffic: endpoints only answer",
                ]],
                "Tags": context.tags(),
            ])
        }
        if createFunctionGroup {
            var egress: [TemplateValue] = []
            if interfaces {
                egress.append([
                    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                    "DestinationSecurityGroupId": .getAtt("EndpointSecurityGroup", "GroupId"),
                    "Description": .string("HTTPS to the \(endpoints.serviceName) interface endpoints"),
                ])
            }
            if !endpoints.gateways.isEmpty && endpoints.functionUsesGateways {
                // A gateway endpoint is a route, not an address: the service's public addresses
                // are reached through it, and the subnets' route tables decide where else 443 leads.
                egress.append([
                    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0",
                    "Description": .string("HTTPS to the gateway endpoints ("
                        + endpoints.gateways.map(\.service).joined(separator: ", ") + ") through the route tables"),
                ])
            }
            addFunctionGroup(description: "the function; HTTPS out to \(endpoints.serviceName) endpoints only", egress: egress,
                             context: context, template: &template)
        }
        guard interfaces else { return }
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
        for (logicalId, service) in endpoints.interfaces {
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

    private func addGatewayEndpoints(
        _ endpoints: Endpoints, routeTables: [TemplateValue], context: SynthesisContext, template: inout TemplateBuilder
    ) {
        for (logicalId, service) in endpoints.gateways {
            template.resource(logicalId, "AWS::EC2::VPCEndpoint", [
                "ServiceName": .sub("com.amazonaws.${AWS::Region}.\(service)"),
                "VpcEndpointType": "Gateway",
                "VpcId": vpcId,
                "RouteTableIds": .array(routeTables),
                "Tags": context.tags(),
            ])
        }
    }

    /// The network-interface actions a service (Lambda, SageMaker) takes in the VPC for a
    /// principal: creating them only in this network's subnets and security groups, managing
    /// them, and describing, which EC2 allows only on `*`.
    struct InterfaceRights {
        var create: [String]
        var manage: [String]
        var describe: [String]

        /// Why each `*` is there, for the role's metadata.
        var wildcardReasons: TemplateObject {
            var reasons = TemplateObject(describe.map {
                ($0, TemplateValue.string("EC2 Describe actions have no resource-level permissions: AWS accepts only *"))
            })
            for action in create {
                reasons[action] = .string("An interface has no id until it is created: network-interface/* of this "
                    + "account and Region, in the named subnets and security groups only")
            }
            for action in manage {
                reasons[action] = .string("The service names the interfaces it creates: network-interface/* of this "
                    + "account and Region")
            }
            return reasons
        }
    }

    /// The inline policy (`vpc-network-interfaces`) granting `rights` in this network, for
    /// interfaces in `groups` (default: the function's).
    func interfacePolicy(_ rights: InterfaceRights, groups: [TemplateValue]? = nil) -> TemplateValue {
        let eni: TemplateValue = ArnValue.ec2("network-interface/*")
        let groups: [TemplateValue] = (groups ?? functionSecurityGroups).map { group in
            if case let .string(id)? = group["Ref"] { return ArnValue.ec2("security-group/${\(id).GroupId}") }
            if case let .string(id) = group { return ArnValue.ec2("security-group/\(id)") }
            return group
        }
        return ["PolicyName": "vpc-network-interfaces", "PolicyDocument": InvokeStatements.document([
            ["Sid": "CreateInterfacesInOwnSubnets", "Effect": "Allow", "Action": .strings(rights.create),
             "Resource": .array([eni] + subnetArns + groups)],
            ["Sid": "ManageOwnInterfaces", "Effect": "Allow", "Action": .strings(rights.manage), "Resource": [eni]],
            ["Sid": "DescribeNetwork", "Effect": "Allow", "Action": .strings(rights.describe), "Resource": "*"],
        ])]
    }
}
