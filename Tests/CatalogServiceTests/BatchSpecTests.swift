import CatalogModel
import CatalogService
import CatalogStore
import CatalogTestSupport
import Foundation
import Testing

/// `bedrock-batch-stepfn` specs: every problem named with its field and what is allowed.
@Suite struct BatchSpecTests {
    let folder = try! TemporaryDirectory()

    func validation(_ properties: String, catalog: CatalogSnapshot? = nil) throws -> AppSpecValidator.Validation {
        let file = folder.path("spec-\(UUID().uuidString).yaml")
        try ("name: claims\nteam: ops\npattern: bedrock-batch-stepfn\nregions: [us-east-1]\nproperties:\n" + properties)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let spec = try SpecReader().specs([file])[0]
        return AppSpecValidator(catalog: try catalog ?? DefaultCatalog.snapshot()).validate(spec)
    }

    func issues(_ properties: String, catalog: CatalogSnapshot? = nil) throws -> [String] {
        try validation(properties, catalog: catalog).issues.map(\.description)
    }

    @Test func theExampleHasNoIssues() throws {
        let spec = try SpecReader().specs([PackagePaths.root.appendingPathComponent("examples/claims-batch.yaml").path])[0]
        #expect(AppSpecValidator(catalog: try DefaultCatalog.snapshot()).issues(spec) == [])
    }

    @Test func bucketsTimeoutPolicyAndPrefixFollowAWSRules() throws {
        let found = try issues("""
              modelId: us.amazon.nova-pro-v1:0
              inputBucket: Claims_Input
              outputBucket: ab
              timeout: 12h
              batchPolicyArn: arn:aws:iam::123456789012:role/not-a-policy
              jobNamePrefix: test_job
              maxConcurrentJobs: 0

            """)
        #expect(found == [
            "properties.inputBucket: \"Claims_Input\" is not an S3 bucket name: \(S3Object.bucketRule)",
            "properties.outputBucket: \"ab\" is not an S3 bucket name: \(S3Object.bucketRule)",
            "properties.timeout: is 12 hours; a batch job may run 24 to 168 hours",
            "properties.batchPolicyArn: \"arn:aws:iam::123456789012:role/not-a-policy\" is not a managed policy ARN such as "
                + "\"arn:aws:iam::123456789012:policy/batch-inputs\"",
            "properties.jobNamePrefix: \"test_job\" is not a job name prefix: 1 to 32 letters, digits, -, + and ., "
                + "starting with a letter or digit (Bedrock's job names allow no _ or spaces)",
            "properties.maxConcurrentJobs: 0 is outside 1 to 50",
        ])
    }

    @Test(arguments: [("2d", 48), ("168h", 168), ("7d", 168), ("24h", 24)])
    func durationsInHoursOrDays(timeout: String, hours: Int) throws {
        let validation = try validation("  modelId: us.amazon.nova-pro-v1:0\n  timeout: \(timeout)\n")
        #expect(validation.issues == [])
        #expect(BedrockBatchProperties(model: "m").hours == 48)
        var properties = BedrockBatchProperties(model: "m")
        properties.timeout = timeout
        #expect(properties.hours == hours)
    }

    @Test(arguments: ["48", "2 days", "h", "-1d", "1.5d", "8d"])
    func otherDurationsAreRefused(timeout: String) throws {
        let found = try issues("  modelId: us.amazon.nova-pro-v1:0\n  timeout: \"\(timeout)\"\n")
        #expect(found.count == 1 && found[0].hasPrefix("properties.timeout: "))
    }

    @Test func aModelThatTakesNoBatchJobsIsRefused() throws {
        var catalog = try DefaultCatalog.snapshot()
        catalog.models["amazon.nova-pro-v1:0"]?.batch = false
        #expect(try issues("  modelId: us.amazon.nova-pro-v1:0\n", catalog: catalog) == [
            "properties.modelId: model \"amazon.nova-pro-v1:0\" does not take batch inference jobs, as the catalog says "
                + "(`deploycat catalog model amazon.nova-pro-v1:0`)",
        ])
    }

    @Test func unknownBatchSupportIsAWarningNotAnError() throws {
        var catalog = try DefaultCatalog.snapshot()
        catalog.models["amazon.nova-pro-v1:0"]?.batch = nil
        let validation = try validation("  modelId: us.amazon.nova-pro-v1:0\n", catalog: catalog)
        #expect(validation.issues == [])
        #expect(validation.resolutions["us-east-1"]?.warnings == [
            "the catalog does not say whether amazon.nova-pro-v1:0 takes batch inference jobs; Bedrock may refuse them "
                + "(set batch for it with `deploycat catalog apply`)",
        ])
    }

    @Test func aModelIdCallsTheModelInTheRegionAndAProfileIdThroughTheProfile() throws {
        // Nova Pro is offered in us-east-1 only through profiles: the error names the profile to use.
        #expect(try issues("  modelId: amazon.nova-pro-v1:0\n") == ["properties.modelId: model \"amazon.nova-pro-v1:0\" is "
            + "not offered on demand in \"us-east-1\", so its batch jobs there go through a cross-Region profile: name one "
            + "as modelId: us.amazon.nova-pro-v1:0"])
        let elsewhere = try issues("  modelId: eu.amazon.nova-pro-v1:0\n")
        #expect(elsewhere.count == 1 && elsewhere[0].hasPrefix("properties.modelId: in \"us-east-1\": "))
        let unknownProfile = try issues("  modelId: eu.amazon.nova-pro-v9:0\n")
        #expect(unknownProfile == ["properties.modelId: \"eu.amazon.nova-pro-v9:0\" is not a system-defined profile of "
            + "the catalog; `deploycat catalog profiles --model amazon.nova-pro-v9:0` lists that model's profiles"])
        let resolution = try #require(try validation("  modelId: us.amazon.nova-pro-v1:0\n").resolutions["us-east-1"])
        #expect(resolution.profileId == "us.amazon.nova-pro-v1:0" && resolution.modelId == "amazon.nova-pro-v1:0")
    }
}
