import CatalogModel

/// `lambda-bedrock-inference-profile`: a Lambda function that calls Bedrock through its own
/// application inference profile, copied from the Region's cross-Region profile (or the
/// model in the Region), with least-privilege rights in every destination Region.
struct LambdaInferenceProfilePattern {
    let context: SynthesisContext
    let properties: LambdaInferenceProfileProperties

    func build() throws -> SynthesizedTemplate {
        let profile = try self.profile()
        let resolution = context.resolution
        // Another app's profile ARN imported from its stack: that stack goes first, and the
        // ARN is its output already.
        let imported = profile.arn["Fn::ImportValue"] != nil
        var metadata: [String: TemplateValue] = [:]
        if let name = properties.inferenceProfileApp, imported {
            metadata["deployAfter"] = [.string("\(name) in \(context.region): this stack imports its profile ARN")]
        }
        var template = context.template(summary: profile.summary, metadata: metadata)
        if properties.inferenceProfileApp == nil {
            let props = properties.inferenceProfileProps
            ProfileResource.add(to: &template, context: context, name: props?.inferenceProfileName,
                                description: props?.description, copyFrom: resolution.modelSourceArn,
                                tags: props?.tags)
            template.output("InferenceProfileId", ProfileResource.id, description: "The application inference profile's id")
        }
        let invoke = InvokeStatements.statements(profileArn: profile.arn, resolution: resolution)
        if let existingRole = properties.existingLambdaRoleArn, properties.existingLambdaArn != nil {
            addGrantToExistingFunction(roleArn: existingRole, statements: invoke, template: &template)
        } else {
            addFunction(statements: invoke, profileArn: profile.arn, template: &template)
        }
        if !imported {
            template.output("InferenceProfileArn", profile.arn, description: "The application inference profile's ARN")
        }
        return context.result(template, dependencies: profile.dependencies)
    }

    /// The profile the function calls through: one this template creates, or the profile of
    /// the `inferenceProfileApp` (its ARN imported from that app's stack, or given when the
    /// profile was made elsewhere).
    private func profile() throws -> (arn: TemplateValue, summary: String, dependencies: TemplateDependencies) {
        let resolution = context.resolution
        guard let name = properties.inferenceProfileApp else {
            let source = resolution.profileId ?? "the model in \(context.region)"
            return (ProfileResource.arn,
                    "Lambda function calling \(resolution.modelId) through an application inference profile copied from \(source)",
                    TemplateDependencies(resolution))
        }
        let shared = try ApplicationInferenceProfileProperties.ofApp(name, in: context.apps)
        let arn: TemplateValue = shared.existingProfileArn.map { .string($0) }
            ?? .importValue(ApplicationInferenceProfileProperties.exportName(app: name))
        var dependencies = TemplateDependencies(resolution)
        dependencies.apps = [name]
        return (arn, "Lambda function calling \(resolution.modelId) through the application inference profile of app \(name)",
                dependencies)
    }

    /// An existing function: only a policy on its role; it must read the profile ARN from the
    /// stack's output, since this template cannot set its environment.
    private func addGrantToExistingFunction(roleArn: String, statements: [TemplateValue], template: inout TemplateBuilder) {
        RolePolicy.add("InvokePolicy", purpose: "bedrock-invoke", roles: [ARN.roleName(roleArn) ?? roleArn],
                       statements: statements, context: context, template: &template)
    }

    private func addFunction(statements: [TemplateValue], profileArn: TemplateValue, template: inout TemplateBuilder) {
        let resolution = context.resolution
        let network = VpcResources.add(
            deployVpc: properties.deployVpc, vpcProps: properties.vpcProps, existingVpc: properties.existingVpc,
            endpoints: .bedrock, context: context, template: &template)
        LambdaFunctionResources(
            props: properties.lambdaFunctionProps ?? LambdaFunctionProps(),
            description: "deploycat \(context.spec.name): calls \(resolution.modelId) through its inference profile",
            roleDescription: "deploycat \(context.spec.name) in \(context.region): invokes \(resolution.modelId)",
            variables: [properties.modelVariable: .string(resolution.modelId), properties.profileVariable: profileArn],
            policies: [["PolicyName": "bedrock-invoke", "PolicyDocument": InvokeStatements.document(statements)]],
            network: network
        ).add(to: &template, context: context)
    }
}
