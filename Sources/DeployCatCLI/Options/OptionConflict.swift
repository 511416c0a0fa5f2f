/// Options that cannot be used together: reported on one line, without the usage text that
/// ArgumentParser adds to a `ValidationError`.
struct OptionConflict: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
