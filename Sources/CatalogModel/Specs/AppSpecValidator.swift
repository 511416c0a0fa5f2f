/// Checks an app spec against the rules of its pattern and against the catalog, and reports
/// every problem with the field it is in. Pure: reads only the spec and a snapshot.
public struct AppSpecValidator: Sendable {
    public let catalog: CatalogSnapshot
    /// The other apps a spec may name (as its `inferenceProfileApp`), by name.
    public let apps: [String: AppSpec]
    /// `YYYY-MM-DD`, for the wording of the resolutions' warnings.
    public let today: String?

    public init(catalog: CatalogSnapshot, apps: [String: AppSpec] = [:], today: String? = nil) {
        self.catalog = catalog
        self.apps = apps
        self.today = today
    }

    /// What checking a spec found: its problems, and how each Region without one resolves
    /// (with its warnings), which synthesis takes as it is.
    public struct Validation: Sendable {
        public var issues: [InputIssue]
        /// Region -> how the app calls its model there.
        public var resolutions: [String: Resolution]
        /// What works but deserves a look: a tag key the policy spells otherwise (templates use the policy's spelling).
        public var warnings: [String] = []
    }

    /// Every problem in `spec`; empty when it can be synthesized in each of its Regions.
    public func issues(_ spec: AppSpec) -> [InputIssue] {
        validate(spec).issues
    }

    public func validate(_ spec: AppSpec) -> Validation {
        var issues = IssueCollector()
        if !AppNaming.isValid(spec.name) {
            issues.add("name", "\(quoted(spec.name)) is not an app name: \(AppNaming.rule)")
        }
        issues.checkText(spec.team, at: "team")
        if let account = spec.account, !Identifiers.isAccountId(account) {
            issues.add("account", "\(quoted(account)) is not a 12-digit AWS account id")
        }
        if let stage = spec.stage, !AppNaming.isValidStage(stage) {
            issues.add("stage", "\(quoted(stage)) is not a stage: \(AppNaming.stageRule)")
        }
        let pattern = spec.properties.deploymentPattern
        let needsBedrock = type(of: pattern).needsBedrock
        checkRegions(spec.regions, needsBedrock: needsBedrock, &issues)
        if spec.usage != nil, spec.modelId == nil {
            issues.add("usage", "does not apply: the app " + AppError.noModelReason(spec.pattern)
                + "; usage is for estimating Bedrock costs")
        } else {
            issues.add(spec.usage?.issues(at: "usage", batch: type(of: pattern).runsBatchJobs) ?? [])
        }
        let before = issues.issues.count
        checkTags(spec, &issues)
        // Tags AWS would refuse are not also held against the policy.
        let tagWarnings = issues.issues.count == before ? checkEffectiveTags(spec, &issues) : []
        var check = PatternCheck(app: spec.name, account: spec.account, catalog: catalog, resolver: InvocationResolver(catalog: catalog, today: today),
                                 apps: apps, regions: validRegions(spec, needsBedrock: needsBedrock), issues: issues)
        pattern.check(&check)
        issues = check.issues
        // An account already refused above is not compared again.
        checkAccount(spec.account.flatMap { Identifiers.isAccountId($0) ? $0 : nil }, of: pattern.attachedArns, &issues)
        return Validation(issues: issues.issues, resolutions: issues.issues.isEmpty ? check.resolutions : [:],
                          warnings: tagWarnings)
    }

    /// Every value that becomes a tag obeys AWS's tag rules: the spec's tags, the pattern's
    /// own profile tags (counted with the app's), and the name, team and stage deploycat's tags carry.
    private func checkTags(_ spec: AppSpec, _ issues: inout IssueCollector) {
        issues.add(TagRules.issues(spec.tags, at: "tags"))
        if let own = spec.profileTags {
            // Counted with the app's tags only when those fit on their own, so one excess is reported once.
            let inherited = spec.tags.values.count > TagRules.maxUserTags ? TagMap() : spec.tags
            issues.add(TagRules.issues(own.tags, at: own.field, inherited: inherited))
        }
        // A field its own rule already refused (name, stage) is not reported twice.
        let refused = Set(issues.issues.map(\.field))
        for tag in spec.reservedTags where !refused.contains(tag.field) {
            issues.add((TagRules.valueIssues(tag.value, at: tag.field) + asciiIssues(spec, tag.value, at: tag.field,
                                                                                      what: "value")).map {
                InputIssue(field: $0.field, problem: "becomes the \(tag.key) tag: \($0.problem)")
            })
        }
        for (key, value) in spec.tags.sorted {
            issues.add(asciiIssues(spec, key, at: "tags.\(key)", what: "key"))
            issues.add(asciiIssues(spec, value, at: "tags.\(key)", what: "value"))
        }
    }

    /// The resources' tags with the catalog's and the team's defaults fit the count AWS allows
    /// and, for a pattern whose tags must be ASCII, are ASCII wherever they come from; and they
    /// obey the tag policy: its required keys are there and its values allowed. A key the policy
    /// spells otherwise is a warning, returned one line each: templates carry the policy's spelling.
    /// Runs once the spec's own tags passed `checkTags`, so what is wrong here comes from the
    /// defaults or the policy.
    private func checkEffectiveTags(_ spec: AppSpec, _ issues: inout IssueCollector) -> [String] {
        let tags = catalog.effectiveTags(of: spec, adding: spec.profileTags)
        if tags.userTags.count > TagRules.maxUserTags {
            let inherited = tags.userTags.filter(\.isDefault)
            issues.add("tags", "with the tag defaults (\(inherited.map(\.key).joined(separator: ", "))) the resources "
                + "would carry \(tags.userTags.count) tags; at most \(TagRules.maxUserTags) are allowed (a resource "
                + "carries \(TagRules.maxTagsPerResource), and deploycat adds \(TagRules.reservedKeys.count))")
        }
        for tag in tags.userTags where tag.isDefault || tag.key != tag.writtenKey {
            issues.add(asciiIssues(spec, tag.key, at: tag.field, what: "key") + asciiIssues(spec, tag.value, at: tag.field, what: "value"))
        }
        var warnings: [String] = []
        for violation in catalog.tagPolicy.violations(of: spec, in: catalog) {
            if violation.rule == .keyCapitalization {
                warnings.append("\(violation.field): \(violation.problem)")
            } else {
                issues.add(violation.field, violation.problem)
            }
        }
        return warnings
    }

    /// For a pattern whose resources take only ASCII tags.
    private func asciiIssues(_ spec: AppSpec, _ text: String, at field: String, what: String) -> [InputIssue] {
        type(of: spec.properties.deploymentPattern).tagsAreASCII ? TagRules.asciiIssues(text, at: field, what: what) : []
    }

    /// Resources the template attaches to must live in the account it is deployed to: the
    /// spec's account when it names one, else the account of the first ARN given.
    private func checkAccount(_ account: String?, of arns: [(field: String, arn: String?)], _ issues: inout IssueCollector) {
        let named = arns.compactMap { entry in entry.arn.flatMap { ARN.parts($0)?.account }.map { (entry.field, $0) } }
        guard let expected = account ?? named.first?.1 else { return }
        let source = account != nil ? "the spec's account" : "account of \(named[0].0)"
        for (field, found) in named where found != expected {
            issues.add(field, "is in account \(found), not \(expected) (\(source)); a stack can attach policies only "
                + "in its own account")
        }
    }

    private func checkRegions(_ regions: [String], needsBedrock: Bool, _ issues: inout IssueCollector) {
        if regions.isEmpty { issues.add("regions", "name at least one Region; each gets its own template") }
        var seen = Set<String>()
        for (index, code) in regions.enumerated() {
            let at = "regions[\(index)]"
            if !seen.insert(code).inserted { issues.add(at, "\(quoted(code)) is listed twice") }
            do {
                let resolver = InvocationResolver(catalog: catalog)
                _ = try needsBedrock ? resolver.region(code) : resolver.regionInCatalog(code)
            } catch {
                issues.add(at, error.description)
            }
        }
    }

    /// The spec's Regions that exist (and offer Bedrock, when the pattern needs it), with their
    /// index, for per-Region checks.
    private func validRegions(_ spec: AppSpec, needsBedrock: Bool) -> [(index: Int, code: String)] {
        spec.regions.enumerated().filter { catalog.regions[$0.element].map { $0.bedrock || !needsBedrock } == true }
            .map { ($0.offset, $0.element) }
    }
}

extension IssueCollector {
    /// `field` names a value that only makes sense when `condition` holds.
    mutating func conflict(_ present: Bool, _ field: String, _ problem: String) {
        if present { add(field, problem) }
    }

    /// A resource made elsewhere (`what`, such as "the existing function") lives in one Region,
    /// so the spec's `regions` must be that Region alone.
    mutating func requireOnly(_ region: String, in regions: [(index: Int, code: String)], for what: String,
                              because reason: String? = nil) {
        if regions.map(\.code) != [region] {
            add("regions", "\(what) is in \(quoted(region)), so regions must be [\(region)]" + (reason.map { ": \($0)" } ?? ""))
        }
    }
}
