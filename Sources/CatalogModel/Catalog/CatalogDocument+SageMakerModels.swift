extension CatalogDocument {
    /// Adds and updates SageMaker models: each field is checked against the form AWS accepts.
    func mergeSageMakerModels(into snapshot: inout CatalogSnapshot, _ issues: inout IssueCollector) {
        for (index, entry) in sagemakerModels.enumerated() {
            let at = "sagemakerModels[\(index)]"
            let named = issues.check(entry.name, at: "\(at).name", Identifiers.isSageMakerName,
                                     "a SageMaker model name: \(Identifiers.sageMakerNameRule)")
            if let image = entry.image {
                issues.check(image, at: "\(at).image", { ContainerImage($0) != nil }, ContainerImage.rule)
            }
            if let url = entry.modelDataUrl {
                issues.check(url, at: "\(at).modelDataUrl", { S3Object($0) != nil }, S3Object.rule)
            }
            if let type = entry.defaultInstanceType {
                issues.check(type, at: "\(at).defaultInstanceType", Identifiers.isSageMakerInstanceType,
                             Identifiers.sageMakerInstanceTypeRule)
            }
            issues.checkText(entry.description, at: "\(at).description")
            guard named else { continue }
            var model: SageMakerModel
            if let existing = snapshot.sagemakerModels[entry.name] {
                model = existing
            } else if let image = entry.image {
                model = SageMakerModel(name: entry.name, image: image)
            } else {
                issues.add("\(at).image", "a new SageMaker model needs an image: \(ContainerImage.rule)")
                continue
            }
            model.image = entry.image ?? model.image
            model.modelDataUrl = entry.modelDataUrl ?? model.modelDataUrl
            model.defaultInstanceType = entry.defaultInstanceType ?? model.defaultInstanceType
            model.description = entry.description ?? model.description
            snapshot.sagemakerModels[entry.name] = model
        }
    }
}
