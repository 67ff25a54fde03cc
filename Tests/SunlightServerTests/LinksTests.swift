import Foundation
@testable import SunlightCore
import SunlightServer
import Testing
import Vapor
import VaporTesting

/// The one reference → URL function: every ``RecordRef`` lands on a route the server registers,
/// and the link text already persisted or logged (``StoredLink``) is what the function gives.
@Suite struct LinksTests {
    static let id = UUID(uuidString: "0C1D2E3F-4A5B-4C6D-8E9F-A0B1C2D3E4F5")!

    /// One reference of every kind. The switch in `kind(of:)` is exhaustive, so a new case does
    /// not compile until it is named there; the count check below then asks for a sample.
    static let samples: [RecordRef] = [
        .case(id), .document(id), .publication(id), .draw(id), .review(submission: id), .complaint(id), .coordination(id),
        .jointMeeting(id), .list(.item), .calendar, .users, .annualReport(year: 2025), .guidingCases, .referrals, .instruments,
        .assessment, .catalogueApprovals, .publicOrganisation(id), .publicDecision(id), .publicListEntry(organisation: id, kind: .item, entry: id),
        .publicCertificate(number: "53232826000001"), .lead(id),
    ]

    static func kind(of ref: RecordRef) -> String {
        switch ref {
        case .case: "case"
        case .document: "document"
        case .publication: "publication"
        case .draw: "draw"
        case .review: "review"
        case .complaint: "complaint"
        case .coordination: "coordination"
        case .jointMeeting: "jointMeeting"
        case .list: "list"
        case .calendar: "calendar"
        case .users: "users"
        case .annualReport: "annualReport"
        case .guidingCases: "guidingCases"
        case .referrals: "referrals"
        case .instruments: "instruments"
        case .assessment: "assessment"
        case .catalogueApprovals: "catalogueApprovals"
        case .publicOrganisation: "publicOrganisation"
        case .publicDecision: "publicDecision"
        case .publicListEntry: "publicListEntry"
        case .publicCertificate: "publicCertificate"
        case .lead: "lead"
        }
    }

    @Test("Every kind of reference maps to a GET route the server registers (REC-13, SUP-4, PUB-1)")
    func everyReferenceHasARoute() async throws {
        #expect(Set(Self.samples.map(Self.kind(of:))).count == 22, "one sample of every RecordRef case")
        try await TestServer.with { server in
            let routes = server.app.routes.all.filter { $0.method == .GET }.map(\.path)
            for ref in Self.samples {
                let url = Links.url(for: ref)
                let path = url.split(separator: "?", maxSplits: 1)[0].split(separator: "/").map(String.init)
                let matched = routes.contains { route in
                    route.count == path.count && zip(route, path).allSatisfy { component, segment in
                        switch component {
                        case .constant(let text): text == segment
                        case .parameter, .anything: true
                        case .catchall: true
                        }
                    }
                }
                #expect(matched, "\(ref) → \(url) has no GET route")
            }
        }
    }

    @Test("Pages without an ID open for a logged-in administrator, not 404 (CAL-1, STD-2, SUP-8)")
    func pagesOpen() async throws {
        try await TestServer.with { server in
            let admin = server.browser()
            try await admin.logIn("admin")
            let organisation = server.seeded.organisation("元谋县市场监督管理局").id
            for ref: RecordRef in [.calendar, .users, .annualReport(year: 2025), .guidingCases, .referrals, .instruments, .assessment,
                                   .list(.item), .publicOrganisation(organisation)] {
                let response = try await admin.get(Links.url(for: ref))
                #expect(response.status != .notFound, "\(ref) → \(Links.url(for: ref))")
            }
        }
    }

    @Test("Persisted and logged link text is what the URL function gives for the same reference (REC-5, PUB-10)")
    func storedLinksAgree() {
        let id = Self.id
        #expect(StoredLink.publicDecision(id) == Links.url(for: .publicDecision(id)))
        #expect(StoredLink.publicListEntry(organisation: id, kind: .subject, entry: id)
                == Links.url(for: .publicListEntry(organisation: id, kind: .subject, entry: id)))
        #expect(StoredLink.publicCertificate(number: "53232826000001") == Links.url(for: .publicCertificate(number: "53232826000001")))
        #expect(StoredLink.jointMeeting(id) == Links.url(for: .jointMeeting(id)))
        #expect(Links.url(for: .case(id)) == "/staff/cases/0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5")
    }
}
