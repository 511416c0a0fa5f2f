import CatalogSynthesis
import Testing

/// The structural template diff: resources by logical id, lists as sets, create-only
/// properties and Type changes marked as replacements, other sections by path.
@Suite struct TemplateDiffTests {
    static func template(_ resources: TemplateObject, _ sections: TemplateObject = [:]) -> TemplateValue {
        var members = sections
        members["Resources"] = .object(resources)
        return .object(members)
    }

    static func profile(_ properties: TemplateObject) -> TemplateValue {
        ["Type": "AWS::Bedrock::ApplicationInferenceProfile", "Properties": .object(properties)]
    }

    static let tags: TemplateValue = [["Key": "team", "Value": "cx"], ["Key": "app", "Value": "chat"]]

    @Test func tagsAreMatchedByKeyWhateverTheirOrder() {
        let old = Self.template(["P": Self.profile(["Tags": Self.tags])])
        let reordered = Self.template(["P": Self.profile(["Tags": [["Key": "app", "Value": "chat"], ["Key": "team", "Value": "cx"]]])])
        #expect(TemplateDiff(old: old, new: reordered).isEmpty)

        let changed = Self.template(["P": Self.profile(["Tags": [
            ["Key": "app", "Value": "chat"], ["Key": "team", "Value": "support"], ["Key": "owner", "Value": "ana"],
        ]])])
        let diff = TemplateDiff(old: old, new: changed)
        #expect(diff.resources.map(\.properties) == [[
            PropertyChange(path: "Properties.Tags[Key=owner]", old: nil, new: ["Key": "owner", "Value": "ana"]),
            PropertyChange(path: "Properties.Tags[Key=team].Value", old: "cx", new: "support"),
        ]])
        #expect(diff.replacements.isEmpty)
    }

    @Test func statementsWithoutSidsAreComparedAsSets() {
        let read: TemplateValue = ["Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"]
        let write: TemplateValue = ["Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"]
        let invoke: TemplateValue = ["Effect": "Allow", "Action": ["bedrock:InvokeModel"], "Resource": "*"]
        func policy(_ statements: TemplateValue...) -> TemplateValue {
            ["Type": "AWS::IAM::Policy", "Properties": ["PolicyName": "p", "PolicyDocument": ["Statement": .array(statements)]]]
        }
        let diff = TemplateDiff(old: Self.template(["Policy": policy(read, write)]),
                                new: Self.template(["Policy": policy(invoke, read)]))
        #expect(diff.resources.first?.properties == [
            PropertyChange(path: "Properties.PolicyDocument.Statement[-]", old: write, new: nil),
            PropertyChange(path: "Properties.PolicyDocument.Statement[+]", old: nil, new: invoke),
        ])
        #expect(TemplateDiff(old: Self.template(["Policy": policy(read, write)]),
                             new: Self.template(["Policy": policy(write, read)])).isEmpty)
    }

    /// Statements with Sids are matched by them, so a change inside one is a path, not a swap.
    @Test func statementsWithSidsAreMatchedBySid() {
        func role(_ actions: TemplateValue) -> TemplateValue {
            ["Type": "AWS::IAM::ManagedPolicy", "Properties": ["PolicyDocument": ["Statement": [
                ["Sid": "Invoke", "Effect": "Allow", "Action": actions, "Resource": "*"],
            ]]]]
        }
        let diff = TemplateDiff(old: Self.template(["R": role(["bedrock:InvokeModel"])]),
                                new: Self.template(["R": role(["bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel"])]))
        #expect(diff.resources.first?.properties.map(\.path) == ["Properties.PolicyDocument.Statement[Sid=Invoke].Action[+]"])
    }

    /// Order is reported for lists where it may matter, such as a function's layers.
    @Test func aReorderedListWhoseOrderMayMatterIsOneChange() {
        func function(_ layers: TemplateValue) -> TemplateValue {
            ["Type": "AWS::Lambda::Function", "Properties": ["Layers": layers]]
        }
        let diff = TemplateDiff(old: Self.template(["F": function(["a", "b"])]), new: Self.template(["F": function(["b", "a"])]))
        #expect(diff.resources.first?.properties == [PropertyChange(path: "Properties.Layers", old: ["a", "b"], new: ["b", "a"])])
    }

    @Test func aCreateOnlyPropertyReplacesTheResource() throws {
        let old = Self.template(["P": Self.profile(["InferenceProfileName": "a", "Tags": Self.tags])])
        let new = Self.template(["P": Self.profile(["InferenceProfileName": "b", "Tags": Self.tags])])
        let diff = TemplateDiff(old: old, new: new)
        let resource = try #require(diff.resources.first)
        #expect(resource.replaces && resource.change == .changed)
        #expect(resource.properties == [PropertyChange(path: "Properties.InferenceProfileName", old: "a", new: "b", replaces: true)])
        #expect(diff.replacements.map(\.logicalId) == ["P"])
        #expect(diff.summary == "1 changed (1 replaced), 0 added, 0 removed")
    }

    /// `ModelSource` is create-only as a whole; a change below it replaces, a change above it
    /// that alters it does too, and an unrelated change does not.
    @Test(arguments: [
        (["ModelSource": ["CopyFrom": "arn:a"]], ["ModelSource": ["CopyFrom": "arn:b"]], true),
        ([:], ["ModelSource": ["CopyFrom": "arn:b"]], true),
        (["Tags": TemplateDiffTests.tags], [:], false),
    ] as [(TemplateObject, TemplateObject, Bool)])
    func createOnlyPathsCoverWhatIsBelowThem(old: TemplateObject, new: TemplateObject, replaces: Bool) {
        let diff = TemplateDiff(old: Self.template(["P": Self.profile(old)]), new: Self.template(["P": Self.profile(new)]))
        #expect(diff.resources.first?.replaces == replaces)
    }

    /// A nested create-only path (a knowledge-base data source's `DataSourceConfiguration/Type`):
    /// a change at it replaces, so does a change of the object above it that alters it, and a
    /// change of a sibling does not.
    @Test func nestedCreateOnlyPaths() {
        func source(_ configuration: TemplateValue) -> TemplateValue {
            ["Type": "AWS::Bedrock::DataSource", "Properties": ["Name": "docs", "DataSourceConfiguration": configuration]]
        }
        func replaces(_ old: TemplateValue, _ new: TemplateValue) -> [Bool]? {
            let diff = TemplateDiff(old: Self.template(["Docs": source(old)]), new: Self.template(["Docs": source(new)]))
            return diff.resources.first.map { [$0.replaces] + $0.properties.map(\.replaces) }
        }
        let s3: TemplateValue = ["Type": "S3", "S3Configuration": ["BucketArn": "arn:aws:s3:::a"]]
        let otherBucket: TemplateValue = ["Type": "S3", "S3Configuration": ["BucketArn": "arn:aws:s3:::b"]]
        let web: TemplateValue = ["Type": "WEB", "WebConfiguration": ["SourceConfiguration": ["UrlConfiguration": "x"]]]
        #expect(replaces(s3, otherBucket) == [false, false])
        #expect(replaces(s3, web) == [true, false, true, false])  // the resource; S3Configuration, Type, WebConfiguration
        #expect(replaces(s3, ["Fn::If": ["UseWeb", web, s3]]) == [true, true])
        #expect(replaces(["Fn::If": ["UseWeb", web, s3]], ["Fn::If": ["UseWeb", web, otherBucket]]) == [false, false])
    }

    /// A create-only path through a list (`InstanceGroups/*/InstanceType`) compares what all
    /// items hold: a group added with a new instance type, or a type changed, replaces the
    /// cluster; a group's count changed does not, though it shows as one item out and one in.
    @Test func createOnlyPathsThroughLists() {
        func cluster(_ groups: TemplateValue...) -> TemplateValue {
            ["Type": "AWS::SageMaker::Cluster", "Properties": ["InstanceGroups": .array(groups)]]
        }
        func group(_ type: String, count: Int) -> TemplateValue {
            ["InstanceGroupName": "workers", "InstanceType": .string(type), "InstanceCount": .number(count)]
        }
        func diff(_ old: TemplateValue, _ new: TemplateValue) -> ResourceDiff? {
            TemplateDiff(old: Self.template(["C": old]), new: Self.template(["C": new])).resources.first
        }
        let resized = diff(cluster(group("ml.t3.medium", count: 1)), cluster(group("ml.t3.medium", count: 2)))
        #expect(resized?.properties.map(\.path) == ["Properties.InstanceGroups[-]", "Properties.InstanceGroups[+]"])
        #expect(resized?.replaces == false)
        #expect(diff(cluster(group("ml.t3.medium", count: 1)), cluster(group("ml.m5.large", count: 1)))?.replaces == true)
        #expect(diff(cluster(group("ml.t3.medium", count: 1)),
                     cluster(group("ml.t3.medium", count: 1), group("ml.m5.large", count: 1)))?.replaces == true)
    }

    @Test func aNewTypeUnderTheSameLogicalIdReplaces() throws {
        let old = Self.template(["Store": ["Type": "AWS::S3::Bucket"]])
        let new = Self.template(["Store": ["Type": "AWS::DynamoDB::Table"]])
        let resource = try #require(TemplateDiff(old: old, new: new).resources.first)
        #expect(resource == ResourceDiff(logicalId: "Store", type: "AWS::DynamoDB::Table", change: .changed, properties: [
            PropertyChange(path: "Type", old: "AWS::S3::Bucket", new: "AWS::DynamoDB::Table", replaces: true),
        ], replaces: true))
    }

    @Test func addedAndRemovedResourcesAndSections() {
        let old = Self.template(["Gone": ["Type": "AWS::SQS::Queue"], "Kept": ["Type": "AWS::SNS::Topic"]],
                                ["Outputs": ["Arn": ["Value": ["Ref": "Gone"]]], "Description": "v1"])
        let new = Self.template(["Kept": ["Type": "AWS::SNS::Topic"], "New": ["Type": "AWS::SQS::Queue"]],
                                ["Outputs": ["Arn": ["Value": ["Ref": "New"]]], "Description": "v2",
                                 "Conditions": ["IsProd": ["Fn::Equals": [["Ref": "Stage"], "prod"]]]])
        let diff = TemplateDiff(old: old, new: new)
        #expect(diff.resources == [
            ResourceDiff(logicalId: "Gone", type: "AWS::SQS::Queue", change: .removed),
            ResourceDiff(logicalId: "New", type: "AWS::SQS::Queue", change: .added),
        ])
        #expect(diff.sections == [
            PropertyChange(path: "Conditions.IsProd", old: nil, new: ["Fn::Equals": [["Ref": "Stage"], "prod"]]),
            PropertyChange(path: "Description", old: "v1", new: "v2"),
            PropertyChange(path: "Outputs.Arn.Value", old: ["Ref": "Gone"], new: ["Ref": "New"]),
        ])
        #expect(diff.summary == "0 changed, 1 added, 1 removed, 3 changes outside Resources")
        #expect(TemplateDiff(old: new, new: new).isEmpty)
    }

    /// The same inputs give the same diff, down to its JSON, whatever order the members were given in.
    @Test func theDiffIsDeterministic() throws {
        let keys = (0..<40).map { "Key\($0)" }
        func object(_ value: TemplateValue) -> TemplateObject { TemplateObject(keys.shuffled().map { ($0, value) }) }
        let old = Self.template(object(Self.profile(["Description": "a"])), ["Outputs": .object(object(["Value": "a"]))])
        let new = Self.template(object(Self.profile(["Description": "b"])), ["Outputs": .object(object(["Value": "b"]))])
        let diff = TemplateDiff(old: old, new: new)
        #expect(diff.resources.map(\.logicalId) == keys.sorted())
        #expect(diff.sections.map(\.path) == keys.sorted().map { "Outputs.\($0).Value" })
        #expect(diff.summary == "40 changed (40 replaced), 0 added, 0 removed, 40 changes outside Resources")
        #expect(TemplateDiff(old: old, new: new) == diff)
    }
}
