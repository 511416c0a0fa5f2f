/// What deploycat knows about SageMaker hosting instance types.
enum SageMakerInstanceTypes {
    /// Families whose instances carry local NVMe storage without a `d` in their name.
    private static let localStorageFamilies: Set<String> = ["g5", "g6", "g6e", "gr6", "p5", "p5e", "p5en", "trn1", "trn1n"]

    /// Whether instances of `type` (`ml.g5.2xlarge`) store on local NVMe volumes, which the
    /// instance encrypts itself: SageMaker then refuses an endpoint configuration's `KmsKeyId`.
    /// A `d` among the family's attributes (`m5d`, `g4dn`, `p4d`) marks instance storage.
    static func hasLocalStorage(_ type: String) -> Bool {
        let parts = type.split(separator: ".")
        guard parts.count == 3 else { return false }
        let family = parts[1]
        if localStorageFamilies.contains(String(family)) { return true }
        let attributes = family.drop { !$0.isNumber }.drop { $0.isNumber }
        return attributes.contains("d")
    }
}

extension LambdaSageMakerEndpointProperties.Deployment {
    /// Whether deploycat encrypts the endpoint's storage with a KMS key (its own, or `kmsKeyArn`):
    /// instances with local storage encrypt it themselves and take no key.
    public var takesStorageKey: Bool { !SageMakerInstanceTypes.hasLocalStorage(instanceType) }
}
