import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix

/// A database opened outside any web application: for the store's own tests and tools.
///
/// The server opens the same configuration through Vapor's `app.databases`; both run
/// ``migrate(_:migrations:logger:on:)``.
public final class StoreHost: Sendable {
    public let configuration: StoreConfiguration
    public let databases: Databases
    let logger: Logger
    let writeGate = WriteGate()

    public init(_ configuration: StoreConfiguration, logger: Logger = Logger(label: "sunlight.store")) throws {
        self.configuration = configuration
        self.logger = logger
        self.databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        try configuration.register(on: databases)
    }

    public var database: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    public var store: FluentStore { FluentStore(databases: databases, logger: logger, writeGate: writeGate) }

    /// Prepares the database and runs every pending migration.
    public func migrate() async throws {
        let migrations = Migrations()
        SunlightMigrations.register(on: migrations)
        try await Self.migrate(databases, migrations: migrations, configuration: configuration, logger: logger,
                               on: MultiThreadedEventLoopGroup.singleton.any())
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }

    /// Prepares the database (WAL, schema) and runs every pending migration, in order.
    public static func migrate(_ databases: Databases, migrations: Migrations, configuration: StoreConfiguration,
                               logger: Logger, on eventLoop: any EventLoop) async throws {
        try await configuration.prepare(databases.database(logger: logger, on: eventLoop)!)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }
}
