import Foundation

extension CaseUseCases {
    /// 依法删除个人信息 — erases one personal value of a logged record where the law requires
    /// it (crypto-shredding, REC-5): the value and its salt are destroyed, the commitment the
    /// log holds stays, so the log still verifies; the erasure itself is logged with its reason.
    /// Only the operator at the console may do this.
    public func erasePersonalData(table: String, recordID: String, field: String, reason: String, by actor: Actor) async throws {
        guard actor.channel == .console else {
            throw SunlightError(.forbidden, code: "erase.console_only", "删除个人信息只能由系统运维人员在服务器命令行执行")
        }
        guard reason.trimmed.count >= 4 else { throw SunlightError.invalid("reason", "请写明删除个人信息的法律依据或理由") }
        guard let value = try await store.personalData.values(table: table, recordIDs: [recordID]).first(where: { $0.field == field }),
              value.erasedAt == nil else {
            throw SunlightError.notFound("待删除的个人信息（\(table)/\(recordID) 的 \(field)）")
        }
        try await commit(actor, .erase, table, id: recordID, in: nil, "依法删除个人信息 \(field)：\(reason.trimmed)") { tx, at in
            try await tx.personalData.erase(table: table, recordID: recordID, field: field, at: at)
            // The party's 比对摘要 goes with its ID number (REC-15).
            if table == "case_parties", field == "idNumber", let party = UUID(uuidString: recordID) { try await tx.cases.setLookup(nil, party: party) }
            // A document keeps its fields in its row too: the erased one is cleared there (issue 15 item 8).
            if table == CaseDocument.personalTable, let id = UUID(uuidString: recordID), var document = try await tx.caseRecords.document(id) {
                document.fields[field] = PersonalValue.erasedText
                try await tx.caseRecords.update(document)
            }
            // So does a lead its summary (线索内容).
            if table == CaseLead.table, field == CaseLead.summaryField, let id = UUID(uuidString: recordID),
               var lead = try await tx.records(CaseLead.self).find(id) {
                lead.summary = PersonalValue.erasedText
                try await tx.records(CaseLead.self).update(lead)
            }
            // So does a case its title (案由).
            if table == EnforcementCase.personalTable, field == EnforcementCase.titleField, let id = UUID(uuidString: recordID),
               let theCase = try await tx.cases.find(id) {
                try await tx.cases.update(theCase.with(title: PersonalValue.erasedText))
            }
            return ((), [])
        }
    }
}
