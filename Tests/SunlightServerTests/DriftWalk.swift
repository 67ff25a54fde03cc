import Foundation
@testable import SunlightCore
import Testing

/// Walks the staff pages as one demo account and compares each page's forms (`data-action`,
/// `data-record`) with the actions Core allows that account — the very decision the use cases
/// make before they change anything (one decision per permission).
final class DriftWalk {
    let username: String
    let actor: Actor
    let browser: Browser
    /// How many forms were compared, so a walk that saw nothing fails its suite.
    private(set) var formsCompared = 0

    private init(username: String, actor: Actor, browser: Browser) {
        self.username = username
        self.actor = actor
        self.browser = browser
    }

    /// A browser logged in as `username`, and the same person as Core's actor.
    static func loggedIn(_ username: String, on server: TestServer) async throws -> DriftWalk {
        let sunlight = server.app.sunlight
        let user = try #require(try await sunlight.store.users.find(username: username))
        let walk = DriftWalk(username: username, actor: try await sunlight.access.actor(for: user, channel: .staff, address: nil), browser: server.browser())
        try await walk.browser.logIn(username)
        return walk
    }

    /// Walks the pages as every demo account in turn, each in a browser of its own; returns how
    /// many forms were compared in all. (In turn, not at once: eighteen concurrent sessions on
    /// the SQLite store time out waiting for connections — a known limit of the embedded store.)
    static func everyAccount(on server: TestServer, _ walkPages: (DriftWalk) async throws -> Void) async throws -> Int {
        var compared = 0
        for account in server.seeded.accounts {
            let walk = try await DriftWalk.loggedIn(account.username, on: server)
            try await walkPages(walk)
            compared += walk.formsCompared
        }
        return compared
    }

    /// Opens `path` and expects its forms to be exactly `expected` (`area.action@record`); a page
    /// the reader may not open must be one where Core allows them nothing.
    func compare(_ path: String, _ expected: () async throws -> Set<String>) async throws {
        let page = try await browser.get(path)
        let allowed = (try? await expected()) ?? []
        if page.status == .ok {
            let shown = Self.offered(page.body.string)
            #expect(shown == allowed, "\(username) on \(path): shown \(shown.subtracting(allowed).sorted()) not allowed; allowed \(allowed.subtracting(shown).sorted()) not shown")
            formsCompared += shown.count
        } else {
            #expect(allowed.isEmpty, "\(username) cannot open \(path) (\(page.status.code)) but Core allows \(allowed.sorted())")
        }
    }

    /// The `data-action` forms of a page, as `action@record` (`@page` when the form names no record).
    static func offered(_ html: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"data-action="([^"]+)"(?: data-record="([^"]+)")?"#)
        let range = NSRange(html.startIndex..., in: html)
        return Set(pattern.matches(in: html, range: range).map { match in
            let action = String(html[Range(match.range(at: 1), in: html)!])
            let record = Range(match.range(at: 2), in: html).map { String(html[$0]) } ?? "page"
            return "\(action)@\(record)"
        })
    }

    /// Core's allowed actions in the same form.
    static func named<A: NamedAction & RawRepresentable & Hashable>(_ actions: Set<A>, _ record: String) -> Set<String> where A.RawValue == String {
        Set(actions.map { "\($0.qualifiedName)@\(record)" })
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }
}
