import Foundation

/// 法制审核统计 — per organisation: rounds submitted, reviewed and approved, the pass rate, the
/// mean time in working days from submission to opinion, and what ran past its deadline (REV-5).
public struct ReviewStatistics: Sendable {
    public struct Row: Sendable, Equatable {
        public let key: String
        public let label: String
        /// Draft decisions submitted (each counted once, however many rounds).
        public var decisions = 0
        public var rounds = 0
        public var reviewed = 0
        public var approved = 0
        public var pending = 0
        /// Reviewed after the deadline, or still pending past it.
        public var overdue = 0
        var workingDays: [Int] = []
        var documents = Set<UUID>()

        init(key: String, label: String) {
            self.key = key
            self.label = label
        }

        /// Approved rounds among reviewed rounds, in per cent.
        public var passRate: Double? { reviewed == 0 ? nil : Double(approved) * 100 / Double(reviewed) }
        /// Mean working days from submission to opinion; `nil` without reviewed rounds (or calendar).
        public var meanWorkingDays: Double? { workingDays.isEmpty ? nil : Double(workingDays.reduce(0, +)) / Double(workingDays.count) }
    }

    public let from: CivilDate
    public let to: CivilDate
    public let total: Row
    public let byOrganisation: [Row]

    public static func compute(records: [ReviewRecord], organisations: [Organisation], from: CivilDate, to: CivilDate, today: CivilDate,
                               calendar: WorkingDayCalendar) -> ReviewStatistics {
        var total = Row(key: "all", label: "合计")
        var rows: [Organisation.ID: Row] = [:]
        let names = Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (documentID, documentRecords) in Dictionary(grouping: records, by: \.documentID) {
            for round in ReviewHistory(documentID: documentID, records: documentRecords).rounds {
                let submitted = round.submission.submittedOn
                guard submitted >= from, submitted <= to else { continue }
                let organisation = round.submissionRecord.organisationID
                var row = rows[organisation] ?? Row(key: organisation.uuidString.lowercased(), label: names[organisation] ?? "")
                add(round, documentID: documentID, today: today, calendar: calendar, to: &row)
                add(round, documentID: documentID, today: today, calendar: calendar, to: &total)
                rows[organisation] = row
            }
        }
        return ReviewStatistics(from: from, to: to, total: total, byOrganisation: rows.values.sorted { $0.label < $1.label })
    }

    private static func add(_ round: ReviewRound, documentID: UUID, today: CivilDate, calendar: WorkingDayCalendar, to row: inout Row) {
        row.rounds += 1
        if row.documents.insert(documentID).inserted { row.decisions += 1 }
        let due = round.submission.due(on: calendar)
        if let opinion = round.opinion {
            row.reviewed += 1
            if opinion.outcome == .approve { row.approved += 1 }
            if opinion.reviewedOn > due { row.overdue += 1 }
            row.workingDays.append(calendar.provisionalWorkingDays(from: round.submission.submittedOn, until: opinion.reviewedOn))
        } else {
            row.pending += 1
            if today > due { row.overdue += 1 }
        }
    }

    /// The table, for the CSV export.
    public var table: TextTable {
        func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "" }
        let lines = (byOrganisation + [total]).map { row in
            [row.label, String(row.decisions), String(row.rounds), String(row.reviewed), String(row.approved), number(row.passRate),
             number(row.meanWorkingDays), String(row.pending), String(row.overdue)]
        }
        return TextTable(header: ["机构", "送审决定数", "审核轮次", "已审核", "同意", "通过率（%）", "平均审核用时（工作日）", "待审核", "超期"], rows: lines)
    }
}
