import CatalogModel

/// A policy this stack attaches to roles made elsewhere: the only way a template can grant an
/// existing function or principal its rights. Named `<app>-<region>-<purpose>`, unique per app
/// and Region.
enum RolePolicy {
    static func add(
        _ logicalId: String, purpose: String, roles: [String], statements: [TemplateValue],
        context: SynthesisContext, template: inout TemplateBuilder
    ) {
        template.resource(logicalId, "AWS::IAM::Policy", [
            "PolicyName": .string("\(context.spec.name)-\(context.region)-\(purpose)"),
            "Roles": .strings(roles),
            "PolicyDocument": InvokeStatements.document(statements),
        ])
    }
}
