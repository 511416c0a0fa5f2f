extension LambdaSageMakerEndpointProperties {
    public func check(_ check: inout PatternCheck) {
        let at = "properties"
        if let existing = existingSagemakerEndpointName {
            checkExistingEndpoint(existing, &check.issues)
        } else {
            checkModelSource(&check)
            checkEndpointNameIsFree(&check)
        }
        // Checked with an existing endpoint too, so whichever the user keeps needs no second run.
        if let container = modelProps?.primaryContainer {
            checkContainer(container, at: "\(at).modelProps.primaryContainer", &check.issues)
            checkImageRegion(container.image, at: "\(at).modelProps.primaryContainer.image", &check)
        }
        if let name = model, let entry = check.catalog.sagemakerModels[name] {
            checkImageRegion(entry.image, at: "\(at).model", &check)
        }
        if let config = endpointConfigProps { checkEndpointConfig(config, &check) }
        if let name = endpointProps?.endpointName, !Identifiers.isSageMakerName(name) {
            check.issues.add("\(at).endpointProps.endpointName",
                             "\(quoted(name)) is not an endpoint name: \(Identifiers.sageMakerNameRule)")
        }
        if endpointConfigProps?.kmsKeyArn != nil, let deployment = try? deployment(in: check.catalog), !deployment.takesStorageKey {
            check.issues.add("\(at).endpointConfigProps.kmsKeyArn", "does not apply: \(deployment.instanceType) "
                + "instances keep their storage on local volumes that they encrypt themselves, and SageMaker refuses "
                + "a KMS key for them")
        }
        if let role = modelProps?.executionRoleArn, ARN.roleName(role) == nil {
            check.issues.add("\(at).modelProps.executionRoleArn", "\(quoted(role)) is not an IAM role ARN such as "
                + "\"arn:aws:iam::123456789012:role/my-sagemaker-role\"")
        }
        LambdaFunctionRules.checkChoice(
            props: lambdaFunctionProps, existingArn: existingLambdaArn, existingRoleArn: existingLambdaRoleArn,
            setByDeploycat: LambdaFunctionRules.OwnVariables(
                names: [("\(at).sagemakerEnvironmentVariableName", endpointVariable, "the endpoint's variable")],
                purpose: "the endpoint's name"),
            createOnly: [
                ("\(at).deployVpc", deployVpc == true), ("\(at).existingVpc", existingVpc != nil),
                ("\(at).sagemakerEnvironmentVariableName", sagemakerEnvironmentVariableName != nil),
            ], regions: check.regions, &check.issues)
        // The model downloads its artifact from S3 inside the VPC: that takes a gateway endpoint.
        VpcRules.check(deployVpc: deployVpc, vpcProps: vpcProps, existingVpc: existingVpc,
                       gateways: existingSagemakerEndpointName == nil ? ["s3"] : [], &check.issues)
    }

    /// An endpoint made elsewhere: only the function's side applies.
    private func checkExistingEndpoint(_ name: String, _ issues: inout IssueCollector) {
        let at = "properties"
        if !Identifiers.isSageMakerName(name) {
            issues.add("\(at).existingSagemakerEndpointName", "\(quoted(name)) is not an endpoint name: "
                + Identifiers.sageMakerNameRule)
        }
        for (field, given) in [("model", model != nil), ("modelProps.primaryContainer", modelProps?.primaryContainer != nil)]
        where given {
            issues.add("\(at).\(field)", "give either existingSagemakerEndpointName (an endpoint made elsewhere) or "
                + "\(field) (deploycat creates the model, its endpoint configuration and endpoint), not both")
        }
        let elsewhere = "applies only to an endpoint deploycat creates, not to existingSagemakerEndpointName"
        issues.conflict(modelProps?.executionRoleArn != nil, "\(at).modelProps.executionRoleArn", elsewhere)
        issues.conflict(modelProps?.enableNetworkIsolation != nil, "\(at).modelProps.enableNetworkIsolation", elsewhere)
        issues.conflict(endpointConfigProps != nil, "\(at).endpointConfigProps", elsewhere)
        issues.conflict(endpointProps != nil, "\(at).endpointProps", elsewhere)
    }

    /// Exactly one of `model` (the catalog's) and `modelProps.primaryContainer` (the spec's own).
    private func checkModelSource(_ check: inout PatternCheck) {
        let at = "properties"
        switch (model, modelProps?.primaryContainer) {
        case (nil, nil):
            check.issues.add(at, "give modelProps.primaryContainer ({ image, modelDataUrl }), model (a SageMaker model "
                + "of the catalog) or existingSagemakerEndpointName")
        case let (name?, container):
            if container != nil {
                check.issues.add("\(at).modelProps.primaryContainer", "give either model (the catalog's SageMaker model "
                    + "\(quoted(name))) or modelProps.primaryContainer, not both")
            }
            if check.catalog.sagemakerModels[name] == nil {
                let known = check.catalog.sagemakerModels.keys
                let close = Suggestions.closest(to: name, in: known)
                let hint = known.isEmpty ? "the catalog has no SageMaker models; add them with `deploycat catalog apply`"
                    : close.isEmpty ? "`deploycat catalog sagemaker-models` lists them"
                    : "did you mean " + close.map(quoted).joined(separator: " or ") + "?"
                check.issues.add("\(at).model", "\(quoted(name)) is not a SageMaker model of the catalog (\(hint))")
            }
        case (nil, _?):
            break
        }
    }

    /// Endpoint names (and their log groups) are unique per account and Region: another app's
    /// endpoint of the same name where both deploy would make one stack fail.
    private func checkEndpointNameIsFree(_ check: inout PatternCheck) {
        let name = endpointProps?.endpointName ?? check.app
        let field = endpointProps?.endpointName == nil ? "name" : "properties.endpointProps.endpointName"
        for other in check.apps.values.sorted(by: { $0.name < $1.name }) where other.name != check.app {
            guard case let .lambdaSagemakerEndpoint(theirs) = other.properties, theirs.existingSagemakerEndpointName == nil,
                  (theirs.endpointProps?.endpointName ?? other.name).lowercased() == name.lowercased(),
                  other.account == nil || check.account == nil || other.account == check.account else { continue }
            let shared = Set(check.regions.map(\.code)).intersection(other.regions).sorted()
            if !shared.isEmpty {
                check.issues.add(field, "the SageMaker endpoint \(quoted(name)) is also app \(quoted(other.name))'s in "
                    + shared.joined(separator: ", ") + "; endpoint names are unique per account and Region: give one of "
                    + "them another endpointProps.endpointName")
            }
        }
    }

    /// SageMaker pulls the image only within the endpoint's Region (any account will do).
    private func checkImageRegion(_ image: String, at field: String, _ check: inout PatternCheck) {
        guard let parsed = ContainerImage(image) else { return }
        let elsewhere = check.regions.map(\.code).filter { $0 != parsed.region }
        if !elsewhere.isEmpty {
            check.issues.add(field, "the image is in \(quoted(parsed.region)), but SageMaker takes images (and model "
                + "artifacts) only from the endpoint's own Region: copy it to " + elsewhere.joined(separator: ", ")
                + " and make one app per Region, or deploy to \(parsed.region) only")
        }
    }

    private func checkContainer(_ container: Container, at: String, _ issues: inout IssueCollector) {
        if ContainerImage(container.image) == nil {
            issues.add("\(at).image", "\(quoted(container.image)) is not \(ContainerImage.rule)")
        }
        if let url = container.modelDataUrl, S3Object(url) == nil {
            issues.add("\(at).modelDataUrl", "\(quoted(url)) is not \(S3Object.rule)")
        }
        for (name, value) in (container.environment ?? [:]).sorted(by: { $0.key < $1.key }) {
            LambdaFunctionRules.checkVariableShape(name, at: "\(at).environment.\(name)", &issues)
            if value.utf8.count > 1024 { issues.add("\(at).environment.\(name)", "the value is over 1024 bytes") }
        }
        if (container.environment?.count ?? 0) > 100 {
            issues.add("\(at).environment", "SageMaker takes at most 100 variables per container")
        }
    }

    private func checkEndpointConfig(_ config: EndpointConfigProps, _ check: inout PatternCheck) {
        let at = "properties.endpointConfigProps"
        if let type = config.instanceType, !Identifiers.isSageMakerInstanceType(type) {
            check.issues.add("\(at).instanceType", "\(quoted(type)) is not \(Identifiers.sageMakerInstanceTypeRule)")
        }
        if let count = config.initialInstanceCount, count < 1 {
            check.issues.add("\(at).initialInstanceCount", "\(count) is below 1: an endpoint runs on at least one instance")
        }
        if let name = config.variantName, !Identifiers.isSageMakerName(name) {
            check.issues.add("\(at).variantName", "\(quoted(name)) is not a variant name: \(Identifiers.sageMakerNameRule)")
        }
        if let arn = config.kmsKeyArn {
            if let region = ARN.kmsKeyRegion(arn) {
                check.issues.requireOnly(region, in: check.regions, for: "the KMS key",
                                         because: "an endpoint uses keys of its own Region")
            } else {
                check.issues.add("\(at).kmsKeyArn", "\(quoted(arn)) is not a KMS key ARN such as "
                    + "\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"")
            }
        }
    }
}
