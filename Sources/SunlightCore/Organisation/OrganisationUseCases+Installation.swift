import Foundation

extension OrganisationUseCases {
    /// Whether this database already holds an installation: at least one organisation. `sunlight
    /// init` refuses to set up a second top organisation over it, and `sunlight demo` seeds only
    /// an empty database.
    public func isInstalled() async throws -> Bool {
        try await !store.organisations.all().isEmpty
    }
}
