/// `KEY=VALUE` arguments, as `deploycat tags defaults set` takes them, checked against AWS's tag rules.
public enum TagAssignment {
    /// The tags `arguments` assign; every problem at once, each naming its argument.
    public static func parse(_ arguments: [String]) throws(InputError) -> TagMap {
        var tags = TagMap()
        var issues = IssueCollector()
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                issues.add(argument, "is not KEY=VALUE (write KEY= for an empty value)")
                continue
            }
            let key = String(argument[..<equals]), value = String(argument[argument.index(after: equals)...])
            let problems = TagRules.keyIssues(key, at: argument) + TagRules.valueIssues(value, at: argument)
            if let earlier = tags.values[key], earlier != value {
                issues.add(argument, "sets \(key) again (to \"\(earlier)\" before); give each key once")
            }
            issues.add(problems)
            if problems.isEmpty { tags.values[key] = value }
        }
        try issues.throwIfAny()
        return tags
    }

    /// Keys for `deploycat tags defaults unset`: any key may be removed, but not an empty one.
    public static func keys(_ arguments: [String]) throws(InputError) -> [String] {
        var issues = IssueCollector()
        for key in arguments where key.isEmpty { issues.add("\"\"", "is not a tag key") }
        try issues.throwIfAny()
        return arguments
    }
}
