import ArgumentParser

extension Catalog {
    /// `deploycat catalog apply -f FILE`.
    struct CatalogApply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Add or update catalog entries from a YAML or JSON document.",
            discussion: """
                The document may hold regions, geographies, models, prices, profiles and sagemakerModels. \
                Each entry names its key (code, prefix, id, modelId, name) and the fields it sets; a new \
                entry must also give the fields the catalog needs (a name; a provider for a model; an image \
                for a SageMaker model). A price entry is the model's whole price: on demand and, where listed, \
                batch (batchInputPer1k, batchOutputPer1k); a model with batch: true and no batch price costs \
                half its on-demand price in batch. `-f -` reads standard input. \
                --dry-run shows every change and writes nothing; a change that would stop apps' specs \
                from checking out is refused unless --force.

                Example (catalog.yaml):
                  models:
                    - id: anthropic.claude-3-haiku-20240307-v1:0
                      lifecycle: LEGACY
                      legacyDate: 2026-12-01
                      batch: true
                  prices:
                    - modelId: amazon.nova-pro-v1:0
                      inputPer1k: 0.0008
                      outputPer1k: 0.0032
                      batchInputPer1k: 0.0004
                      batchOutputPer1k: 0.0016
                  profiles:
                    - id: eu.amazon.nova-pro-v1:0
                      routes:
                        eu-west-1: [eu-central-1, eu-west-1, eu-west-3]
                  sagemakerModels:
                    - name: churn-xgboost
                      image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7
                      modelDataUrl: s3://ml-artifacts/churn/model.tar.gz
                      defaultInstanceType: ml.m5.xlarge

                  deploycat catalog apply -f catalog.yaml
                """
        )

        @Option(name: .shortAndLong, help: "The catalog document (.yaml, .yml or .json; - for standard input).")
        var file: String

        @OptionGroup var change: ChangeOptions

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try change.run(database) { catalog, mode in try catalog.apply(file: file, mode: mode) }
        }
    }
}
