import CatalogModel
import CatalogSynthesis
import Testing

/// What a `lambda-sagemaker-endpoint` template grants and creates, beyond its golden files.
@Suite struct SageMakerTemplateTests {
    func example() throws -> SynthesizedTemplate {
        let spec = try #require(try SynthesisFixtures.examples.first { $0.name == "review-sentiment" })
        return try SynthesisFixtures.template(spec, region: "us-east-1")
    }

    @Test func theExecutionRoleReadsOneObjectAndPullsFromOneRepository() throws {
        let statements = try example().body.statements
        #expect(statements["ReadModelArtifact"]?["Resource"] == [
            ["Fn::Sub": "arn:${AWS::Partition}:s3:::acme-ml-models/sentiment/distilbert-sst2/model.tar.gz"],
        ])
        #expect(statements["ReadModelArtifact"]?["Action"] == ["s3:GetObject"])
        // The image lives in AWS's account, not the stack's: the ARN names that account.
        #expect(statements["PullModelImage"]?["Resource"] == [
            ["Fn::Sub": "arn:${AWS::Partition}:ecr:us-east-1:763104351884:repository/huggingface-pytorch-inference"],
        ])
    }

    @Test func theFunctionInvokesItsOwnEndpointOnly() throws {
        let template = try example()
        #expect(template.body.statements["InvokeOwnEndpoint"]?["Resource"] == [["Ref": "Endpoint"]])
        #expect(template.body.statements["InvokeOwnEndpoint"]?["Action"] == ["sagemaker:InvokeEndpoint"])
        let variables = template.body.resources["Function"]?["Properties"]?["Environment"]?["Variables"]
        #expect(variables?["SAGEMAKER_ENDPOINT_NAME"] == ["Fn::GetAtt": ["Endpoint", "EndpointName"]])
    }

    @Test func theEndpointStorageKeyRotatesAndLetsTheRoleUseIt() throws {
        let resources = try example().body.resources
        let key = try #require(resources["EndpointKey"]?["Properties"])
        #expect(key["EnableKeyRotation"] == true)
        let statements = key["KeyPolicy"]?["Statement"]?.elements ?? []
        #expect(statements.contains { $0["Principal"]?["AWS"] == ["Fn::GetAtt": ["SageMakerRole", "Arn"]] })
        #expect(resources["EndpointConfig"]?["Properties"]?["KmsKeyId"] == ["Fn::GetAtt": ["EndpointKey", "Arn"]])
    }

    @Test func instancesWithLocalStorageGetNoKeyAndAGivenRoleGetsNoNewOne() throws {
        let spec = try #require(try SynthesisFixtures.edgeCases.first { $0.name == "llm-endpoint" })
        let template = try SynthesisFixtures.template(spec, region: "us-west-2")
        let resources = template.body.resources
        #expect(resources["EndpointKey"] == nil && resources["SageMakerRole"] == nil)
        #expect(resources["EndpointConfig"]?["Properties"]?["KmsKeyId"] == nil)
        #expect(resources["Model"]?["Properties"]?["ExecutionRoleArn"] == "arn:aws:iam::123456789012:role/sagemaker-llm")
        #expect(resources["S3GatewayEndpoint"]?["Properties"]?["RouteTableIds"] == ["rtb-0abc1234"])
        #expect(resources["Endpoint"]?["DependsOn"] == ["EndpointLogGroup", "S3GatewayEndpoint"])
        let variables = resources["Function"]?["Properties"]?["Environment"]?["Variables"]
        #expect(variables?["LLM_ENDPOINT"] == ["Fn::GetAtt": ["Endpoint", "EndpointName"]])
    }

    @Test func theModelRunsInTheFunctionsVpcWithNetworkInterfaceRightsOnlyThen() throws {
        let inVpc = try example()
        #expect(inVpc.body.resources["Model"]?["Properties"]?["VpcConfig"] != nil)
        #expect(inVpc.body.resources["SageMakerRole"]?["Properties"]?["Policies"]?.elements.count == 2)
        let spec = try SynthesisFixtures.spec("""
            name: plain-endpoint
            team: ml
            pattern: lambda-sagemaker-endpoint
            regions: [eu-west-1]
            properties:
              modelProps: { primaryContainer: { image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:2 } }
              lambdaFunctionProps: { handler: index.handler, runtime: python3.12, code: { inline: "x" } }
            """)
        let template = try SynthesisFixtures.template(spec, region: "eu-west-1")
        #expect(template.body.resources["Model"]?["Properties"]?["VpcConfig"] == nil)
        #expect(template.body.resources["SageMakerRole"]?["Properties"]?["Policies"]?.elements.count == 1)
        // No artifact: nothing in S3 to read.
        #expect(template.body.statements["ReadModelArtifact"] == nil)
        #expect(template.body.resources["EndpointConfig"]?["Properties"]?["ProductionVariants"]?.elements.first?["InstanceType"]
            == "ml.m4.xlarge")
    }

    /// The container makes no network calls of its own unless the spec says it must, and then
    /// the template says why checkov's check of it is skipped.
    @Test func theModelIsIsolatedFromTheNetworkUnlessTheSpecTurnsItOff() throws {
        let isolated = try example().body.resources["Model"]
        #expect(isolated?["Properties"]?["EnableNetworkIsolation"] == true)
        #expect(isolated?["Metadata"] == nil)
        let spec = try SynthesisFixtures.spec("""
            name: hub-model
            team: ml
            pattern: lambda-sagemaker-endpoint
            regions: [eu-west-1]
            properties:
              modelProps:
                primaryContainer: { image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/tgi:2, environment: { HF_MODEL_ID: org/model } }
                enableNetworkIsolation: false
              lambdaFunctionProps: { handler: index.handler, runtime: python3.12, code: { inline: "x" } }
            """)
        let model = try SynthesisFixtures.template(spec, region: "eu-west-1").body.resources["Model"]
        #expect(model?["Properties"]?["EnableNetworkIsolation"] == false)
        let skip = model?["Metadata"]?["checkov"]?["skip"]?.elements
        #expect(skip?.count == 1 && skip?.first?["id"] == "CKV_AWS_370")
        #expect(skip?.first?["comment"]?.text?.contains("enableNetworkIsolation: false") == true)
    }

    @Test func aCatalogModelSuppliesImageArtifactAndInstanceType() throws {
        var catalog = SynthesisFixtures.catalog
        catalog.sagemakerModels["sentiment-v2"] = SageMakerModel(
            name: "sentiment-v2", image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/sentiment:2.0",
            modelDataUrl: "s3://models-123456789012/sentiment/v2.tar.gz", defaultInstanceType: "ml.c5.xlarge")
        let spec = try SynthesisFixtures.spec("""
            name: catalog-scorer
            team: ml
            pattern: lambda-sagemaker-endpoint
            regions: [eu-west-1]
            properties:
              model: sentiment-v2
              lambdaFunctionProps: { handler: index.handler, runtime: python3.12, code: { inline: "x" } }
            """)
        let template = try SynthesisFixtures.template(spec, region: "eu-west-1", catalog: catalog)
        let model = template.body.resources["Model"]?["Properties"]?["PrimaryContainer"]
        #expect(model?["Image"] == "123456789012.dkr.ecr.eu-west-1.amazonaws.com/sentiment:2.0")
        #expect(model?["ModelDataUrl"] == "s3://models-123456789012/sentiment/v2.tar.gz")
        #expect(template.body.resources["EndpointConfig"]?["Properties"]?["ProductionVariants"]?.elements.first?["InstanceType"]
            == "ml.c5.xlarge")
        #expect(template.dependencies.sagemakerModels == ["sentiment-v2"])
    }
}
