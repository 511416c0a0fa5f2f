/// Lambda runtimes deploycat accepts: those AWS supports today and has not scheduled to block
/// within the year. Inline code works only for Node.js and Python.
public enum LambdaRuntimes {
    /// The default: the newest Node.js runtime.
    public static let defaultRuntime = "nodejs24.x"

    public static let supported = [
        "nodejs22.x", "nodejs24.x",
        "python3.11", "python3.12", "python3.13", "python3.14",
        "java17", "java21", "java25",
        "dotnet8", "dotnet10",
        "ruby3.3", "ruby3.4",
        "provided.al2023",
    ]

    public static func isNodeJS(_ runtime: String) -> Bool { runtime.hasPrefix("nodejs") }

    /// Runtimes for which CloudFormation accepts inline (`ZipFile`) code.
    public static func acceptsInlineCode(_ runtime: String) -> Bool {
        runtime.hasPrefix("nodejs") || runtime.hasPrefix("python")
    }

    public static let architectures = ["arm64", "x86_64"]
}
