import Foundation
import SunlightCore
import Vapor

/// 案件页面 — everything recorded about one case, as the case page shows it (REC-1..13): the
/// stage track, the clocks and why the current stage cannot be completed yet, documents,
/// evidence, officers, interference records and the timeline, plus what the reader may do.
struct CasePageModel: Encodable {
    struct Header: Encodable {
        let number, title, status, statusClass, procedure, category, organisation, classification, openedOn, openedBy, source, item: String
        let violationOn, decisionDays: String
        let classified: Bool
        /// 案件线索 the case was opened from (REC-18), or "".
        var lead = ""
    }

    struct StageItem: Encodable { let name, state, stateText, note: String; let audioVideo: Bool }


    struct PartyRow: Encodable { let kind, name, idNumber, address, phone, representative: String; let member: Bool }
    struct OfficerRow: Encodable {
        let id, name, certificate, eligibility, eligibilityClass, assignedAt: String
        let active: Bool
        let removal: String?
    }
    struct DocumentRow: Encodable { let id, type, stage, status, statusClass, number, drafter, signer, issuedOn: String; let corrects: Bool }
    struct FileRow: Encodable { let id, kind, title, size, sha256, recordedAt, place, device: String }
    struct EvidenceRow: Encodable {
        let kind, description, stage, source, originality, confirmation, recordedBy, recordedAt: String
        let file: FileRow?
    }
    struct InterferenceRow: Encodable { let occurredOn, source, means, content, recordedBy, recordedAt: String }
    struct EventRow: Encodable { let at, on, who, kind, stage, note, detail: String }
    struct Exemption: Encodable { let reason, by: String; let mine: Bool }

    struct Choices: Encodable {
        let evidenceKinds, fileKinds, recorders, responseKinds, paymentMethods, deductionReasons, classifications, statusActions: [Option]
        let assignable, draftable, preservations: [Option]
        /// 证明扣除期间的记录: the case's issued documents and evidence (REC-17).
        let deductionRecords: [Option]
        /// Requests a head other than the requester may approve (REC-17).
        let extensionRequests, deductionRequests: [Option]
        /// Seizures not yet released (REC-16).
        let activeSeizures: [Option]
    }

    struct SeizureRow: Encodable {
        let number, items, place, term, state: String
        let active: Bool
    }

    /// 重大执法决定 (REV-2): the declared circumstances, the form to declare them, and where the
    /// draft decision stands in legal review.
    struct MajorSection: Encodable {
        struct Decision: Encodable { let id, type, summary, state, stateClass: String; let required: Bool }
        let declared, declaredBy: String
        let factors: [Option]
        let decision: Decision?
    }

    let page: PageContext
    let id: String
    let header: Header
    let stages: [StageItem]
    let currentStage: String
    let nextStage: String?
    let clocks: [ClockBadge]
    let noClocks: Bool
    /// 查封、扣押 of the case: what, where, how long, released or not (REC-16).
    let seizures: [SeizureRow]
    let hasSeizures: Bool
    let blocker: String?
    /// ``CaseAction`` → allowed now (from ``CaseDetail/actions``).
    let can: [String: Bool]
    let parties: [PartyRow]
    let officers: [OfficerRow]
    let documents: [DocumentRow]
    let evidence: [EvidenceRow]
    let interference: [InterferenceRow]
    let interferenceCount: Int
    let events: [EventRow]
    let audioVideoRequired: Bool
    let exemptionPending: Exemption?
    let exemptionApproved: Bool
    let fine: String?
    let choices: Choices
    let problem: FormProblem?
    /// What the forms show: defaults, and what was typed when a form comes back with a problem.
    let values: [String: String]
    let maxUpload: String
    /// `nil` for procedures without 法制审核.
    let major: MajorSection?
    /// 当事人既往处罚 while the case may end in 首违不罚 (REC-15).
    var partyHistory: PartyHistoryBox? = nil
}

extension CasePageModel {
    static func build(_ detail: CaseDetail, request: Request, problem: FormProblem?, posted: [String: String]) async throws -> CasePageModel {
        let staff = try request.requireStaff()
        let actor = staff.actor
        let sunlight = request.sunlight
        let theCase = detail.enforcementCase
        let today = sunlight.clock.today
        let me = actor.user?.id
        func name(_ id: UUID?) -> String { id.flatMap { detail.names[$0] } ?? "—" }

        let may = detail.actions
        let fine = CaseRules.decidedFine(detail.documents).map(String.init)

        let item = try await theCase.itemEntryID.asyncMap { id in
            try await sunlight.publicity.publishedList(.item, organisationID: theCase.organisationID).first { $0.version.entryID == id }?.version.title
        } ?? nil
        var header = Header(
            number: theCase.number, title: theCase.title, status: theCase.status.chineseName, statusClass: theCase.status.rawValue,
            procedure: CaseText.procedure(theCase), category: theCase.category.chineseName, organisation: detail.organisation.name,
            classification: theCase.classification.chineseName, openedOn: theCase.openedOn.iso, openedBy: name(theCase.openedBy),
            source: theCase.source.chineseName, item: item ?? "—", violationOn: CaseText.date(theCase.violationOn),
            decisionDays: "\(theCase.decisionDays) 日", classified: theCase.classification != .normal)
        header.lead = theCase.leadID?.uuidString.lowercased() ?? ""

        let audioVideoStages = detail.snapshot.audioVideoStages
        let stages = detail.stageStates.map { stage, state in
            StageItem(name: stage.name, state: state,
                      stateText: ["done": "已完成", "current": "当前", "skipped": "未经过", "pending": "待办"][state] ?? state,
                      note: stage.note ?? "", audioVideo: audioVideoStages.contains(stage.code))
        }

        let officers = detail.officers.map { officer -> OfficerRow in
            let certificate = officer.qualification?.mainCertificate(on: today)
            var eligibility = "持有效执法证件", eligibilityClass = "on_time"
            do {
                if let qualification = officer.qualification { try qualification.checkAssignable(to: theCase.category, on: today) } else {
                    throw SunlightError(.ruleViolation, code: "officer.unknown", "没有执法人员资格记录", rule: .rec7)
                }
            } catch let error as SunlightError {
                eligibility = error.description
                eligibilityClass = "overdue"
            } catch {
                eligibility = "\(error)"
                eligibilityClass = "overdue"
            }
            return OfficerRow(
                id: officer.user.id.uuidString.lowercased(), name: officer.user.displayName,
                certificate: certificate.map { "\($0.number)（有效期至 \($0.validUntil.iso)）" } ?? "无证", eligibility: eligibility,
                eligibilityClass: eligibilityClass, assignedAt: ChinaTime.minuteText(officer.assignment.assignedAt),
                active: officer.assignment.isActive,
                removal: officer.assignment.removedAt.map { "\(ChinaTime.minuteText($0)) 回避：\(officer.assignment.removalReason ?? "")" })
        }

        let stageOrder = Dictionary(theCase.stages.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let documents = detail.documents
            .sorted { (stageOrder[$0.stage] ?? 99, $0.draftedAt) < (stageOrder[$1.stage] ?? 99, $1.draftedAt) }
            .map { document in
                DocumentRow(id: document.id.uuidString.lowercased(), type: document.type.chineseName,
                            stage: CaseText.stageName(document.stage, in: theCase), status: document.status.chineseName,
                            statusClass: document.status.rawValue, number: document.number ?? "—", drafter: name(document.draftedBy),
                            signer: document.signedBy.map { name($0) } ?? "—", issuedOn: CaseText.date(document.issuedOn),
                            corrects: document.corrects != nil)
            }

        let evidence = detail.evidence.map { item in
            let file = item.fileID.flatMap { detail.files[$0] }.map { file in
                FileRow(id: file.id.uuidString.lowercased(), kind: file.kind.chineseName, title: file.title, size: ByteCounts.text(file.size),
                        sha256: file.sha256.hex, recordedAt: ChinaTime.minuteText(file.recordedAt), place: file.place, device: file.device)
            }
            return EvidenceRow(kind: item.kind.chineseName, description: item.description, stage: CaseText.stageName(item.stage, in: theCase),
                               source: item.source, originality: item.original ? "原件" : "复制件（经核对与原件无误）",
                               confirmation: "\(item.confirmedBy ?? "—") \(CaseText.date(item.confirmedOn))", recordedBy: name(item.recordedBy),
                               recordedAt: ChinaTime.minuteText(item.recordedAt), file: file)
        }

        let interference = detail.interference.map {
            InterferenceRow(occurredOn: $0.occurredOn.iso, source: $0.source, means: $0.means, content: $0.content, recordedBy: name($0.recordedBy),
                            recordedAt: ChinaTime.minuteText($0.recordedAt))
        }
        let events = detail.events.map { event in
            EventRow(at: ChinaTime.minuteText(event.at), on: event.on.iso, who: name(event.by), kind: event.kind.chineseName,
                     stage: CaseText.stageName(event.stage, in: theCase), note: event.note ?? "", detail: Self.detail(of: event))
        }

        let current = theCase.currentStage
        let exemptionRequest = detail.events.last { $0.kind == .audioVideoExemptionRequested && $0.stage == theCase.stage }
        let exemptionApproved = detail.events.contains { $0.kind == .audioVideoExemptionApproved && $0.stage == theCase.stage }
        let handled = Set(detail.events.filter { $0.kind == .preservationHandled }.compactMap { $0.data["preservation"] })
        let preservations = detail.events.filter { $0.kind == .preserved && !handled.contains($0.id.uuidString.lowercased()) }.map {
            Option(value: $0.id.uuidString.lowercased(), label: "\($0.on.iso) 登记：\($0.note ?? "")")
        }

        var assignable: [Option] = []
        if may.contains(.assign) {
            let onCase = Set(detail.officers.map(\.user.id))
            assignable = try await sunlight.standards.publicOfficers(of: theCase.organisationID)
                .filter { $0.user.has(.officer) && !onCase.contains($0.user.id) }
                .map { officer in
                    let note = (try? officer.checkAssignable(to: theCase.category, on: today)) != nil ? "持有效证件" : "证件不符合要求"
                    return Option(value: officer.user.id.uuidString.lowercased(), label: "\(officer.user.displayName)（\(note)）")
                }
        }
        let recorders = may.contains(.evidence) ? try await sunlight.cases.recorders(for: actor).map {
            Option(value: $0.id.uuidString.lowercased(), label: "\($0.displayName)（\($0.username)）", checked: $0.id == me)
        } : []
        var statusActions: [Option] = []
        if theCase.status == .open { statusActions.append(Option(value: "suspended", label: "中止")) }
        if theCase.status == .suspended { statusActions.append(Option(value: "resumed", label: "恢复")) }
        if theCase.status == .open || theCase.status == .suspended { statusActions.append(Option(value: "terminated", label: "终止")) }
        let responseKinds: [CaseEvent.Kind] = [.statementReceived, .hearingWaived, .hearingRequested]
        let choices = Choices(
            evidenceKinds: CaseText.options(CaseEvidence.Kind.self, \.chineseName),
            fileKinds: CaseText.options(EvidenceFile.Kind.self, \.chineseName, selected: posted["fileKind"] ?? "video"),
            recorders: recorders,
            responseKinds: responseKinds.map { Option(value: $0.rawValue, label: $0.chineseName, checked: posted["responseKind"] == $0.rawValue) },
            paymentMethods: CaseUseCases.PaymentMethod.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, checked: posted["method"] == $0.rawValue) },
            deductionReasons: CaseUseCases.DeductionReason.allCases.map { Option(value: $0.rawValue, label: $0.chineseName) },
            classifications: EnforcementCase.Classification.allCases.filter { $0 != theCase.classification }
                .map { Option(value: $0.rawValue, label: $0.chineseName) },
            statusActions: statusActions, assignable: assignable,
            draftable: may.contains(.draft) ? CaseUseCases.draftableTypes(of: theCase).map { Option(value: $0.rawValue, label: $0.chineseName) } : [],
            preservations: preservations,
            deductionRecords: detail.documents.filter { $0.status == .issued }.map {
                Option(value: $0.id.uuidString.lowercased(), label: "\($0.type.chineseName) \($0.number ?? $0.issuedOn?.iso ?? "")")
            } + detail.evidence.map { Option(value: $0.id.uuidString.lowercased(), label: "证据：\($0.description)") },
            extensionRequests: Self.requests(.extensionRequested, in: detail, by: actor) { "\($0.data["days"] ?? "") 日：\($0.note ?? "")" },
            deductionRequests: Self.requests(.deductionRequested, in: detail, by: actor) { request in
                let reason = request.data["reason"].flatMap(CaseUseCases.DeductionReason.init(rawValue:))?.chineseName ?? ""
                return "\(reason) \(request.data["from"] ?? "")–\(request.data["to"] ?? "")"
            },
            activeSeizures: detail.snapshot.activeSeizures.map {
                Option(value: $0.decision.id.uuidString.lowercased(), label: "\($0.decision.number ?? "") \($0.seizedOn.iso) 起")
            })

        var values = ["paidOn": today.iso, "responseOn": today.iso, "occurredOn": today.iso, "confirmedOn": today.iso,
                      "deductionTo": today.iso, "recordedAt": ChinaTime.minuteText(sunlight.clock.now).replacingOccurrences(of: " ", with: "T"),
                      "amount": fine ?? "", "confirmedBy": detail.parties.first?.name ?? ""]
        for (key, value) in posted where key != "_csrf" { values[key] = value }

        let major = try await Self.major(detail, request: request, problem: problem, posted: posted)
        let blocker: String? = detail.blocker.map { "本环节尚不能完成：" + $0.description }
        return CasePageModel(
            page: CaseText.page(request, title: "\(theCase.number) \(theCase.title)"),
            id: theCase.id.uuidString.lowercased(), header: header, stages: stages,
            currentStage: current?.name ?? CaseText.stage(theCase), nextStage: detail.nextStage?.name,
            clocks: detail.clocks.map(ClockBadge.init), noClocks: detail.clocks.isEmpty,
            seizures: detail.snapshot.seizures.map { seizure in
                SeizureRow(number: seizure.decision.number ?? "", items: seizure.items, place: seizure.place,
                           term: "\(seizure.days) 日" + (seizure.extendedDays > 0 ? "，延长 \(seizure.extendedDays) 日" : ""),
                           state: seizure.release.map { "已于 \($0.on.iso) 解除：\($0.note ?? "")" } ?? "查封、扣押中", active: seizure.active)
            }, hasSeizures: !detail.snapshot.seizures.isEmpty, blocker: current == nil ? nil : blocker, can: Can.flags(may),
            parties: detail.parties.map {
                PartyRow(kind: $0.kind.chineseName, name: $0.name, idNumber: $0.idNumber ?? "—", address: $0.address ?? "—", phone: $0.phone ?? "—",
                         representative: $0.representative ?? "—", member: $0.partyMemberOrOfficial)
            },
            officers: officers, documents: documents, evidence: evidence, interference: interference, interferenceCount: interference.count, events: events,
            audioVideoRequired: current.map { audioVideoStages.contains($0.code) } ?? false,
            exemptionPending: exemptionApproved ? nil : exemptionRequest.map {
                Exemption(reason: $0.note ?? "", by: name($0.by), mine: $0.by == me)
            },
            exemptionApproved: exemptionApproved, fine: fine, choices: choices, problem: problem, values: values,
            maxUpload: ByteCounts.text(request.application.blobStore.maxBytes), major: major,
            partyHistory: try await PartyHistoryBox.build(theCase, request: request, actor: actor))
    }

    /// The declared circumstances (the last declaration counts), the checkboxes — as typed when
    /// the form came back refused — and the latest draft decision's review status (REV-2).
    /// Pending requests to move the clock that `actor` may approve: not their own (REC-17).
    static func requests(_ kind: CaseEvent.Kind, in detail: CaseDetail, by actor: Actor, _ label: (CaseEvent) -> String) -> [Option] {
        CaseTimeLimits.pending(kind, in: detail.events).filter { $0.by != actor.user?.id }.map {
            Option(value: $0.id.uuidString.lowercased(), label: "\($0.on.iso) 申请：" + label($0))
        }
    }

    static func major(_ detail: CaseDetail, request: Request, problem: FormProblem?,
                      posted: [String: String]) async throws -> MajorSection? {
        let theCase = detail.enforcementCase
        guard theCase.stages.contains(where: { $0.code == "review" }) else { return nil }
        let last = detail.events.last { $0.kind == .majorFactorsDeclared }
        let declared = Set(last?.data["factors"]?.split(separator: ",").compactMap { MajorFactor(rawValue: String($0)) } ?? [])
        let retyped = problem?.form == "major"
        var decision: MajorSection.Decision?
        if let draft = detail.documents.last(where: { $0.type.isDecision }) {
            let (requirement, history) = try await request.sunlight.reviews.reviewStatus(of: draft.id, by: try request.requireStaff().actor)
            decision = MajorSection.Decision(
                id: draft.id.uuidString.lowercased(), type: "\(draft.type.chineseName)（\(draft.status.chineseName)）", summary: requirement.summary,
                state: history.last.map { "第 \($0.number) 轮：\($0.stateName)" } ?? (requirement.required ? "尚未送审" : ""),
                stateClass: history.last.map(ReviewText.stateClass) ?? "pending", required: requirement.required)
        }
        return MajorSection(
            declared: last.map { event in Self.detail(of: event) + (event.note.map { "（理由：\($0)）" } ?? "") } ?? "尚未认定",
            declaredBy: last.map { event in "\(event.by.flatMap { detail.names[$0] } ?? "—") \(event.on.iso)" } ?? "",
            factors: MajorFactor.allCases.map {
                Option(value: $0.rawValue, label: $0.chineseName, checked: retyped ? posted["factor.\($0.rawValue)"] == "yes" : declared.contains($0))
            },
            decision: decision)
    }

    /// The facts an event carries, in words.
    static func detail(of event: CaseEvent) -> String {
        let data = event.data
        switch event.kind {
        case .extended:
            return "延长 \(data["days"] ?? "?") 日" + (data["collective"] == "yes" ? "（经集体讨论）" : "")
        case .deduction:
            let reason = data["reason"].flatMap(CaseUseCases.DeductionReason.init(rawValue:))?.chineseName ?? data["reason"] ?? ""
            return "扣除\(reason)期间 \(data["from"] ?? "") 至 \(data["to"] ?? "")"
        case .paid:
            let method = data["method"].flatMap(CaseUseCases.PaymentMethod.init(rawValue:))?.chineseName ?? ""
            let surcharge = Int(data["surcharge"] ?? "") ?? 0
            return "缴纳 \(data["amount"] ?? "") 元（罚款 \(data["fine"] ?? "") 元" + (surcharge > 0 ? "，加处罚款 \(surcharge) 元" : "") + "），\(method)"
        case .classified:
            return "密级：" + (data["classification"].flatMap(EnforcementCase.Classification.init(rawValue:))?.chineseName ?? "")
        case .majorFactorsDeclared:
            let factors = (data["factors"] ?? "").split(separator: ",").compactMap { MajorFactor(rawValue: String($0)) }
            return factors.isEmpty ? "无重大执法决定情形" : factors.map(\.chineseName).joined(separator: "；")
        case .decided:
            return (data["fine"].map { $0.isEmpty ? "" : "罚款 \($0) 元" }) ?? ""
        default:
            return ""
        }
    }
}
