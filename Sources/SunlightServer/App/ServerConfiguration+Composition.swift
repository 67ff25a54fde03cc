import Foundation
import SunlightCore
import SunlightStore

extension ServerConfiguration {
    /// The use cases on `store`, composed from this configuration — the one place the server
    /// (``SunlightApp/configure(_:_:clock:secrets:)``) and the command line
    /// (``SunlightRuntime/withSunlight(_:updateWitness:_:)``) build them: the clock (the demo's
    /// pinned day or the machine's), Bcrypt at the configured cost, the log's key, the file
    /// store and the local settings.
    /// `integration` is ``LedgerIntegration/sequenced`` only for a running server, which also
    /// runs the integrator (``LogIntegrator``); a command places its entries as it commits.
    func makeSunlight(store: any Store, clock: (any SunlightCore.Clock)? = nil,
                      secrets: any SecretGenerator = SystemSecretGenerator(), blobs: FileBlobStore? = nil,
                      integration: LedgerIntegration = .atCommit) throws -> Sunlight {
        var ledger = try resolvedLedger()
        ledger.integration = integration
        return Sunlight(store: store, clock: clock ?? makeClock(),
                        passwords: try BcryptPasswordHasher(cost: bcryptCost), secrets: secrets,
                        ledger: ledger, blobs: try blobs ?? makeBlobStore(), settings: settings)
    }
}
