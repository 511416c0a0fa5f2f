// The fuzz build's stand-in for swift-crypto's SHA256, which BillingExportReader uses for the
// key of a row without a line item id: FNV-1a, 16 bytes. Keys matter to the store, not to reading.
struct SHA256 {
    private var low: UInt64 = 0xCBF2_9CE4_8422_2325
    private var high: UInt64 = 0x8422_2325_CBF2_9CE4

    mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        for byte in bufferPointer {
            low = (low ^ UInt64(byte)) &* 0x100_0000_01B3
            high = (high ^ UInt64(byte)) &* 0x100_0000_01B3 &+ low
        }
    }

    func finalize() -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: low >> ($0 * 8)) } + (0..<8).map { UInt8(truncatingIfNeeded: high >> ($0 * 8)) }
    }
}
