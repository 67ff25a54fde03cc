import Foundation
import SunlightCore
import Vapor

/// 证据登记 — records a piece of evidence in the case's current stage from the case page, with
/// a file (photo, recording, body-camera video) uploaded in the same form: the file streams to
/// disk and is hashed on the way (REC-4), and its record and the evidence commit together with
/// the party's confirmation (REC-8). A refused form leaves no file behind.
struct CaseEvidenceController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.POST, "staff", "cases", ":case", "evidence", body: .stream, use: record)
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let caseID = try request.uuid("case", "案件")
        try await request.sunlight.cases.authoriseUpload(by: staff.actor)
        let form: (fields: [String: String], file: BlobReceipt?, filename: String?, mediaType: String?)
        do {
            form = try await StreamingUpload.receiveForm(request)
        } catch let error as ErrorPresentation where error.status == 413 || error.status == 400 {
            return try await CasePageController.render(request, caseID: caseID, problem: FormProblem(form: "evidence", message: error.message),
                                                       status: error.httpStatus)
        }
        let fields = form.fields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        do {
            guard let kind = fields["kind"].flatMap(CaseEvidence.Kind.init(rawValue:)) else {
                throw SunlightError.invalid("kind", "请选择证据种类", rule: .rec8)
            }
            guard let confirmedOn = fields["confirmedOn"].flatMap(CivilDate.init(iso:)) else {
                throw SunlightError.invalid("confirmedOn", "请填写当事人确认日期（YYYY-MM-DD）", rule: .rec8)
            }
            let description = fields["description"] ?? ""
            let evidence = NewCaseEvidence(kind: kind, description: description, source: fields["source"] ?? "",
                                           original: fields["original"] != "copy", copyVerified: fields["copyVerified"] == "yes",
                                           confirmedBy: fields["confirmedBy"] ?? "", confirmedOn: confirmedOn)
            var upload: (NewEvidence, BlobReceipt)?
            if let receipt = form.file {
                try await request.sunlight.cases.logUpload(receipt, filename: form.filename, by: staff.actor)
                guard let fileKind = fields["fileKind"].flatMap(EvidenceFile.Kind.init(rawValue:)) else {
                    throw SunlightError.invalid("fileKind", "请选择文件的记录形式", rule: .rec4)
                }
                guard let recordedAt = fields["recordedAt"].flatMap(EvidenceController.beijingMinute) else {
                    throw SunlightError.invalid("recordedAt", "请填写记录时间", rule: .rec4)
                }
                guard let recorder = fields["recordedBy"].flatMap(UUID.init(uuidString:)) else {
                    throw SunlightError.invalid("recordedBy", "请选择记录人", rule: .rec4)
                }
                let title = (fields["title"]?.isEmpty == false ? fields["title"]! : description)
                upload = (NewEvidence(kind: fileKind, title: String(title.prefix(100)), filename: form.filename ?? "file",
                                      mediaType: form.mediaType ?? "", recordedAt: recordedAt, place: fields["place"] ?? "",
                                      recordedBy: recorder, device: fields["device"] ?? "", parties: fields["parties"]), receipt)
            }
            _ = try await request.sunlight.cases.recordCaseEvidence(case: caseID, evidence, upload: upload, by: staff.actor)
            return Page.redirect("/staff/cases/\(caseID.uuidString.lowercased())", notice: "evidence_recorded")
        } catch let error as SunlightError {
            if let receipt = form.file, receipt.isNew { try? request.application.blobStore.remove(receipt.sha256) }
            guard error.belongsInForm else { throw error }
            return try await CasePageController.render(request, caseID: caseID, problem: FormProblem(form: "evidence", message: error.description),
                                                       posted: fields, status: error.httpStatus)
        }
    }
}
