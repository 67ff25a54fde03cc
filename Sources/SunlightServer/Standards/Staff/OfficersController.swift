import Foundation
import SunlightCore
import Vapor

/// 执法人员与持证率 — the certificate rate of each organisation against 85% (shown to the
/// organisation and its supervisor), each officer's eligibility per category (REC-7), and
/// annual reviews, revocations and trainings (STD-2).
struct OfficersController {
    struct RateRow: Encodable { let organisation, link, rate, stateClass: String; let officers, certified: Int; let meets: Bool }
    struct Eligibility: Encodable { let category: String; let ok: Bool; let reason: String }
    struct OfficerRow: Encodable {
        let id, name, post, organisation, certificate, status, statusClass, review: String
        let hours: Int
        let eligibility: [Eligibility]
    }

    struct RatesPage: Encodable {
        let page: PageContext
        let rates: [RateRow]
        let officers: [OfficerRow]
        let target: String
    }

    struct CertificateRow: Encodable {
        let id, number, categories, region, validity, status, review: String
        let revocation: String?
        /// ``CertificateAction`` → allowed now.
        let can: [String: Bool]
    }

    struct TrainingRow: Encodable { let date, topic, provider: String; let hours: Int }

    struct OfficerPage: Encodable {
        let page: PageContext
        let id, name, organisation, year: String
        let certificates: [CertificateRow]
        let trainings: [TrainingRow]
        /// ``OfficerAction`` → allowed now.
        let can: [String: Bool]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "officers", use: rates)
        routes.get("staff", "officers", ":user", use: officer)
        routes.post("staff", "officers", "certificates", ":certificate", "review", use: review)
        routes.post("staff", "officers", "certificates", ":certificate", "revoke", use: revoke)
        routes.post("staff", "officers", ":user", "trainings", use: training)
    }

    @Sendable func rates(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let today = request.sunlight.clock.today
        let rates = try await request.sunlight.standards.certificateRates(by: staff.actor).map { organisation, rate in
            RateRow(organisation: organisation.name, link: "/staff/officers?organisation=\(organisation.id.uuidString.lowercased())",
                    rate: rate.percentText, stateClass: rate.meetsTarget ? "on_time" : "overdue", officers: rate.officers,
                    certified: rate.certified, meets: rate.meetsTarget)
        }
        let chosen = request.query[String.self, at: "organisation"].flatMap(UUID.init(uuidString:)) ?? staff.actor.organisation?.id
        var officers: [OfficerRow] = []
        if let chosen {
            let organisation = try await request.sunlight.organisations.organisation(chosen, for: staff.actor)
            for officer in try await request.sunlight.standards.publicOfficers(of: organisation.id) {
                let main = officer.mainCertificate(on: today)
                let status = main?.status(on: today)
                let eligibility = EnforcementCategory.enforcement.map { category -> Eligibility in
                    do {
                        try officer.checkAssignable(to: category, on: today)
                        return Eligibility(category: category.chineseName, ok: true, reason: "")
                    } catch let error as SunlightError {
                        return Eligibility(category: category.chineseName, ok: false, reason: error.description)
                    } catch { return Eligibility(category: category.chineseName, ok: false, reason: "\(error)") }
                }
                officers.append(OfficerRow(id: officer.user.id.uuidString.lowercased(), name: officer.user.displayName, post: officer.user.post,
                                           organisation: organisation.name, certificate: main?.number ?? "无证",
                                           status: status?.chineseName ?? "无证", statusClass: status == .valid ? "on_time" : "overdue",
                                           review: main.map { officer.reviewText(of: $0) } ?? "—", hours: officer.trainingHours(before: today),
                                           eligibility: eligibility))
            }
        }
        return try await Page.render("staff/officers", RatesPage(page: PageContext(request, title: "执法人员与持证率"), rates: rates,
                                                                 officers: officers, target: "85%"), on: request)
    }

    @Sendable func officer(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("user", "执法人员")
        let view = try await request.sunlight.standards.officerRecord(id, by: staff.actor)
        let officer = view.officer, organisation = view.organisation, user = officer.user
        let today = request.sunlight.clock.today
        let certificates = officer.certificates.sorted { $0.validFrom > $1.validFrom }.map { certificate in
            CertificateRow(id: certificate.id.uuidString.lowercased(), number: certificate.number,
                           categories: PublicListsController.categories(certificate), region: certificate.region,
                           validity: "\(certificate.validFrom.iso) 至 \(certificate.validUntil.iso)", status: certificate.status(on: today).chineseName,
                           review: officer.reviewText(of: certificate),
                           revocation: certificate.revokedOn.map { "\($0.iso) 注销：\(certificate.revocationReason ?? "")" },
                           can: Can.flags(view.certificateActions[certificate.id] ?? []))
        }
        let trainings = officer.trainings.sorted { $0.date > $1.date }.map {
            TrainingRow(date: $0.date.iso, topic: $0.topic, provider: $0.provider, hours: $0.hours)
        }
        return try await Page.render("staff/officer", OfficerPage(
            page: PageContext(request, title: user.displayName), id: id.uuidString.lowercased(), name: user.displayName,
            organisation: organisation.name, year: String(today.year - 1), certificates: certificates, trainings: trainings,
            can: Can.flags(view.actions)), on: request)
    }

    struct ReviewForm: Content { var year: Int?; var passed: String?; var note: String? }

    @Sendable func review(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = try request.content.decode(ReviewForm.self)
        let certificate = try request.uuid("certificate", "执法证")
        let review = try await request.sunlight.standards.recordAnnualReview(certificate: certificate, year: form.year ?? request.sunlight.clock.today.year - 1,
                                                                   passed: form.passed == "yes", note: form.note, by: staff.actor)
        return try await backToOfficer(request, certificate: review.certificateID, notice: "review_recorded")
    }

    @Sendable func revoke(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let certificate = try request.uuid("certificate", "执法证")
        try await request.sunlight.standards.revokeCertificate(certificate, reason: request.field("reason") ?? "", by: staff.actor)
        return try await backToOfficer(request, certificate: certificate, notice: "certificate_revoked")
    }

    struct TrainingForm: Content { var date: String?; var hours: Int?; var topic: String?; var provider: String? }

    @Sendable func training(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let user = try request.uuid("user", "执法人员")
        let form = try request.content.decode(TrainingForm.self)
        guard let date = form.date.flatMap(CivilDate.init(iso:)) else { throw SunlightError.invalid("date", "请填写培训日期", rule: .std2) }
        try await request.sunlight.standards.recordTraining(TrainingRecord(userID: user, date: date, hours: form.hours ?? 0, topic: form.topic ?? "",
                                                                 provider: form.provider ?? ""), by: staff.actor)
        return Page.redirect("/staff/officers/\(user.uuidString.lowercased())", notice: "training_recorded")
    }

    private func backToOfficer(_ request: Request, certificate: UUID, notice: String) async throws -> Response {
        let holder = try await request.sunlight.standards.certificateHolder(certificate, by: try request.requireStaff().actor)
        return Page.redirect("/staff/officers/\(holder.uuidString.lowercased())", notice: notice)
    }
}
