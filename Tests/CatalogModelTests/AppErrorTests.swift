import CatalogModel
import Testing

/// Messages that name other apps agree in number with them.
@Suite struct AppErrorWordingTests {
    @Test func aProfileInUseNamesItsUsers() {
        #expect(AppError.profileInUse(app: "shared", users: ["chat"]).description
            == "app \"shared\" cannot be deleted: app chat uses its profile (inferenceProfileApp); change or delete it first")
        #expect(AppError.profileInUse(app: "shared", users: ["chat", "search"]).description
            == "app \"shared\" cannot be deleted: apps chat, search use its profile (inferenceProfileApp); change or "
                + "delete them first")
    }
}
