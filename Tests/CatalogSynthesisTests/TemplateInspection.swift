import CatalogSynthesis

/// Reads parts of a synthesized template that tests assert on.
extension TemplateValue {
    var resources: [String: TemplateValue] {
        if case let .object(members) = self["Resources"] ?? .object([:]) { return members.dictionary }
        return [:]
    }

    var elements: [TemplateValue] {
        if case let .array(values) = self { return values }
        return []
    }

    var text: String? {
        if case let .string(value) = self { return value }
        if case let .string(value)? = self["Fn::Sub"] { return value }
        return nil
    }

    /// Every IAM statement of every policy in the template, by Sid.
    var statements: [String: TemplateValue] {
        var found: [String: TemplateValue] = [:]
        for (_, statement) in policyStatements {
            if let sid = statement["Sid"]?.text { found[sid] = statement }
        }
        return found
    }

    /// Every IAM statement of every role's and policy's documents, with the logical id of the
    /// resource that holds it.
    var policyStatements: [(holder: String, statement: TemplateValue)] {
        resources.sorted { $0.key < $1.key }.flatMap { id, resource in
            let properties = resource["Properties"]
            let documents = (properties?["Policies"]?.elements.compactMap { $0["PolicyDocument"] } ?? [])
                + [properties?["PolicyDocument"]].compactMap { $0 }
            return documents.flatMap { $0["Statement"]?.elements ?? [] }.map { (holder: id, statement: $0) }
        }
    }
}
