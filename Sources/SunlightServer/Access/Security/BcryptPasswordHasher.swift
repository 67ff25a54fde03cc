import NIOPosix
import SunlightCore
import Vapor

/// 密码散列 with Vapor's Bcrypt, run on a thread pool so the event loops stay free.
public struct BcryptPasswordHasher: SunlightCore.PasswordHasher {
    let cost: Int
    public let decoyHash: String

    public init(cost: Int) throws {
        self.cost = cost
        self.decoyHash = try Bcrypt.hash(UUID().uuidString, cost: cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }
}
