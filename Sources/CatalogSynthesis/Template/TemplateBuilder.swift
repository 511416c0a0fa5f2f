/// Collects a template's sections; patterns add resources and outputs to it.
struct TemplateBuilder {
    var description: String
    var metadata: TemplateObject = [:]
    var rules: TemplateObject = [:]
    var resources: TemplateObject = [:]
    var outputs: TemplateObject = [:]
    /// The names of the template's log groups, which its log key may encrypt (`LogEncryptionKey`).
    var logGroupNames: [String] = []

    init(description: String) {
        self.description = description
    }

    /// - Parameter dependsOn: resources that must exist first although no property refers to them.
    /// - Parameter checkov: the checkov checks the resource does not meet, each with its reason.
    /// - Parameter keepOnDelete: for stateful resources: keep them when the stack is deleted
    ///   or the resource replaced (`DeletionPolicy` and `UpdateReplacePolicy` `Retain`).
    mutating func resource(
        _ logicalId: String, _ type: String, _ properties: TemplateObject,
        metadata: TemplateObject? = nil, checkov: [CheckovSkip] = [], keepOnDelete: Bool = false,
        dependsOn: [String] = []
    ) {
        var resource: TemplateObject = ["Type": .string(type), "Properties": .object(properties)]
        var metadata = metadata ?? [:]
        if !checkov.isEmpty { metadata["checkov"] = CheckovSkip.metadata(checkov) }
        if !metadata.isEmpty { resource["Metadata"] = .object(metadata) }
        if !dependsOn.isEmpty { resource["DependsOn"] = .strings(dependsOn) }
        if keepOnDelete {
            resource["DeletionPolicy"] = "Retain"
            resource["UpdateReplacePolicy"] = "Retain"
        }
        resources[logicalId] = .object(resource)
    }

    mutating func output(_ name: String, _ value: TemplateValue, description: String, export: String? = nil) {
        var output: TemplateObject = ["Value": value, "Description": .string(description)]
        if let export { output["Export"] = ["Name": .string(export)] }
        outputs[name] = .object(output)
    }

    /// Fails the stack before anything is created when it is deployed in another Region or
    /// account than the spec names: the template's ARNs and routes are for that Region.
    mutating func requireDeployment(region: String, account: String?) {
        var assertions: [TemplateValue] = [[
            "Assert": .equals(.ref("AWS::Region"), .string(region)),
            "AssertDescription": .string("This template is synthesized for \(region); its model routes and ARNs are that Region's."),
        ]]
        if let account {
            assertions.append([
                "Assert": .equals(.ref("AWS::AccountId"), .string(account)),
                "AssertDescription": .string("This template is synthesized for account \(account)."),
            ])
        }
        rules["DeploymentTarget"] = ["Assertions": .array(assertions)]
    }

    var value: TemplateValue {
        var template: TemplateObject = [
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": .string(description),
            "Resources": .object(resources),
        ]
        if !metadata.isEmpty { template["Metadata"] = .object(metadata) }
        if !rules.isEmpty { template["Rules"] = .object(rules) }
        if !outputs.isEmpty { template["Outputs"] = .object(outputs) }
        return .object(template)
    }
}
