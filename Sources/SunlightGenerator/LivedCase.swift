import Foundation
import SunlightCore

/// One case of the lived year as the generator drives it: opened on a day, then one stage at a
/// time on later days through the case use cases, until it reaches the stage it was meant to
/// stop at, the end, or a refusal the generator does not retry.
struct LivedCase: Sendable {
    let id: EnforcementCase.ID
    let department: Int
    let category: EnforcementCategory
    let party: String
    /// Stages it should complete (its procedure's count: the whole procedure).
    let target: Int
    var completed = 0
    var next: CivilDate
    var refusals = 0
    /// Days a stage waits for; a slow department's cases run past their limits.
    let pace: ClosedRange<Int>
    /// The fine proposed, noticed, decided and paid (yuan).
    let fine: Int
}

/// Drives cases through their stages: documents drafted, submitted, signed and issued; on-site
/// stages with a photo (or, now and then, an approved exemption: a planted 未音像记录 clue);
/// parties' responses, payments and the stage's completion.
struct CaseDriver: Sendable {
    let sunlight: Sunlight
    /// The store `sunlight` writes to (read here to find the decision a receipt serves).
    let store: any Store
    let upload: @Sendable ([UInt8]) throws -> BlobReceipt

    /// Fields for a document: every required field filled plausibly, then `overrides` where the type has them.
    static func fields(_ type: DocumentType, _ overrides: [String: String]) -> [String: String] {
        var values: [String: String] = [:]
        for field in type.fields where field.required {
            switch field.kind {
            case .text where field.key == "term": values[field.key] = "30"
            case .text, .longText: values[field.key] = "\(field.label)：经查属实。"
            case .choice(let options): values[field.key] = options[0].code
            case .choices: break
            case .yesNo: values[field.key] = "no"
            }
        }
        for (key, value) in overrides where type.fields.contains(where: { $0.key == key }) { values[key] = value }
        return values
    }

    /// 法制审核 (REV-1, REV-3..6): the decision is drafted and sent to the department's reviewer.
    /// One round in ten waits for the reviewer's next visit (a round in the queue, perhaps
    /// overdue); one in ten is sent back for more material and comes back revised, one in ten
    /// comes back unchanged without a coordination (a planted 不采纳审核意见 clue); the rest pass.
    /// Returns whether the review passed, so the stage can be completed.
    func review(_ lived: LivedCase, in department: LivedCounty.Department, random: inout SplitMix64) async throws -> Bool {
        let officer = department.officers[0]
        let type: DocumentType = lived.category == .permit ? .permitDecision : .penaltyDecision
        let form = ReviewForm(facts: "当事人违法事实清楚，证据确实充分。", law: "依据相关法律法规的规定。", hearing: "已告知听证权利，当事人书面放弃听证。",
                              proposal: "罚款人民币 \(lived.fine) 元。")
        var records = try await store.reviews.records(ofCase: lived.id)
        if records.isEmpty {
            let draft = try await sunlight.cases.draftDocument(case: lived.id, type: type, fields: Self.fields(type, [
                "fine": "\(lived.fine)", "sanctions": "fine", "recipient": lived.party]), by: officer)
            _ = try await sunlight.reviews.submitForReview(document: draft.id, form: form, by: officer)
            if random.next() % 10 == 0 { return false }
            records = try await store.reviews.records(ofCase: lived.id)
        }
        guard let documentID = records.last?.documentID else { return false }
        let history = ReviewHistory(documentID: documentID, records: records)
        guard var round = history.last?.submissionRecord else { return false }
        let lot = random.next() % 10
        if history.rounds.count == 1, lot < 2 {
            let answers = ReviewElement.allCases.map {
                $0 == .evidence ? ChecklistAnswer(element: .evidence, verdict: .problem, comment: "现场检查笔录未附当事人签字，请补充")
                    : ChecklistAnswer(element: $0, verdict: $0 == .crime ? .notApplicable : .pass, comment: $0 == .crime ? "未达刑事追诉标准" : "")
            }
            _ = try await sunlight.reviews.recordOpinion(round: round.id, answers: answers, outcome: .supplement, text: "请补充当事人签字的现场检查笔录后重新送审。",
                                                         by: department.reviewer)
            let prose = type.fields.first { if case .longText = $0.kind { true } else { false } }?.key
            if lot == 1, let prose, let draft = try await store.caseRecords.document(documentID) {
                var fields = draft.fields
                fields[prose] = (fields[prose] ?? "") + "（已补充当事人签字的现场检查笔录）"
                _ = try await sunlight.cases.reviseDocument(documentID, fields: fields, by: officer)
            }
            round = try await sunlight.reviews.submitForReview(document: documentID, form: form, by: officer)
        }
        let answers = ReviewElement.allCases.map {
            ChecklistAnswer(element: $0, verdict: $0 == .crime ? .notApplicable : .pass, comment: $0 == .crime ? "未达刑事追诉标准" : "")
        }
        _ = try await sunlight.reviews.recordOpinion(round: round.id, answers: answers, outcome: .approve, text: "同意作出决定。", by: department.reviewer)
        _ = try await sunlight.cases.submitDocument(documentID, by: officer)
        return true
    }

    @discardableResult
    func issue(_ caseID: EnforcementCase.ID, _ type: DocumentType, _ overrides: [String: String], in department: LivedCounty.Department) async throws -> CaseDocument {
        let drafter = department.officers[0]
        let draft = try await sunlight.cases.draftDocument(case: caseID, type: type, fields: Self.fields(type, overrides), by: drafter)
        _ = try await sunlight.cases.submitDocument(draft.id, by: drafter)
        _ = try await sunlight.cases.signDocument(draft.id, by: type.signedByHead ? department.head : department.officers[1])
        return try await sunlight.cases.issueDocument(draft.id, by: drafter)
    }

    /// Does what the case's current stage needs and completes it.
    func advance(_ lived: LivedCase, stage: ProcedureStage, in department: LivedCounty.Department, random: inout SplitMix64) async throws {
        let today = sunlight.clock.today
        let officer = department.officers[0]
        let fine = lived.fine
        // A 较大数额罚款 carries the right to a hearing, which the party waives in writing (行政处罚法 第六十三条).
        let hearing = fine >= 10_000
        var overrides = ["fine": "\(fine)", "sanctions": "fine", "hearing": hearing ? "yes" : "no", "date": today.iso, "method": "direct", "recipient": lived.party]
        if stage.documents.contains(.deliveryReceipt) || stage.code == "delivery" {
            let documents = try await store.caseRecords.documents(of: lived.id)
            if let decision = documents.last(where: { $0.type.isDecision && $0.status == CaseDocument.Status.issued }) {
                overrides["document"] = decision.id.uuidString.lowercased()
            }
        }
        if stage.audioVideo {
            if random.next() % 20 == 0 {
                _ = try await sunlight.cases.requestAudioVideoExemption(case: lived.id, reason: "执法记录仪故障，已由当事人在笔录上签字确认", by: officer)
                _ = try await sunlight.cases.approveAudioVideoExemption(case: lived.id, by: department.head)
            } else {
                let bytes = Array("生成的现场照片 \(lived.id.uuidString) \(stage.code)".utf8)
                let receipt = try upload(bytes)
                _ = try await sunlight.cases.recordCaseEvidence(case: lived.id, NewCaseEvidence(
                    kind: .audiovisual, description: "现场照片：\(stage.name)", source: "执法人员现场拍摄", original: true,
                    confirmedBy: lived.party, confirmedOn: today),
                    upload: (NewEvidence(kind: .photo, title: "\(stage.name)现场照片", filename: "IMG_\(stage.code).jpg", mediaType: "image/jpeg",
                                         recordedAt: sunlight.clock.now.addingTimeInterval(-600), place: "现场", recordedBy: officer.user!.id,
                                         device: "执法记录仪"), receipt), by: officer)
            }
        }
        if stage.code == "review", !(try await review(lived, in: department, random: &random)) { return }
        for type in stage.documents where type != .hearingNotice && type != .hearingRecord {
            if type.isDecision, let draft = try await store.caseRecords.documents(of: lived.id)
                .last(where: { $0.type == type && $0.status != CaseDocument.Status.issued }) {
                // The draft that passed legal review is the one decided.
                _ = try await sunlight.cases.signDocument(draft.id, by: department.head)
                _ = try await sunlight.cases.issueDocument(draft.id, by: officer)
                continue
            }
            let document = try await issue(lived.id, type, overrides, in: department)
            if type == .penaltyNotice {
                // Served on the party, who answers in writing (行政处罚法 第四十四、四十五条).
                try await issue(lived.id, .deliveryReceipt, overrides.merging(["document": document.id.uuidString.lowercased()]) { $1 }, in: department)
                _ = try await sunlight.cases.recordPartyResponse(case: lived.id, kind: hearing ? .hearingWaived : .statementReceived, on: today,
                                                                 note: hearing ? "当事人书面放弃听证" : "当事人书面陈述，无异议", by: officer)
            }
        }
        if stage.code == "release", let seizure = try await store.caseRecords.documents(of: lived.id).last(where: { $0.type == .seizureDecision }) {
            _ = try await sunlight.cases.releaseSeizure(case: lived.id, decision: seizure.id, reason: "违法行为已改正，不再需要扣押", by: department.head)
        }
        if lived.category == .penalty, stage.code == "execution" {
            // A slow case pays late, with the surcharge the law adds (行政处罚法 第七十二条).
            let (owed, surcharge) = try await sunlight.cases.paymentDue(case: lived.id, paidOn: today, by: officer)
            _ = try await sunlight.cases.recordPayment(case: lived.id, amount: owed + surcharge, paidOn: today, method: .electronic, receipt: "电子缴款凭证",
                                                       by: officer)
        }
        _ = try await sunlight.cases.completeStage(case: lived.id, by: officer)
    }
}
