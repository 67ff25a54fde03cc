import Foundation
import SunlightCore
import Vapor

/// 监督线索 — for the supervisor (and the heads and legal office): decisions made without the
/// review they needed, and drafts sent back by the reviewer that came back unchanged without a
/// recorded coordination (REV-9).
struct ReviewFlagsController {
    struct Row: Encodable { let kind, kindCode, caseID, caseNumber, organisation, documentID, detail, on: String }

    struct FlagsPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let count: Int
        let empty: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "reviews", "flags", use: list)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let flags = try await request.sunlight.reviews.reviewFlags(by: staff.actor)
        let rows = flags.map { flag in
            Row(kind: flag.kind.chineseName, kindCode: flag.kind.rawValue, caseID: flag.caseID.uuidString.lowercased(), caseNumber: flag.caseNumber,
                organisation: flag.organisationName, documentID: flag.documentID.uuidString.lowercased(), detail: flag.detail, on: flag.on.iso)
        }
        return try await Page.render("staff/review/flags", FlagsPage(page: ReviewText.page(request, title: "法制审核监督线索"), rows: rows,
                                                                      count: rows.count, empty: rows.isEmpty), on: request)
    }
}
