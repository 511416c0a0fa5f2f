import CatalogModel
import Foundation
import Testing

@Suite struct CatalogDocumentTests {
    func document(_ json: String) throws -> CatalogDocument {
        try JSONDecoder().decode(CatalogDocument.self, from: Data(json.utf8))
    }

    @Test func anEntryChangesOnlyTheFieldsItNames() throws {
        var catalog = TestCatalog.snapshot
        try document("""
            {"models": [{"id": "\(TestCatalog.nova)", "lifecycle": "LEGACY", "legacyDate": "2026-12-01"}]}
            """).merge(into: &catalog)
        let model = try #require(catalog.models[TestCatalog.nova])
        #expect(model.lifecycle == .legacy)
        #expect(model.legacyDate == "2026-12-01")
        #expect(model.regions == ["us-east-1"])
        #expect(model.provider == "Amazon")
    }

    @Test func newEntriesAreAddedAndRoutesReplacedPerSource() throws {
        var catalog = TestCatalog.snapshot
        let profileId = "us.\(TestCatalog.haiku45)"
        try document("""
            {"regions": [{"code": "eu-west-3", "name": "Europe (Paris)"}],
             "models": [{"id": "mistral.large-3", "provider": "Mistral AI", "regions": ["eu-west-3"]}],
             "prices": [{"modelId": "mistral.large-3", "inputPer1k": 0.0005, "outputPer1k": 0.0015}],
             "profiles": [{"id": "\(profileId)", "routes": {"us-east-1": ["us-east-1"], "us-west-1": []}}]}
            """).merge(into: &catalog)
        #expect(catalog.regions["eu-west-3"] == Region(code: "eu-west-3", name: "Europe (Paris)", partition: "aws",
                                                      bedrock: true))
        #expect(catalog.models["mistral.large-3"]?.price == ModelPrice(inputPer1k: 0.0005, outputPer1k: 0.0015))
        #expect(catalog.profiles[profileId]?.routes == [
            "us-east-1": ["us-east-1"], "ca-central-1": ["ca-central-1", "us-east-1", "us-east-2", "us-west-2"],
        ])
    }

    @Test func everyProblemIsReportedWithItsFieldAndNothingChanges() throws {
        let original = TestCatalog.snapshot
        var catalog = original
        let bad = try document("""
            {"models": [{"id": "Bad Model"}, {"id": "cohere.new-model"}, {"id": "\(TestCatalog.nova)",
                          "regions": ["us-east-7"], "legacyDate": "soon"}],
             "prices": [{"modelId": "\(TestCatalog.nova)", "inputPer1k": -1}],
             "profiles": [{"id": "eu.\(TestCatalog.nova)", "model": "amazon.other-v1"}]}
            """)
        #expect(throws: InputError([
            InputIssue(field: "models[0].id", problem: "\"Bad Model\" is not \(Identifiers.modelIdRule)"),
            InputIssue(field: "models[1].provider", problem: "a new model needs a provider"),
            InputIssue(field: "models[2].legacyDate", problem: "\"soon\" is not a date as YYYY-MM-DD"),
            InputIssue(field: "models[2].regions[0]", problem: "Region \"us-east-7\" is not in the catalog "
                + "(did you mean \"us-east-1\" or \"us-east-2\"?); add it under \"regions\" with `deploycat catalog apply`"),
            InputIssue(field: "prices[0].inputPer1k", problem: "-1.0 is not a price in USD per 1,000 tokens (0 to 1000)"),
            InputIssue(field: "profiles[0].model", problem: "\"amazon.other-v1\" does not match the profile id, "
                + "which names \"\(TestCatalog.nova)\""),
        ])) {
            try bad.merge(into: &catalog)
        }
        #expect(catalog == original)
    }

    @Test func batchSupportAndBatchPricesAreSetPerModel() throws {
        var catalog = TestCatalog.snapshot
        try document("""
            {"models": [{"id": "\(TestCatalog.nova)", "batch": true}, {"id": "\(TestCatalog.haiku)", "batch": false}],
             "prices": [{"modelId": "\(TestCatalog.nova)", "inputPer1k": 0.0008, "outputPer1k": 0.0032,
                         "batchInputPer1k": 0.0004, "batchOutputPer1k": 0.0016}]}
            """).merge(into: &catalog)
        #expect(catalog.models[TestCatalog.nova]?.batch == true)
        #expect(catalog.models[TestCatalog.nova]?.price == ModelPrice(inputPer1k: 0.0008, outputPer1k: 0.0032,
                                                                      batchInputPer1k: 0.0004, batchOutputPer1k: 0.0016))
        #expect(catalog.models[TestCatalog.haiku]?.batch == false)
        #expect(catalog.models[TestCatalog.haiku]?.batchPrice == nil)
        // Leaving batch out keeps what the catalog had.
        try document(#"{"models": [{"id": "\#(TestCatalog.nova)", "lifecycle": "LEGACY"}]}"#).merge(into: &catalog)
        #expect(catalog.models[TestCatalog.nova]?.batch == true)
    }

    @Test func aPriceEntryIsTheModelsWholePrice() throws {
        var catalog = TestCatalog.snapshot
        catalog.models[TestCatalog.nova]?.batch = true
        catalog.models[TestCatalog.nova]?.price = ModelPrice(inputPer1k: 0.0008, outputPer1k: 0.0032,
                                                             batchInputPer1k: 0.0004, batchOutputPer1k: 0.0016)
        // A new on-demand price without batch prices: batch then costs half the new price.
        try document(#"{"prices": [{"modelId": "\#(TestCatalog.nova)", "inputPer1k": 0.001, "outputPer1k": 0.004}]}"#)
            .merge(into: &catalog)
        #expect(catalog.models[TestCatalog.nova]?.price == ModelPrice(inputPer1k: 0.001, outputPer1k: 0.004))
        #expect(catalog.models[TestCatalog.nova]?.batchPrice == BatchPrice(
            inputPer1k: Decimal(string: "0.0005"), outputPer1k: Decimal(string: "0.002"), basis: .onDemandDiscount))
    }

    @Test func badBatchPricesAndAModelWithoutBatchGivenOneAreErrors() throws {
        var catalog = TestCatalog.snapshot
        catalog.models[TestCatalog.sonnet]?.price = ModelPrice(inputPer1k: 0.003, outputPer1k: 0.015,
                                                               batchInputPer1k: 0.0015, batchOutputPer1k: 0.0075)
        let original = catalog
        let bad = try document("""
            {"models": [{"id": "\(TestCatalog.haiku)", "batch": false}, {"id": "\(TestCatalog.sonnet)", "batch": false}],
             "prices": [{"modelId": "\(TestCatalog.nova)", "inputPer1k": 0.0008, "batchInputPer1k": -0.0004,
                         "batchOutputPer1k": 1e9},
                        {"modelId": "\(TestCatalog.haiku)", "batchOutputPer1k": 0.000625}]}
            """)
        #expect(throws: InputError([
            InputIssue(field: "prices[0].batchInputPer1k", problem: "-0.0004 is not a price in USD per 1,000 tokens (0 to 1000)"),
            InputIssue(field: "prices[0].batchOutputPer1k",
                       problem: "1000000000.0 is not a price in USD per 1,000 tokens (0 to 1000)"),
            InputIssue(field: "prices[1].batchOutputPer1k", problem: "model \"\(TestCatalog.haiku)\" takes no batch jobs "
                + "(batch: false), so it has no batch price; leave out batchInputPer1k and batchOutputPer1k, or set the "
                + "model's batch: true under \"models\""),
            InputIssue(field: "models[1].batch", problem: "model \"\(TestCatalog.sonnet)\" has batch prices, so it takes "
                + "batch jobs; leave batch out, or give its price under \"prices\" without batchInputPer1k and "
                + "batchOutputPer1k"),
        ])) {
            try bad.merge(into: &catalog)
        }
        #expect(catalog == original)
    }

    @Test func unknownKeysAreRejectedWithTheClosestValidName() {
        #expect {
            try document(#"{"models": [{"id": "amazon.nova-pro-v1:0", "lifecyle": "LEGACY"}]}"#)
        } throws: { error in
            guard case let DecodingError.dataCorrupted(context) = error else { return false }
            return context.debugDescription.hasPrefix("unknown key \"lifecyle\" (did you mean \"lifecycle\"?)")
                && context.codingPath.map(\.stringValue) == ["models", "Index 0", "lifecyle"]
        }
    }

    @Test func enumValuesListWhatIsAllowed() {
        #expect {
            try document(#"{"models": [{"id": "amazon.nova-pro-v1:0", "lifecycle": "RETIRED"}]}"#)
        } throws: { error in
            guard case let DecodingError.dataCorrupted(context) = error else { return false }
            return context.debugDescription == "\"RETIRED\" is not allowed; use one of \"ACTIVE\", \"LEGACY\""
        }
    }
}
