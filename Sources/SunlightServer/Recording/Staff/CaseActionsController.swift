import Foundation
import SunlightCore
import Vapor

/// 案件办理 — the actions of the case page: complete the stage, suspend, resume or terminate,
/// extend, deduct periods, preserve evidence, the party's answers and payment, the audio/video
/// exemption, officers, interference records and classification (REC-1, REC-3, REC-7, REC-9,
/// REC-11, REC-13). Each is one call to a use case, which checks roles and rules.
struct CaseActionsController {
    func register(_ routes: any RoutesBuilder) {
        let cases = routes.grouped("staff", "cases", ":case")
        cases.post("complete", use: complete)
        cases.post("status", use: status)
        cases.post("extension", use: extend)
        cases.post("extension", "approve", use: approveExtension)
        cases.post("deduction", use: deduction)
        cases.post("deduction", "approve", use: approveDeduction)
        cases.post("preservation", use: preservation)
        cases.post("seizure-release", use: releaseSeizure)
        cases.post("response", use: response)
        cases.post("payment", use: payment)
        cases.post("av-exemption", use: requestExemption)
        cases.post("av-exemption", "approve", use: approveExemption)
        cases.post("officers", use: assign)
        cases.post("officers", ":user", "recuse", use: recuse)
        cases.post("interference", use: interference)
        cases.post("classification", use: classify)
        cases.post("classified-reason", use: classifiedReason)
    }

    /// 完成本环节 (REC-1): the gates are the use case's.
    @Sendable func complete(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "complete", notice: "stage_completed") { staff, id in
            _ = try await request.sunlight.cases.completeStage(case: id, note: request.field("note"), by: staff.actor)
        }
    }

    /// 中止、恢复、终止 (head, REC-1).
    @Sendable func status(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "status") { staff, id in
            guard let kind = request.field("statusAction").flatMap(CaseEvent.Kind.init(rawValue:)) else {
                throw SunlightError.invalid("statusAction", "请选择中止、恢复或终止", rule: .rec1)
            }
            _ = try await request.sunlight.cases.changeCaseStatus(case: id, to: kind, reason: request.field("statusReason") ?? "", by: staff.actor)
        }
    }

    /// 申请延长办案期限 — an officer or a head asks (REC-17).
    @Sendable func extend(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "extension") { staff, id in
            guard let days = request.field("extensionDays").flatMap(Int.init) else {
                throw SunlightError.invalid("extensionDays", "请填写延长的天数", rule: .rec17)
            }
            _ = try await request.sunlight.cases.requestExtension(case: id, days: days, reason: request.field("extensionReason") ?? "", by: staff.actor)
        }
    }

    /// 批准延长 — a head other than the requester; again only with the collective discussion recorded (REC-17).
    @Sendable func approveExtension(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "extension-approve") { staff, id in
            let participants = (request.field("participants") ?? "").split { "、，, ".contains($0) }.map(String.init)
            let discussion = participants.isEmpty && request.field("minutes") == nil ? nil
                : CollectiveDiscussion(participants: participants, minutes: request.field("minutes") ?? "", outcome: .agree,
                                       heldOn: request.sunlight.clock.today)
            _ = try await request.sunlight.cases.approveExtension(case: id, request: try Self.requestID(request), discussion: discussion, by: staff.actor)
        }
    }

    /// 申请期限扣除 — the kind, the dates and the record that supports them (REC-17).
    @Sendable func deduction(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "deduction") { staff, id in
            guard let reason = request.field("deductionReason").flatMap(CaseUseCases.DeductionReason.init(rawValue:)) else {
                throw SunlightError.invalid("deductionReason", "请选择扣除的期间种类", rule: .rec17)
            }
            guard let record = request.field("deductionRecord").flatMap(UUID.init(uuidString:)) else {
                throw SunlightError.invalid("deductionRecord", "请选择证明该期间的文书或证据", rule: .rec17)
            }
            _ = try await request.sunlight.cases.requestDeduction(
                case: id, reason: reason, from: try request.dateField("deductionFrom", "开始日期", rule: .rec17),
                to: try request.dateField("deductionTo", "结束日期", rule: .rec17), record: record, note: request.field("deductionNote"), by: staff.actor)
        }
    }

    /// 批准期限扣除 — a head other than the requester (REC-17).
    @Sendable func approveDeduction(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "deduction-approve") { staff, id in
            _ = try await request.sunlight.cases.approveDeduction(case: id, request: try Self.requestID(request), by: staff.actor)
        }
    }

    private static func requestID(_ request: Request) throws -> UUID {
        guard let id = request.field("request").flatMap(UUID.init(uuidString:)) else { throw SunlightError.notFound("待批准的申请") }
        return id
    }

    /// 解除查封、扣押 with the reason (head, REC-16).
    @Sendable func releaseSeizure(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "seizure-release") { staff, id in
            guard let decision = request.field("decision").flatMap(UUID.init(uuidString:)) else { throw SunlightError.notFound("未解除的查封、扣押") }
            _ = try await request.sunlight.cases.releaseSeizure(case: id, decision: decision, reason: request.field("releaseReason") ?? "", by: staff.actor)
        }
    }

    /// 先行登记保存, and its handling within 7 working days (REC-13).
    @Sendable func preservation(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "preservation") { staff, id in
            _ = try await request.sunlight.cases.recordPreservation(case: id, items: request.field("preservationItems") ?? "",
                                                              handles: request.field("handles").flatMap(UUID.init(uuidString:)), by: staff.actor)
        }
    }

    /// 当事人陈述申辩、要求或放弃听证 (REC-13).
    @Sendable func response(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "response") { staff, id in
            guard let kind = request.field("responseKind").flatMap(CaseEvent.Kind.init(rawValue:)) else {
                throw SunlightError.invalid("responseKind", "请选择当事人的回应", rule: .rec13)
            }
            _ = try await request.sunlight.cases.recordPartyResponse(case: id, kind: kind, on: try request.dateField("responseOn", "日期", rule: .rec13),
                                                               note: request.field("responseNote"), by: staff.actor)
        }
    }

    /// 缴纳罚款 — the use case explains a wrong amount, surcharge included (REC-13).
    @Sendable func payment(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "payment") { staff, id in
            guard let amount = request.field("amount").flatMap(Int.init) else {
                throw SunlightError.invalid("amount", "请填写缴纳金额（元，整数）", rule: .rec13)
            }
            guard let method = request.field("method").flatMap(CaseUseCases.PaymentMethod.init(rawValue:)) else {
                throw SunlightError.invalid("method", "请选择缴纳方式", rule: .rec13)
            }
            _ = try await request.sunlight.cases.recordPayment(case: id, amount: amount, paidOn: try request.dateField("paidOn", "缴纳日期", rule: .rec13),
                                                         method: method, receipt: request.field("receipt"), by: staff.actor)
        }
    }

    /// 申请免于音像记录 (REC-3).
    @Sendable func requestExemption(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "av") { staff, id in
            _ = try await request.sunlight.cases.requestAudioVideoExemption(case: id, reason: request.field("avReason") ?? "", by: staff.actor)
        }
    }

    /// 批准免于音像记录 (a head other than the applicant, REC-3).
    @Sendable func approveExemption(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "av") { staff, id in
            _ = try await request.sunlight.cases.approveAudioVideoExemption(case: id, by: staff.actor)
        }
    }

    /// 指派执法人员 (head, REC-7).
    @Sendable func assign(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "officers") { staff, id in
            guard let officer = request.field("officer").flatMap(UUID.init(uuidString:)) else {
                throw SunlightError.invalid("officer", "请选择要指派的执法人员", rule: .rec7)
            }
            try await request.sunlight.cases.assignOfficer(case: id, officer: officer, by: staff.actor)
        }
    }

    /// 回避 (head, REC-7): never below two officers.
    @Sendable func recuse(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "officers") { staff, id in
            try await request.sunlight.cases.recuseOfficer(case: id, officer: try request.uuid("user", "执法人员"),
                                                     reason: request.field("recusalReason") ?? "", by: staff.actor)
        }
    }

    /// 干预记录 (REC-9).
    @Sendable func interference(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "interference") { staff, id in
            _ = try await request.sunlight.cases.recordInterference(
                case: id, occurredOn: try request.dateField("occurredOn", "发生日期", rule: .rec9), source: request.field("interferenceSource") ?? "",
                means: request.field("means") ?? "", content: request.field("content") ?? "", by: staff.actor)
        }
    }

    /// 说明查阅理由 (supervisor, REC-11): logged, then the case opens to them.
    @Sendable func classifiedReason(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let caseID = try request.uuid("case", "案件")
        try await request.sunlight.cases.giveClassifiedReadReason(case: caseID, reason: request.field("reason") ?? "", by: staff.actor)
        return Page.redirect("/staff/cases/\(caseID.uuidString.lowercased())", notice: "recorded")
    }

    /// 设定密级 (head, REC-11).
    @Sendable func classify(_ request: Request) async throws -> Response {
        try await CasePageController.act(request, form: "classification") { staff, id in
            guard let classification = request.field("classification").flatMap(EnforcementCase.Classification.init(rawValue:)) else {
                throw SunlightError.invalid("classification", "请选择密级", rule: .rec11)
            }
            _ = try await request.sunlight.cases.classifyCase(case: id, as: classification, reason: request.field("classificationReason") ?? "",
                                                        by: staff.actor)
        }
    }
}
