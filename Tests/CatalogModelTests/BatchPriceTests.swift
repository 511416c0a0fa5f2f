import CatalogModel
import Foundation
import Testing

/// What a batch job on a model costs, as cost estimates and `catalog model` show it.
@Suite struct BatchPriceTests {
    func model(batch: Bool?, _ price: ModelPrice?) -> FoundationModel {
        FoundationModel(id: "amazon.nova-pro-v1:0", provider: "Amazon", price: price, batch: batch)
    }

    @Test func aListedBatchPriceIsUsedAsItStands() throws {
        let price = ModelPrice(inputPer1k: 0.00033, outputPer1k: 0.00275, batchInputPer1k: 0.0001595,
                               batchOutputPer1k: 0.001342)
        #expect(model(batch: true, price).batchPrice
            == BatchPrice(inputPer1k: Decimal(string: "0.0001595"), outputPer1k: Decimal(string: "0.001342"), basis: .listed))
    }

    @Test func withoutAListedPriceBatchCostsHalfTheOnDemandPriceToTheDigit() throws {
        let batch = try #require(model(batch: true, ModelPrice(inputPer1k: 0.0008, outputPer1k: 0.0032)).batchPrice)
        #expect(batch == BatchPrice(inputPer1k: Decimal(string: "0.0004"), outputPer1k: Decimal(string: "0.0016"),
                                    basis: .onDemandDiscount))
        // 10,000 input and 1,000 output tokens per record, 100 records a job, 300 jobs a month: $168.00
        let monthly = (Decimal(10_000) * batch.inputPer1k! + Decimal(1_000) * batch.outputPer1k!) / 1000 * 100 * 300
        #expect(monthly == Decimal(168))
    }

    @Test func anEmbeddingModelHasNoOutputPriceInBatchEither() {
        #expect(model(batch: true, ModelPrice(inputPer1k: 0.00002, outputPer1k: nil)).batchPrice
            == BatchPrice(inputPer1k: Decimal(string: "0.00001"), outputPer1k: nil, basis: .onDemandDiscount))
    }

    @Test func noBatchPriceIsGuessed() {
        let onDemand = ModelPrice(inputPer1k: 0.0008, outputPer1k: 0.0032)
        // Unknown support, no support, or no price at all: no batch price.
        #expect(model(batch: nil, onDemand).batchPrice == nil)
        #expect(model(batch: false, onDemand).batchPrice == nil)
        #expect(model(batch: true, nil).batchPrice == nil)
        #expect(model(batch: false, ModelPrice(inputPer1k: 0.0008, outputPer1k: 0.0032, batchInputPer1k: 0.0004))
            .batchPrice == nil)
    }

    @Test func aListedBatchPriceStandsWhereSupportIsUnstated() {
        #expect(model(batch: nil, ModelPrice(inputPer1k: nil, outputPer1k: nil, batchInputPer1k: 0.0004)).batchPrice
            == BatchPrice(inputPer1k: Decimal(string: "0.0004"), outputPer1k: nil, basis: .listed))
    }
}
