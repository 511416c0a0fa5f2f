import CatalogModel

/// `lambda-bedrock-inference-profile`: a Lambda function that calls Bedrock through its own
/// application inference profile, copied from the Region's cross-Region profile (or the
/// model in the Region), with least-privilege rights in every destination Region.
struct LambdaInferenceProfilePattern {
    let context: SynthesisContext
    let properties: LambdaInferenceProfileProperties

    func build() throws -> SynthesizedTemplate {
        let resolution = try context.bedrockResolution()
        let shared = try properties.inferenceProfileApp.map { try SharedProfile(app: $0, context: context) }
        let profileArn = shared?.arn ?? ProfileResource.arn
        let summary = "Lambda function calling \(resolution.modelId) through "
            + (shared?.summary ?? "an application inference profile copied from \(context.copySource)")
        var template = context.template(summary: summary, metadata: shared?.metadata(region: context.region) ?? [:])
        if shared == nil {
            let props = properties.inferenceProfileProps
            ProfileResource.add(to: &template, context: context, name: props?.inferenceProfileName,
                                description: props?.description, copyFrom: resolution.modelSourceArn,
                                tags: props?.tags)
            template.output("InferenceProfileId", ProfileResource.id, description: "The application inference profile's id")
        }
        let invoke = InvokeStatements.statements(profileArn: profileArn, resolution: resolution)
        if let existingRole = properties.existingLambdaRoleArn, properties.existingLambdaArn != nil {
            addGrantToExistingFunction(roleArn: existingRole, statements: invoke, template: &template)
        } else {
            addFunction(statements: invoke, profileArn: profileArn, resolution: resolution, template: &template)
        }
        // An imported ARN is the other stack's output already.
        if shared?.isImported != true {
            template.output("InferenceProfileArn", profileArn, description: "The application inference profile's ARN")
        }
        return context.result(template, dependencies: try context.dependencies(sharing: shared))
    }

    /// An existing function: only a policy on its role; it must read the profile ARN from the
    /// stack's output, since this template cannot set its environment.
    private func addGrantToExistingFunction(roleArn: String, statements: [TemplateValue], template: inout TemplateBuilder) {
        RolePolicy.add("InvokePolicy", purpose: "bedrock-invoke", roles: [ARN.roleName(roleArn) ?? roleArn],
                       statements: statements, context: context, template: &template)
    }

    private func addFunction(
        statements: [TemplateValue], profileArn: TemplateValue, resolution: Resolution, template: inout TemplateBuilder
    ) {
        let network = VpcResources.add(
            deployVpc: properties.deployVpc, vpcProps: properties.vpcProps, existingVpc: properties.existingVpc,
            endpoints: .bedrock, context: context, template: &template)
        LambdaFunctionResources(
            props: properties.lambdaFunctionProps ?? LambdaFunctionProps(),
            description: "deploycat \(context.spec.name): calls \(resolution.modelId) through its inference profile",
            roleDescription: "deploycat \(context.spec.name) in \(context.region): invokes \(resolution.modelId)",
            variables: [properties.modelVariable: .string(resolution.modelId), properties.profileVariable: profileArn],
            policies: [["PolicyName": "bedrock-invoke", "PolicyDocument": InvokeStatements.document(statements)]],
            network: network,
            calls: "Bedrock"
        ).add(to: &template, context: context)
    }
}
