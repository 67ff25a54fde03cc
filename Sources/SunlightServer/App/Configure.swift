import Fluent
import Foundation
import Leaf
import LeafKit
import SunlightCore
import SunlightStore
import Vapor

/// The one place that wires Sunlight into a Vapor application: database, migrations,
/// templates, middleware, routes and the use cases.
public enum SunlightApp {
    /// Configures `app`; migrates the database to the newest schema. The use cases run on
    /// `clock`, else on the configuration's (the demo's pinned day, or the machine's clock).
    public static func configure(_ app: Application, _ configuration: ServerConfiguration, clock: (any SunlightCore.Clock)? = nil,
                                 secrets: any SecretGenerator = SystemSecretGenerator()) async throws {
        app.sunlightConfiguration = configuration
        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        app.http.server.configuration.serverName = "sunlight"
        // A stalled client is cut off (its upload removed); a stop does not wait on one (issue 15 item 13).
        app.http.server.configuration.idleTimeout = .seconds(Int64(configuration.idleTimeout))
        app.http.server.configuration.shutdownTimeout = .seconds(Int64(configuration.shutdownGrace))
        app.routes.defaultMaxBodySize = ByteCount(integerLiteral: configuration.maxBodyBytes)

        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        ContentConfiguration.global.use(encoder: encoder, for: .json)
        ContentConfiguration.global.use(decoder: decoder, for: .json)

        try configuration.store.register(on: app.databases)
        try configuration.readReplica?.registerReplica(on: app.databases)
        SunlightMigrations.register(on: app.migrations)
        try await StoreHost.migrate(app.databases, migrations: app.migrations, configuration: configuration.store,
                                    logger: app.logger, on: app.eventLoopGroup.any())

        guard let views = Bundle.module.resourceURL?.appendingPathComponent("Views").path else {
            preconditionFailure("模板资源缺失")
        }
        app.views.use(.leaf)
        app.leaf.configuration = LeafConfiguration(rootDirectory: views + "/")
        app.leaf.sources = LeafSources.singleSource(NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views + "/", viewDirectory: views + "/"))
        app.leaf.cache.isEnabled = app.environment != .development

        app.middleware = Middlewares()
        let metrics = RequestMetrics()
        app.requestMetrics = metrics
        app.middleware.use(RequestObservationMiddleware(metrics: metrics, logger: app.logger))
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(SunlightErrorMiddleware(maxBodyBytes: configuration.maxBodyBytes))
        app.middleware.use(URITooLongMiddleware())

        let blobs = try configuration.makeBlobStore()
        blobs.removeAbandonedUploads()
        app.blobStore = blobs
        let store = FluentStore(databases: app.databases, logger: app.logger, writeGate: WriteGate())
        let integrating = configuration.logIntegrationMilliseconds > 0
        app.sunlight = try configuration.makeSunlight(store: store, clock: clock, secrets: secrets, blobs: blobs,
                                                      integration: integrating ? .sequenced : .atCommit)
        try await app.sunlight.prepareReadModels()
        if configuration.readReplica != nil {
            app.publicSunlight = try configuration.makeSunlight(
                store: FluentStore(databases: app.databases, replica: StoreConfiguration.replicaID, logger: app.logger),
                clock: clock, secrets: secrets, blobs: blobs, integration: integrating ? .sequenced : .atCommit)
        }
        let keeper = WitnessKeeper(store: store, dataDirectory: configuration.dataDirectory, witnesses: configuration.witnesses,
                                   transport: HTTPWitnessTransport(client: app.client))
        app.witnessKeeper = keeper
        app.lifecycle.use(keeper)
        if integrating {
            // Registered after the keeper, so it stops first and its last batch is in the keeper's last checkpoint file.
            app.lifecycle.use(LogIntegrator(sunlight: app.sunlight, interval: .milliseconds(Int64(configuration.logIntegrationMilliseconds))))
        }
        if let url = configuration.upstreamURL {
            // The key the use cases sign with, read once above.
            let keyID = app.sunlight.ledger.verifier.verifierKey
            app.lifecycle.use(UpstreamPusher(platform: HTTPUpstreamPlatform(url: url, client: app.client, keyID: keyID),
                                             interval: configuration.upstreamInterval, retry: configuration.upstreamRetry))
        }
        registerRoutes(app)
        app.middleware.use(MethodNotAllowedMiddleware(table: RouteMethodTable(app.routes)))
    }
}
