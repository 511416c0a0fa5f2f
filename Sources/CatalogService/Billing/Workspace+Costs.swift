extension Workspace {
    /// Actual costs from billing exports.
    public var costs: CostService { CostService(repository: apps.repository) }
}
