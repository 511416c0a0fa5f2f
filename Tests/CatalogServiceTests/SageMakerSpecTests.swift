import CatalogModel
import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// `lambda-sagemaker-endpoint` specs: every problem named with its field and what is allowed.
@Suite struct SageMakerSpecTests {
    let folder = try! TemporaryDirectory()
    static let function = "  lambdaFunctionProps: { handler: index.handler, code: { inline: \"def handler(e, c): pass\" }, runtime: python3.12 }\n"
    static let image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/sentiment:1.0"

    func issues(_ properties: String, regions: String = "[us-east-1]", catalog: CatalogSnapshot? = nil) throws -> [String] {
        let file = folder.path("spec-\(UUID().uuidString).yaml")
        try ("name: scorer\nteam: ml\npattern: lambda-sagemaker-endpoint\nregions: \(regions)\nproperties:\n" + properties)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let spec = try SpecReader().specs([file])[0]
        return AppSpecValidator(catalog: try catalog ?? DefaultCatalog.snapshot()).issues(spec).map(\.description)
    }

    @Test func theExampleHasNoIssues() throws {
        let spec = try SpecReader().specs([PackagePaths.root.appendingPathComponent("examples/review-sentiment.yaml").path])[0]
        #expect(AppSpecValidator(catalog: try DefaultCatalog.snapshot()).issues(spec) == [])
    }

    @Test(arguments: [
        "docker.io/library/python:3.12",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/Sentiment:1.0",
        "12345.dkr.ecr.us-east-1.amazonaws.com/sentiment:1.0",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/sentiment@sha256:short",
    ])
    func anImageOutsideECRIsRefusedWithTheExpectedForm(image: String) throws {
        let found = try issues("  modelProps: { primaryContainer: { image: \"\(image)\" } }\n" + Self.function)
        #expect(found == ["properties.modelProps.primaryContainer.image: \"\(image)\" is not \(ContainerImage.rule)"])
    }

    @Test(arguments: ["https://bucket.s3.amazonaws.com/model.tar.gz", "s3://bucket", "s3://bucket/", "s3://Bucket/model.tar.gz",
                      "s3://bucket/models/*"])
    func aModelDataUrlMustNameOneS3Object(url: String) throws {
        let found = try issues("  modelProps: { primaryContainer: { image: \(Self.image), modelDataUrl: \"\(url)\" } }\n"
            + Self.function)
        #expect(found == ["properties.modelProps.primaryContainer.modelDataUrl: \"\(url)\" is not \(S3Object.rule)"])
    }

    /// SageMaker pulls images of any account, but only from the endpoint's Region.
    @Test func anImageOfAnotherAccountIsAllowedButNotOfAnotherRegion() throws {
        let properties = """
              modelProps:
                primaryContainer:
                  image: 763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-cpu-py310
                  modelDataUrl: s3://models/a/model.tar.gz

            """ + Self.function
        #expect(try issues(properties) == [])
        #expect(try issues(properties, regions: "[us-east-1, eu-west-1]") == [
            "properties.modelProps.primaryContainer.image: the image is in \"us-east-1\", but SageMaker takes images (and "
                + "model artifacts) only from the endpoint's own Region: copy it to eu-west-1 and make one app per Region, "
                + "or deploy to us-east-1 only",
        ])
    }

    @Test func anExistingEndpointAndModelPropsAreNamedTogether() throws {
        let found = try issues("""
              existingSagemakerEndpointName: scoring
              modelProps:
                primaryContainer: { image: \(Self.image) }
                executionRoleArn: arn:aws:iam::123456789012:role/sm
              endpointConfigProps: { instanceType: ml.m5.large }

            """ + Self.function)
        #expect(found == [
            "properties.modelProps.primaryContainer: give either existingSagemakerEndpointName (an endpoint made "
                + "elsewhere) or modelProps.primaryContainer (deploycat creates the model, its endpoint configuration and "
                + "endpoint), not both",
            "properties.modelProps.executionRoleArn: applies only to an endpoint deploycat creates, not to "
                + "existingSagemakerEndpointName",
            "properties.endpointConfigProps: applies only to an endpoint deploycat creates, not to existingSagemakerEndpointName",
        ])
    }

    @Test func networkIsolationAppliesOnlyToAnEndpointDeploycatCreates() throws {
        let off = "    enableNetworkIsolation: false\n"
        #expect(try issues("  modelProps:\n    primaryContainer: { image: \(Self.image) }\n" + off + Self.function) == [])
        #expect(try issues("  existingSagemakerEndpointName: scoring\n  modelProps:\n" + off + Self.function) == [
            "properties.modelProps.enableNetworkIsolation: applies only to an endpoint deploycat creates, not to "
                + "existingSagemakerEndpointName",
        ])
    }

    @Test func nothingToCallIsRefusedWithTheChoices() throws {
        let found = try issues(Self.function)
        #expect(found == ["properties: give modelProps.primaryContainer ({ image, modelDataUrl }), model (a SageMaker "
            + "model of the catalog) or existingSagemakerEndpointName"])
    }

    @Test func endpointSettingsFollowSageMaker() throws {
        let found = try issues("""
              modelProps: { primaryContainer: { image: \(Self.image) } }
              endpointConfigProps:
                instanceType: m5.xlarge
                initialInstanceCount: 0
                variantName: all_traffic
                kmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
              endpointProps: { endpointName: "-scorer" }

            """ + Self.function)
        #expect(found == [
            "properties.endpointConfigProps.instanceType: \"m5.xlarge\" is not a SageMaker instance type such as \"ml.m5.xlarge\"",
            "properties.endpointConfigProps.initialInstanceCount: 0 is below 1: an endpoint runs on at least one instance",
            "properties.endpointConfigProps.variantName: \"all_traffic\" is not a variant name: 1 to 63 letters, digits and "
                + "hyphens, starting and ending with a letter or digit",
            "regions: the KMS key is in \"eu-west-1\", so regions must be [eu-west-1]: an endpoint uses keys of its own Region",
            "properties.endpointProps.endpointName: \"-scorer\" is not an endpoint name: 1 to 63 letters, digits and "
                + "hyphens, starting and ending with a letter or digit",
        ])
    }

    @Test(arguments: ["ml.g5.2xlarge", "ml.m5d.xlarge", "ml.g4dn.xlarge", "ml.p4d.24xlarge"])
    func aKeyIsRefusedForInstancesWithLocalStorage(instanceType: String) throws {
        let found = try issues("""
              modelProps: { primaryContainer: { image: \(Self.image) } }
              endpointConfigProps:
                instanceType: \(instanceType)
                kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab

            """ + Self.function)
        #expect(found == ["properties.endpointConfigProps.kmsKeyArn: does not apply: \(instanceType) instances keep their "
            + "storage on local volumes that they encrypt themselves, and SageMaker refuses a KMS key for them"])
    }

    @Test func aRegionWithoutBedrockServesSageMaker() throws {
        // ap-east-1 (Hong Kong) has SageMaker but no Bedrock.
        let image = Self.image.replacingOccurrences(of: "us-east-1", with: "ap-east-1")
        let found = try issues("  modelProps: { primaryContainer: { image: \(image) } }\n" + Self.function,
                               regions: "[ap-east-1]")
        #expect(found == [])
    }

    @Test func aCatalogModelIsNamedInsteadOfAContainer() throws {
        var catalog = try DefaultCatalog.snapshot()
        catalog.sagemakerModels["sentiment-v2"] = SageMakerModel(
            name: "sentiment-v2", image: Self.image, modelDataUrl: "s3://models/sentiment/model.tar.gz",
            defaultInstanceType: "ml.c5.xlarge")
        #expect(try issues("  model: sentiment-v2\n" + Self.function, catalog: catalog) == [])
        #expect(try issues("  model: sentiment-v3\n" + Self.function, catalog: catalog) == [
            "properties.model: \"sentiment-v3\" is not a SageMaker model of the catalog (did you mean \"sentiment-v2\"?)",
        ])
        #expect(try issues("  model: churn\n" + Self.function, catalog: catalog) == [
            "properties.model: \"churn\" is not a SageMaker model of the catalog (`deploycat catalog sagemaker-models` "
                + "lists them)",
        ])
        #expect(try issues("  model: sentiment-v2\n" + Self.function, regions: "[eu-west-1]", catalog: catalog).first?
            .hasPrefix("properties.model: the image is in \"us-east-1\"") == true)
        #expect(try issues("  model: sentiment-v2\n  modelProps: { primaryContainer: { image: \(Self.image) } }\n"
            + Self.function, catalog: catalog) == [
            "properties.modelProps.primaryContainer: give either model (the catalog's SageMaker model \"sentiment-v2\") "
                + "or modelProps.primaryContainer, not both",
        ])
    }

    /// Two apps' endpoints of one name in one Region (and account) would collide at deploy.
    @Test func anEndpointNameTakenByAnotherAppInTheSameRegionIsRefused() throws {
        let review = try SpecReader().specs([PackagePaths.root.appendingPathComponent("examples/review-sentiment.yaml").path])[0]
        let file = folder.path("collide.yaml")
        try ("name: scorer\nteam: ml\npattern: lambda-sagemaker-endpoint\nregions: [us-east-1]\nproperties:\n"
            + "  modelProps: { primaryContainer: { image: \(Self.image) } }\n  endpointProps: { endpointName: review-sentiment }\n"
            + Self.function).write(toFile: file, atomically: true, encoding: .utf8)
        let spec = try SpecReader().specs([file])[0]
        let found = AppSpecValidator(catalog: try DefaultCatalog.snapshot(), apps: ["review-sentiment": review])
            .issues(spec).map(\.description)
        #expect(found == ["properties.endpointProps.endpointName: the SageMaker endpoint \"review-sentiment\" is also app "
            + "\"review-sentiment\"'s in us-east-1; endpoint names are unique per account and Region: give one of them "
            + "another endpointProps.endpointName"])
        var elsewhere = spec
        elsewhere.account = "123456789012"
        var theirs = review
        theirs.account = "210987654321"
        #expect(AppSpecValidator(catalog: try DefaultCatalog.snapshot(), apps: ["review-sentiment": theirs])
            .issues(elsewhere).isEmpty)
    }
}
