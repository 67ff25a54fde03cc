import Foundation
@testable import SunlightCore
import SunlightLedger

/// Every sample as the log records it, by name: what the golden vectors pin (REC-5).
extension LedgerSamples {
    /// The record as it was written under content version 1.
    static func v1(_ record: LedgerRecord) throws -> LedgerRecord { try pinned(record, version: 1) }

    /// The record as it was written under an earlier content version.
    static func pinned(_ record: LedgerRecord, version: Int) throws -> LedgerRecord {
        LedgerRecord(type: record.type, table: record.table, id: record.id, organisationID: record.organisationID,
                     content: try record.content(version: version) ?? .null, corrects: record.corrects, contentVersion: version)
    }

    /// Every sample's record, named `table/variant`.
    static func records() throws -> [(name: String, record: LedgerRecord)] {
        [
            ("organisations", organisation.ledgerRecord("organisation.created")),
            ("users/full", user.ledgerRecord("user.created")),
            ("users/minimal", userMinimal.ledgerRecord("user.deactivated")),
            ("certificates/valid", certificate.ledgerRecord("certificate.recorded", organisationID: market)),
            ("certificates/revoked", certificateRevoked.ledgerRecord("certificate.revoked", organisationID: market)),
            ("api_tokens/issued", token.ledgerRecord("token.issued", organisationID: market)),
            ("api_tokens/revoked", tokenRevoked.ledgerRecord("token.revoked", organisationID: market)),
            ("holiday_notices", holidays.ledgerRecord(organisationID: nil)),
            ("access_log/staff", access.ledgerRecord(address: sealed("access_log", u(60), "address", "192.0.2.10"))),
            ("access_log/anonymous", accessAnonymous.ledgerRecord(address: nil)),
            ("list_entries/published", listEntry.ledgerRecord("list.published")),
            ("list_entries/draft", listEntryDraft.ledgerRecord("list.drafted")),
            ("certificate_reviews/passed", certificateReview.ledgerRecord(organisationID: market)),
            ("certificate_reviews/failed", certificateReviewFailed.ledgerRecord(organisationID: market)),
            ("trainings", training.ledgerRecord(organisationID: market)),
            ("evidence_files/recorded", evidenceFile.ledgerRecord(parties: sealed("evidence_files", u(90), "parties", "王小明"))),
            ("evidence_files/corrected", evidenceCorrection.ledgerRecord(parties: nil)),
            // Content version 1 (the title in the clear), still verified for older leaves.
            ("cases/full", try v1(enforcementCase.ledgerRecord("case.opened", title: nil))),
            ("cases/simple", try v1(simpleCase.ledgerRecord("case.updated", title: nil))),
            ("cases/from-lead", try v1(caseFromLead.ledgerRecord("case.opened", title: nil))),
            // Content version 2: the title sealed (issue 15 item 8).
            ("cases/title-sealed", titledCase.ledgerRecord("case.opened", title: sealed("cases", u(27), "title", "王小明无照经营案"))),
            ("case_parties/person", person.ledgerRecord(organisationID: market, sealed: [
                "name": sealed("case_parties", u(100), "name", "王小明"), "idNumber": sealed("case_parties", u(100), "idNumber", "532328198001011234"),
                "address": sealed("case_parties", u(100), "address", "元谋县元马镇龙川街 12 号"), "phone": sealed("case_parties", u(100), "phone", "13800001111"),
            ])),
            ("case_parties/organisation", company.ledgerRecord(organisationID: market, sealed: [:])),
            ("case_events/extended", caseEvent.ledgerRecord(organisationID: market)),
            ("case_events/opened", caseEventBare.ledgerRecord(organisationID: market)),
            ("case_officers/assigned", caseOfficer.ledgerRecord("case.officer_assigned", organisationID: market)),
            ("case_officers/recused", caseOfficerRecused.ledgerRecord("case.officer_recused", organisationID: market)),
            // Content version 1 (personal fields in the clear), still verified for older leaves.
            ("case_documents/issued", try v1(caseDocument.ledgerRecord("case.document_issued", organisationID: market, sealed: [:]))),
            ("case_documents/draft", try v1(caseDocumentDraft.ledgerRecord("case.document_drafted", organisationID: market, sealed: [:]))),
            ("case_evidence/file", try v1(caseEvidence.ledgerRecord(organisationID: market, confirmedBy: nil))),
            ("case_evidence/bare", try v1(caseEvidenceBare.ledgerRecord(organisationID: market, confirmedBy: nil))),
            // Content version 2: 被询问人 and who confirmed the evidence sealed (issue 15 item 8).
            ("case_documents/inquiry-sealed", try pinned(inquiryRecord.ledgerRecord("case.document_drafted", organisationID: market,
                                                                                    sealed: ["person": sealed("case_documents", u(26), "person", "王小明")]),
                                                         version: 2)),
            ("case_documents/issued-v2", try pinned(caseDocument.ledgerRecord("case.document_issued", organisationID: market, sealed: [:]), version: 2)),
            // Content version 3: free prose (询问内容, 违法事实) sealed too (issue 15 item 8).
            ("case_documents/inquiry-prose", inquiryRecord.ledgerRecord("case.document_drafted", organisationID: market, sealed: [
                "person": sealed("case_documents", u(26), "person", "王小明"), "content": sealed("case_documents", u(26), "content", "问：……"),
            ])),
            ("case_documents/issued-v3", caseDocument.ledgerRecord("case.document_issued", organisationID: market, sealed: [
                "facts": sealed("case_documents", documentID, "facts", "当事人销售超过保质期的食品。"),
            ])),
            ("case_evidence/sealed", caseEvidence.with(confirmedBy: nil)
                .ledgerRecord(organisationID: market, confirmedBy: sealed("case_evidence", u(120), "confirmedBy", "王小明"))),
            ("case_evidence/bare-v2", caseEvidenceBare.ledgerRecord(organisationID: market, confirmedBy: nil)),
            ("case_interference", interference.ledgerRecord(organisationID: market)),
            ("discretion_benchmarks", benchmark.ledgerRecord()),
            ("audio_video_list", audioVideo.ledgerRecord),
            ("review_catalogues/adopted", try catalogue.ledgerRecord),
            ("review_catalogues/standard", try catalogueStandard.ledgerRecord),
            ("review_records/submission", try reviewSubmission.ledgerRecord),
            ("review_records/submission-bare", try reviewSubmissionBare.ledgerRecord),
            ("review_records/opinion", try reviewOpinion.ledgerRecord),
            ("review_records/coordination", try reviewCoordination.ledgerRecord),
            ("review_records/discussion", try reviewDiscussion.ledgerRecord),
            ("publication_policies", policy.ledgerRecord),
            ("decision_publications/withdrawn", try publication.ledgerRecord("publication.change_reported")),
            ("decision_publications/due", try publicationDue.ledgerRecord("publication.opened")),
            ("publication_events/change_reported", try publicationEvent.ledgerRecord()),
            ("publication_events/opened", try publicationEventBare.ledgerRecord()),
            ("inspection_draws/published", try draw.ledgerRecord("draw.published")),
            ("inspection_draws/committed", try drawCommitted.ledgerRecord("draw.committed")),
            ("case_transfers/objected", try transfer.ledgerRecord("transfer.objected")),
            ("case_transfers/reported", try transferBare.ledgerRecord("transfer.reported")),
            ("discipline_referrals/full", try referral.ledgerRecord()),
            ("discipline_referrals/bare", try referralBare.ledgerRecord()),
            ("supervision_instruments/closed", try instrument.ledgerRecord("instrument.closed")),
            ("supervision_instruments/issued", try instrumentBare.ledgerRecord("instrument.issued")),
            ("complaints/closed", try complaint.ledgerRecord("complaint.closed")),
            ("complaints/registered", try complaintBare.ledgerRecord("complaint.registered")),
            ("complaint_events/registered", try complaintEvent.ledgerRecord(contact: complaintContact)),
            ("complaint_events/answered", try complaintEventAnswered.ledgerRecord()),
            // Content version 1 (the summary in the clear), still verified for older leaves.
            ("case_leads/declined", try v1(try lead.ledgerRecord("lead.declined"))),
            ("case_leads/registered", try v1(try leadBare.ledgerRecord("lead.registered"))),
            // Content version 2: the summary sealed (issue 15 item 8).
            ("case_leads/summary-sealed", try leadSealed.ledgerRecord("lead.registered")),
            ("coordination_matters/dispute", try matter.ledgerRecord("coordination.issue_opinion")),
            ("coordination_matters/assistance", try matterBare.ledgerRecord("coordination.raised")),
            ("approval_routes/keyword", try route.ledgerRecord("approval_route.retired")),
            ("approval_routes/any", try routeBare.ledgerRecord("approval_route.created")),
            ("joint_meetings", try meeting.ledgerRecord("meeting.recorded")),
            ("supervision_inspections/third_party", try inspection.ledgerRecord("inspection.recorded")),
            ("supervision_inspections/daily", try inspectionBare.ledgerRecord("inspection.recorded")),
            ("guiding_cases/published", try guidingCase.ledgerRecord("guiding_case.published")),
            ("guiding_cases/nominated", try guidingCaseBare.ledgerRecord("guiding_case.nominated")),
            ("assessment_schemes", try scheme.ledgerRecord("assessment.scheme_set")),
            ("organisation_assessments/published", try assessment.ledgerRecord("assessment.published")),
            ("organisation_assessments/rated", try assessmentBare.ledgerRecord("assessment.rated")),
            ("assessment_filings/officers", try filing.ledgerRecord("assessment.filed")),
            ("assessment_filings/self", try filingBare.ledgerRecord("assessment.filed")),
            ("catalogue_approvals/approved", try catalogueApproval.ledgerRecord("catalogue_approval.approved")),
            ("catalogue_approvals/pending", try catalogueApprovalBare.ledgerRecord("catalogue_approval.requested")),
            ("catalogue_bounds", try catalogueBounds.ledgerRecord("catalogue_bounds.set")),
            ("annual_reports/corrected", try annualReport.ledgerRecord("annual_report.published")),
            ("annual_reports/first", try annualReportBare.ledgerRecord("annual_report.published")),
        ]
    }
}
