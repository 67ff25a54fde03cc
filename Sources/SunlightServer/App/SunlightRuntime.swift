import Foundation
import Logging
import SunlightCore
import SunlightStore
import Vapor

/// Entry points for the `sunlight` command: run the server, or use the use cases directly
/// (console actor) against the configured database.
public enum SunlightRuntime {
    /// Opens and migrates the configured database, runs `body` with the use cases, and closes it.
    public static func withSunlight<T: Sendable>(_ configuration: ServerConfiguration, updateWitness: Bool = true,
                                                 _ body: (Sunlight, StoreHost) async throws -> T) async throws -> T {
        let host = try StoreHost(configuration.store)
        do {
            try await host.migrate()
            let sunlight = try configuration.makeSunlight(store: host.store)
            try await sunlight.prepareReadModels()
            let result = try await body(sunlight, host)
            if updateWitness { try await WitnessFile.update(from: host.store, dataDirectory: configuration.dataDirectory) }
            await host.shutdown()
            return result
        } catch {
            await host.shutdown()
            throw error
        }
    }

    /// Serves HTTP until the process is interrupted. `prepare` runs after migration and before
    /// the port is opened (the demo seeds its data there and prints its banner).
    public static func serve(_ configuration: ServerConfiguration,
                             prepare: @escaping @Sendable (Sunlight) async throws -> Void = { _ in }) async throws {
        let environment = configuration.development ? .development : Environment(name: "production", arguments: ["sunlight", "serve"])
        let app = try await Application.make(environment)
        do {
            try await SunlightApp.configure(app, configuration)
            try await prepare(app.sunlight)
            try await app.execute()
            let blobs = app.blobStore
            try await app.asyncShutdown()
            // The server has stopped; an upload it cut off leaves no temporary file (issue 15 item 13).
            blobs.removeUnfinishedUploads()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
