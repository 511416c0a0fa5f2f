import CatalogModel
import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// Every conflict and bad value in a spec is reported with its field and what is allowed.
@Suite struct SpecValidationTests {
    let validator = AppSpecValidator(catalog: try! DefaultCatalog.snapshot())
    let folder = try! TemporaryDirectory()

    static let base = """
        name: chat
        team: cx
        pattern: lambda-bedrock-inference-profile
        regions: [us-east-1]
        """

    static let function = """
          lambdaFunctionProps:
            handler: index.handler
            code: { inline: "exports.handler = async () => 1;" }
        """

    func spec(_ yaml: String) throws -> AppSpec {
        let file = folder.path("spec-\(UUID().uuidString).yaml")
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return try SpecReader().specs([file])[0]
    }

    func issues(_ yaml: String) throws -> [String] {
        validator.issues(try spec(yaml)).map(\.description)
    }

    @Test func aValidSpecHasNoIssues() throws {
        #expect(try issues(Self.base + "\nproperties:\n  bedrockModelId: amazon.nova-pro-v1:0\n" + Self.function) == [])
    }

    @Test func aFunctionAndAnExistingFunctionConflict() throws {
        let found = try issues(Self.base + """

            properties:
              bedrockModelId: amazon.nova-pro-v1:0
              existingLambdaArn: arn:aws:lambda:us-east-1:123456789012:function:chat

            """ + Self.function)
        #expect(found == ["properties.existingLambdaArn: give either lambdaFunctionProps (deploycat creates the "
            + "function) or existingLambdaArn (an existing function gets the rights), not both"])
    }

    /// Both given: the conflict, and what is wrong in the function's props, so either can be kept.
    @Test func aConflictDoesNotHideTheFunctionsProblems() throws {
        let found = try issues(Self.base + """

            account: "12345"
            properties:
              bedrockModelId: amazon.nova-pro-v1:0
              existingLambdaArn: arn:aws:lambda:us-east-1:123456789012:function:chat
              lambdaFunctionProps: { handler: index.handler, memorySize: 1, code: { inline: x } }

            """)
        #expect(found == [
            "account: \"12345\" is not a 12-digit AWS account id",
            "properties.existingLambdaArn: give either lambdaFunctionProps (deploycat creates the function) or "
                + "existingLambdaArn (an existing function gets the rights), not both",
            "properties.lambdaFunctionProps.memorySize: 1 is outside 128 to 10240 (MB)",
        ])
    }

    @Test func aNewVpcAndAnExistingVpcConflictAndVpcPropsNeedsDeployVpc() throws {
        let found = try issues(Self.base + """

            properties:
              bedrockModelId: amazon.nova-pro-v1:0
              deployVpc: true
              existingVpc: { vpcId: vpc-0123456789abcdef0, subnetIds: [subnet-0123456789abcdef0] }

            """ + Self.function)
        #expect(found == ["properties.existingVpc: give either deployVpc: true (deploycat creates a VPC) or existingVpc, not both"])
        let props = try issues(Self.base + "\nproperties:\n  bedrockModelId: amazon.nova-pro-v1:0\n"
            + "  vpcProps: { cidr: 10.0.0.0/8, maxAzs: 9 }\n" + Self.function)
        #expect(props == [
            "properties.vpcProps: applies only with deployVpc: true",
            "properties.vpcProps.cidr: \"10.0.0.0/8\" is not an IPv4 CIDR block from /16 to /24, such as \"10.0.0.0/16\"",
            "properties.vpcProps.maxAzs: 9 is outside 1 to 6",
        ])
    }

    /// EC2 ids have 8 or 17 hex digits, as CloudFormation checks before creating anything.
    @Test func existingVpcIdsHaveEightOrSeventeenHexDigits() throws {
        let found = try issues(Self.base + """

            properties:
              bedrockModelId: amazon.nova-pro-v1:0
              existingVpc:
                vpcId: vpc-0abc12345
                subnetIds: [subnet-0abc1234, subnet-0123456789abcdef]
                securityGroupIds: [sg-0123456789abcdef01]

            """ + Self.function)
        #expect(found == [
            "properties.existingVpc.vpcId: \"vpc-0abc12345\" is not a VPC id such as \"vpc-0abc1234\"",
            "properties.existingVpc.subnetIds[1]: \"subnet-0123456789abcdef\" is not a subnet id",
            "properties.existingVpc.securityGroupIds[0]: \"sg-0123456789abcdef01\" is not a security group id",
        ])
    }

    @Test func aModelNotOfferedFromTheRegionNamesWhereItIs() throws {
        let found = try issues("""
            name: chat
            team: cx
            pattern: lambda-bedrock-inference-profile
            regions: [us-east-1, sa-east-1]
            properties:
              bedrockModelId: meta.llama3-3-70b-instruct-v1:0

            """ + Self.function)
        #expect(found == ["regions[1]: model \"meta.llama3-3-70b-instruct-v1:0\" has no system-defined inference "
            + "profile callable from \"sa-east-1\"; its profiles (us.meta.llama3-3-70b-instruct-v1:0) are callable "
            + "from: us-east-1, us-east-2, us-west-2"])
    }

    @Test func unknownModelsAndRegionsGetSuggestions() throws {
        let found = try issues("""
            name: chat
            team: cx
            pattern: lambda-bedrock-inference-profile
            regions: [us-east-9]
            properties:
              bedrockModelId: amazon.nova-pro

            """ + Self.function)
        #expect(found == [
            "regions[0]: Region \"us-east-9\" is not in the catalog (did you mean \"us-east-1\" or \"us-east-2\"?); "
                + "`deploycat catalog regions` lists the Regions",
            "properties.bedrockModelId: model \"amazon.nova-pro\" is not in the catalog (did you mean "
                + "\"amazon.nova-pro-v1:0\"?); `deploycat catalog models` lists the models",
        ])
    }

    @Test func tagRulesAreEnforced() throws {
        let found = try issues(Self.base + """

            tags:
              aws:owner: me
              deploycat:app: other
              "bad#key": x
              long: \(String(repeating: "v", count: 257))
            properties:
              bedrockModelId: amazon.nova-pro-v1:0

            """ + Self.function)
        #expect(found == [
            "tags.aws:owner: the \"aws:\" prefix is reserved for AWS",
            "tags.bad#key: the key holds \"#\"; a tag key may hold only letters, digits, spaces and _ . : / = + - @",
            "tags.deploycat:app: the \"deploycat:\" prefix is reserved: deploycat sets deploycat:app, deploycat:stage, deploycat:team itself",
            "tags.long: the value is 257 characters; a tag value may have at most 256",
        ])
    }

    @Test func namesAndProfileFieldsFollowAWSRules() throws {
        let found = try issues("""
            name: Chat--Bot
            team: cx
            pattern: application-inference-profile
            regions: [us-east-1]
            properties:
              inferenceProfileName: "bad  name"
              modelSource:
                foundationModel: amazon.titan-embed-text-v2:0
                crossRegion: { geography: us, model: amazon.nova-pro-v1:0 }
              grantTo: [arn:aws:iam::123:role/x]

            """)
        #expect(found == [
            "name: \"Chat--Bot\" is not an app name: \(AppNaming.rule)",
            "properties.inferenceProfileName: \"bad  name\" is not a profile name: \(ProfileNaming.nameRule)",
            "properties.modelSource: give either foundationModel (one Region) or crossRegion (a system-defined profile), not both",
            "properties.grantTo[0]: \"arn:aws:iam::123:role/x\" is not an IAM role ARN such as \"arn:aws:iam::123456789012:role/reporting\"",
        ])
    }

    @Test func anExistingProfileMustSayWhereItRoutesAndLivesInItsRegion() throws {
        let found = try issues("""
            name: shared
            team: cx
            pattern: application-inference-profile
            regions: [us-east-1, us-west-2]
            properties:
              existingProfileArn: arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123
              description: ignored

            """)
        #expect(found == [
            "regions: the existing profile is in \"us-east-1\", so regions must be [us-east-1]",
            "properties.description: applies to a profile deploycat creates; the existing profile keeps its own",
            "properties.modelSource: is required (so the catalog knows where the existing profile routes): "
                + "{ foundationModel: ID } or { crossRegion: { geography: G, model: ID } }",
        ])
    }

    @Test func copyFromIsSetByDeploycat() {
        #expect {
            try spec(Self.base + "\nproperties:\n  bedrockModelId: amazon.nova-pro-v1:0\n  inferenceProfileProps:\n"
                + "    copyFrom: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0\n" + Self.function)
        } throws: { error in
            "\(error)".contains("properties.inferenceProfileProps.copyFrom (line 8): is set by deploycat from bedrockModelId")
        }
    }

    @Test func unknownKeysSuggestTheClosestName() {
        #expect {
            try spec(Self.base + "\nproperties:\n  bedrockModelID: amazon.nova-pro-v1:0\n" + Self.function)
        } throws: { error in
            "\(error)".contains("properties.bedrockModelID (line 6): unknown key \"bedrockModelID\" (did you mean \"bedrockModelId\"?)")
        }
    }

    @Test func functionSettingsAreChecked() throws {
        let found = try issues(Self.base + """

            properties:
              bedrockModelId: amazon.nova-pro-v1:0
              inferenceProfileEnvironmentVariableName: BEDROCK_MODEL
              lambdaFunctionProps:
                runtime: java21
                memorySize: 64
                timeout: 901
                architecture: arm
                environment: { AWS_REGION: x, BEDROCK_MODEL: y }
                code: { inline: "class A {}" }

            """)
        #expect(found == [
            "properties.lambdaFunctionProps.handler: is required, such as \"index.handler\"",
            "properties.lambdaFunctionProps.code.inline: inline code works only with Node.js and Python runtimes; "
                + "put java21 code in S3 (s3Bucket, s3Key)",
            "properties.lambdaFunctionProps.memorySize: 64 is outside 128 to 10240 (MB)",
            "properties.lambdaFunctionProps.timeout: 901 is outside 1 to 900 (seconds)",
            "properties.lambdaFunctionProps.architecture: \"arm\" is not one of arm64, x86_64",
            "properties.inferenceProfileEnvironmentVariableName: \"BEDROCK_MODEL\" is also the model's variable; give them different names",
            "properties.lambdaFunctionProps.environment.AWS_REGION: AWS_REGION is reserved by Lambda",
            "properties.lambdaFunctionProps.environment.BEDROCK_MODEL: deploycat sets BEDROCK_MODEL to the model or profile; rename it",
        ])
    }

    @Test func anotherAppsProfileMustMatchModelAndRegions() throws {
        let shared = try spec("""
            name: shared
            team: data
            pattern: application-inference-profile
            regions: [us-east-1]
            properties:
              modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } }
            """)
        let validator = AppSpecValidator(catalog: try DefaultCatalog.snapshot(), apps: ["shared": shared])
        let user = try spec("""
            name: user
            team: data
            pattern: lambda-bedrock-inference-profile
            regions: [us-east-1, us-west-2]
            properties:
              bedrockModelId: amazon.nova-lite-v1:0
              inferenceProfileApp: shared
              deployCrossRegionProfile: false

            """ + Self.function)
        #expect(validator.issues(user).map(\.description) == [
            "properties.bedrockModelId: app \"shared\"'s profile routes to \"amazon.nova-pro-v1:0\", not \"amazon.nova-lite-v1:0\"",
            "regions[1]: app \"shared\" has no profile in \"us-west-2\"; its Regions: us-east-1",
            "properties.deployCrossRegionProfile: does not apply: the profile of app \"shared\" is used as it is, "
                + "routing as its modelSource says",
        ])
        let unknown = try spec(Self.base + "\nproperties:\n  bedrockModelId: amazon.nova-pro-v1:0\n  inferenceProfileApp: sharde\n"
            + Self.function)
        #expect(validator.issues(unknown).map(\.description) == [
            "properties.inferenceProfileApp: app \"sharde\" is not in the catalog (did you mean \"shared\"?); "
                + "`deploycat apps list` lists the apps",
        ])
    }

    @Test func attachedResourcesMustBeInTheDeploymentAccount() throws {
        let found = try issues("""
            name: shared
            team: data
            pattern: application-inference-profile
            regions: [us-east-1]
            account: "111122223333"
            properties:
              modelSource: { crossRegion: { geography: us, model: amazon.nova-pro-v1:0 } }
              grantTo: [arn:aws:iam::111122223333:role/ok, arn:aws:iam::999988887777:role/elsewhere]
            """)
        #expect(found == ["properties.grantTo[1]: is in account 999988887777, not 111122223333 (the spec's account); "
            + "a stack can attach policies only in its own account"])
        let lambda = try issues(Self.base + """

            properties:
              bedrockModelId: amazon.nova-pro-v1:0
              existingLambdaArn: arn:aws:lambda:us-east-1:111122223333:function:chat
              existingLambdaRoleArn: arn:aws:iam::444455556666:role/chat-role
            """)
        #expect(lambda == ["properties.existingLambdaRoleArn: is in account 444455556666, not 111122223333 (account of "
            + "properties.existingLambdaArn); a stack can attach policies only in its own account"])
    }
}
