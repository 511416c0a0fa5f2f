import CatalogModel

/// `lambda-sagemaker-endpoint`: a Lambda function that calls one SageMaker real-time endpoint,
/// which the template creates from a container (the spec's or a catalog model's) or which
/// exists already; the function may invoke that endpoint and nothing else.
struct LambdaSageMakerEndpointPattern {
    let context: SynthesisContext
    let properties: LambdaSageMakerEndpointProperties

    func build() throws -> SynthesizedTemplate {
        let deployment = try properties.deployment(in: context.catalog)
        let endpointName = properties.endpointName ?? context.spec.name
        let summary = deployment.map {
            "Lambda function calling a SageMaker endpoint of \($0.catalogModel.map { "catalog model \($0)" } ?? "image \($0.container.image)") "
                + "on \($0.instanceType)"
        } ?? "Lambda function calling the existing SageMaker endpoint \(endpointName)"
        var template = context.template(summary: summary)
        let endpointArn = deployment == nil
            // SageMaker ARNs carry names in lower case.
            ? .sub("arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/\(endpointName.lowercased())")
            : SageMakerEndpointResources.arn
        let invoke: [TemplateValue] = [[
            "Sid": "InvokeOwnEndpoint", "Effect": "Allow", "Action": ["sagemaker:InvokeEndpoint"], "Resource": [endpointArn],
        ]]
        var network: VpcResources?
        if let role = properties.existingLambdaRoleArn, properties.existingLambdaArn != nil {
            RolePolicy.add("InvokePolicy", purpose: "sagemaker-invoke", roles: [ARN.roleName(role) ?? role],
                           statements: invoke, context: context, template: &template)
        } else {
            network = VpcResources.add(
                deployVpc: properties.deployVpc, vpcProps: properties.vpcProps, existingVpc: properties.existingVpc,
                endpoints: deployment == nil ? .sageMakerRuntime : .sageMakerHosting, context: context, template: &template)
            let endpointValue: TemplateValue = deployment == nil ? .string(endpointName) : .getAtt("Endpoint", "EndpointName")
            LambdaFunctionResources(
                props: properties.lambdaFunctionProps ?? LambdaFunctionProps(),
                description: "deploycat \(context.spec.name): calls the SageMaker endpoint \(endpointName)",
                roleDescription: "deploycat \(context.spec.name) in \(context.region): invokes the SageMaker endpoint \(endpointName)",
                variables: [properties.endpointVariable: endpointValue],
                policies: [["PolicyName": "sagemaker-invoke", "PolicyDocument": InvokeStatements.document(invoke)]],
                network: network,
                calls: "the SageMaker runtime"
            ).add(to: &template, context: context)
        }
        if let deployment {
            SageMakerEndpointResources(deployment: deployment, endpointName: endpointName, config: properties.endpointConfigProps,
                                       executionRoleArn: properties.modelProps?.executionRoleArn, network: network,
                                       networkIsolation: properties.networkIsolation)
                .add(to: &template, context: context)
        }
        template.output("EndpointName", deployment == nil ? .string(endpointName) : .getAtt("Endpoint", "EndpointName"),
                        description: "The SageMaker endpoint the function calls")
        template.output("EndpointArn", endpointArn, description: "The SageMaker endpoint's ARN")
        // A catalog model's change (image, artifact, instance type) reaches this template.
        return context.result(template, dependencies: TemplateDependencies(
            sagemakerModels: deployment?.catalogModel.map { [$0] } ?? [], regions: [context.region]))
    }
}

extension VpcResources.Endpoints {
    /// Calling an endpoint made elsewhere.
    static let sageMakerRuntime = Self(serviceName: "SageMaker", interfaces: [("SageMakerRuntimeEndpoint", "sagemaker.runtime")])
    /// Calling an endpoint whose model runs in the VPC too and downloads its artifact from S3.
    static let sageMakerHosting = Self(serviceName: "SageMaker", interfaces: [("SageMakerRuntimeEndpoint", "sagemaker.runtime")],
                                       gateways: [("S3GatewayEndpoint", "s3")], functionUsesGateways: false)
}
