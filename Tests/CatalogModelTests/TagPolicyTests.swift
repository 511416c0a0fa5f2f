import CatalogModel
import Foundation
import Testing

/// Reading an Organizations tag policy, and what it says of an app's tags.
@Suite struct TagPolicyTests {
    static func parse(_ json: String) throws(InputError) -> TagPolicy {
        try TagPolicy.parse(json: Data(json.utf8))
    }

    static func problems(_ json: String) -> [String] {
        do {
            _ = try parse(json)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func readsAssignedAndBareValuesAsAnEffectivePolicyPrintsThem() throws {
        let policy = try Self.parse("""
            {"tags": {
              "costcenter": {"tag_key": {"@@assign": "CostCenter", "@@operators_allowed_for_child_policies": ["@@none"]},
                             "tag_value": {"@@assign": ["CC-1042", "CC-2*"]},
                             "enforced_for": {"@@assign": ["bedrock:application-inference-profile"]},
                             "required": true},
              "owner": {"tag_key": "Owner", "tag_value": ["*"], "enforced_for": ["bedrock:ALL_SUPPORTED"]}
            }}
            """)
        let cost = try #require(policy.entry(for: "COSTCENTER"))
        #expect(cost.key == "CostCenter" && cost.required && cost.isEnforced())
        #expect(cost.allows("CC-1042") && cost.allows("CC-2") && cost.allows("CC-2999"))
        #expect(!cost.allows("CC-1043") && !cost.allows("cc-1042") && !cost.allows("X-CC-2"))
        let owner = try #require(policy.entry(for: "owner"))
        #expect(owner.key == "Owner" && !owner.required && owner.isEnforced() && owner.allows("anyone"))
        #expect(policy.spelling(of: "costCenter") == "CostCenter" && policy.spelling(of: "team") == "team")
    }

    @Test func everyProblemIsNamedByItsJSONPath() {
        #expect(Self.problems("""
            {"tags": {
              "costcenter": {"tag_key": {"@@assign": "CostCentre"}, "tag_values": ["a"],
                             "enforced_for": {"@@assign": ["bedrock:*", "bedrock"]}, "required": "yes"},
              "owner": {"tag_key": {"@@append": "Owner"}, "tag_value": {"@@assign": "alice"}},
              "env": {"tag_value": ["a**b", "ok\\tno"]},
              "deploycat:team": {"tag_key": "Deploycat:Team"}
            }, "other": 1}
            """) == [
                "other: unknown key; a tag policy holds \"tags\" only",
                "tags.costcenter.tag_values: unknown key (did you mean \"tag_value\"?); allowed: tag_key, tag_value, enforced_for, report_required_tag_for, required",
                "tags.costcenter.tag_key.@@assign: \"CostCentre\" is not the policy key \"costcenter\" in other capitalization; tag_key gives the capitalization of the policy key",
                "tags.costcenter.enforced_for.@@assign[1]: \"bedrock\" is not a resource type; write service:resource-type (bedrock:application-inference-profile) or service:ALL_SUPPORTED (bedrock:ALL_SUPPORTED)",
                "tags.costcenter.required: must be true or false",
                "tags.deploycat:team.tag_key: \"Deploycat:Team\": deploycat writes its own keys as deploycat:app, deploycat:stage, deploycat:team; a policy may rule on their values, not respell them",
                "tags.env.tag_value[0]: has more than one *; a value may hold one wildcard",
                "tags.env.tag_value[1]: the value holds U+0009; a tag value may hold only letters, digits, spaces and _ . : / = + - @",
                "tags.owner.tag_key.@@append: deploycat keeps one policy, as it takes effect: give the effective policy (`aws organizations describe-effective-policy --policy-type TAG_POLICY`) or @@assign",
                "tags.owner.tag_value.@@assign: must be a list of allowed values",
            ])
        #expect(Self.problems("{\"tags\": ") .first?.hasPrefix("is not valid JSON") == true)
        #expect(Self.problems("[]") == ["a tag policy is a JSON object: {\"tags\": {\"costcenter\": {\"tag_key\": {\"@@assign\": \"CostCenter\"}}}}"])
        #expect(Self.problems("{\"tags\": {\"a\": {\"tag_key\": \"a\"}, \"A\": {\"tag_key\": \"A\"}}}")
            == ["tags.a: names the same key as tags.A; policy keys are compared without regard to case"])
    }

    @Test func organizationsDefaultsAndItsOwnWayOfRequiringAKeyAreRead() throws {
        let policy = try Self.parse("""
            {"tags": {"env": {"tag_value": ["prod"], "enforced_for": ["bedrock:*"]},
                      "owner": {"tag_key": "Owner", "report_required_tag_for": {"@@assign": ["bedrock:application-inference-profile"]}}}}
            """)
        // Without tag_key the key is the policy key in lowercase; service:* is every type of the service
        #expect(policy.entry(for: "env")?.key == "env")
        #expect(policy.entry(for: "env")?.isEnforced(on: TagPolicyResourceTypes(cloudFormationTypes: ["AWS::Bedrock::Prompt"])) == true)
        #expect(policy.entry(for: "env")?.isEnforced(on: TagPolicyResourceTypes(cloudFormationTypes: ["AWS::Lambda::Function"])) == false)
        #expect(policy.entry(for: "owner")?.required == true)
    }

    @Test func whatShowPrintsReadsBackAsTheSamePolicy() throws {
        let policy = try Self.parse("""
            {"tags": {"costcenter": {"tag_key": "CostCenter", "tag_value": ["CC-*"], "required": true},
                      "owner": {"tag_key": "owner", "enforced_for": ["lambda:function"]}}}
            """)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = try encoder.encode(policy.document)
        #expect(String(decoding: text, as: UTF8.self).contains("\"@@assign\":\"CostCenter\""))
        #expect(try TagPolicy.parse(json: text) == policy)
    }

    static let spec = AppSpec(name: "chat", team: "cx", regions: ["us-east-1"],
                              tags: TagMap(["costcenter": "CC-9", "product": "chat"]),
                              properties: .applicationInferenceProfile(ApplicationInferenceProfileProperties(
                                  tags: TagMap(["product": "chat-profile"]))))

    @Test func effectiveTagsLayerCatalogTeamSpecAndResourceInThePolicysSpelling() throws {
        var catalog = CatalogSnapshot()
        catalog.tagDefaults = TagDefaults(catalog: TagMap(["CostCenter": "CC-0", "Owner": "platform"]),
                                          teams: ["cx": TagMap(["Owner": "cx-team"]), "ml": TagMap(["Owner": "ml"])])
        catalog.tagPolicy = TagPolicy(keys: [TagPolicy.Key(key: "CostCenter"), TagPolicy.Key(key: "Deploycat:App")])
        let tags = catalog.effectiveTags(of: Self.spec)
        #expect(tags.values == ["CostCenter": "CC-9", "Owner": "cx-team", "product": "chat",
                                "deploycat:app": "chat", "deploycat:team": "cx"])
        #expect(tags["CostCenter"]?.origin == .spec && tags["CostCenter"]?.writtenKey == "costcenter")
        #expect(tags["CostCenter"]?.field == "tags.costcenter")
        #expect(tags["Owner"]?.origin == .teamDefaults && tags["Owner"]?.field == "tag defaults of team cx.Owner")
        let profile = catalog.effectiveTags(of: Self.spec, adding: Self.spec.profileTags)
        #expect(profile["product"]?.value == "chat-profile" && profile["product"]?.field == "properties.tags.product")
    }

    @Test func violationsNameTheRuleTheFieldAndWhetherAWSEnforcesIt() throws {
        var catalog = CatalogSnapshot()
        catalog.tagPolicy = TagPolicy(keys: [
            TagPolicy.Key(key: "CostCenter", allowedValues: ["CC-1*"], enforcedFor: ["bedrock:application-inference-profile"]),
            TagPolicy.Key(key: "Owner", required: true),
            TagPolicy.Key(key: "product", allowedValues: ["chat"], enforcedFor: ["ec2:instance"]),
        ])
        let found = catalog.tagPolicy.violations(of: Self.spec, in: catalog)
        #expect(found.map { "\($0.key) \($0.rule.rawValue) \($0.field) \($0.enforced)" } == [
            "CostCenter key-capitalization tags.costcenter false",
            "CostCenter value-not-allowed tags.costcenter true",
            "Owner missing-required-key tags false",
            "product value-not-allowed properties.tags.product false",
        ])
        #expect(found[1].problem == "\"CC-9\" is not a value the tag policy allows for CostCenter (allowed: CC-1*); "
            + "AWS refuses it on bedrock:application-inference-profile")
        // Fixed by a default for the team and the policy's spelling in the spec
        catalog.tagDefaults = TagDefaults(teams: ["cx": TagMap(["Owner": "cx-team"])])
        var fixed = Self.spec
        fixed.tags = TagMap(["CostCenter": "CC-100", "product": "chat"])
        fixed.properties = .applicationInferenceProfile(ApplicationInferenceProfileProperties())
        #expect(catalog.tagPolicy.violations(of: fixed, in: catalog).isEmpty)
        // The same key written twice in one level: the one in the policy's spelling is kept, the other named
        fixed.tags.values["costCenter"] = "CC-200"
        #expect(catalog.tagPolicy.violations(of: fixed, in: catalog).map(\.problem) == [
            "the tag policy makes costCenter and CostCenter one key, CostCenter; only tags.CostCenter's value is kept",
        ])
        #expect(catalog.effectiveTags(of: fixed)["CostCenter"]?.value == "CC-100")
    }

    @Test func tagSettingsChangesAreLoggedAndOnlySpellingChangesCanAlterTemplates() {
        var before = CatalogSnapshot()
        before.tagDefaults = TagDefaults(catalog: TagMap(["Owner": "a", "Stage": "x"]))
        before.tagPolicy = TagPolicy(keys: [TagPolicy.Key(key: "owner", allowedValues: ["a"])])
        var after = before
        after.tagDefaults = TagDefaults(catalog: TagMap(["Owner": "b", "CostCenter": "CC-1"]), teams: ["ml": TagMap(["Owner": "m"])])
        after.tagPolicy = TagPolicy(keys: [TagPolicy.Key(key: "Owner", allowedValues: ["a", "b"], required: true),
                                           TagPolicy.Key(key: "CostCenter")])
        let changes = CatalogDiff.changes(from: before, to: after)
        #expect(changes.map(\.description) == [
            "tag defaults +CostCenter=CC-1 Owner=a -> b -Stage",
            "tag defaults of team ml +Owner=m",
            "tag policy key costcenter added: CostCenter",
            "tag policy key owner key owner -> Owner",
            "tag policy key owner values a -> a,b",
            "tag policy key owner required false -> true",
        ])
        #expect(changes.map(CatalogDiff.affectsTemplates) == [true, true, true, true, false, false])
        // A default whose key reads like a field templates ignore still changes templates
        #expect(CatalogDiff.affectsTemplates(CatalogChange(kind: .tagDefaults, key: "*", summary: "last seen by=a -> b")))
    }

    @Test func defaultsAssignmentsFollowAWSTagRules() {
        #expect(throws: Never.self) { try TagAssignment.parse(["CostCenter=CC-1", "Empty="]) }
        do {
            _ = try TagAssignment.parse(["NoEquals", "aws:x=1", "deploycat:team=x", "k=v\u{1}", "a=1", "a=2"])
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.description) == [
                "NoEquals: is not KEY=VALUE (write KEY= for an empty value)",
                "aws:x=1: the \"aws:\" prefix is reserved for AWS",
                "deploycat:team=x: the \"deploycat:\" prefix is reserved: deploycat sets deploycat:app, deploycat:stage, deploycat:team itself",
                "k=v\u{1}: the value holds U+0001; a tag value may hold only letters, digits, spaces and _ . : / = + - @",
                "a=2: sets a again (to \"1\" before); give each key once",
            ])
        }
    }
}
