import Foundation
import SunlightCore
import Vapor

/// How a case's facts are shown on the staff pages (案件): status badges, procedure names,
/// clocks, and the fixed notices after a change.
enum CaseText {
    static func procedure(_ theCase: EnforcementCase) -> String { theCase.simple ? "简易程序" : "普通程序" }

    /// The stage the case stands in, or that it is finished.
    static func stage(_ theCase: EnforcementCase) -> String {
        if let stage = theCase.currentStage { return stage.name }
        return theCase.stage == "done" ? "已办结" : theCase.stage
    }

    static func stageName(_ code: String?, in theCase: EnforcementCase) -> String {
        guard let code else { return "—" }
        return theCase.stages.first { $0.code == code }?.name ?? code
    }

    static func date(_ date: CivilDate?) -> String { date?.iso ?? "—" }

    static let statusOptions: [Option] = [Option(value: "running", label: "办理中或中止")]
        + [EnforcementCase.Status.open, .suspended, .terminated, .closed, .archived].map { Option(value: $0.rawValue, label: $0.chineseName) }

    static let categoryOptions = EnforcementCategory.enforcement.map { Option(value: $0.rawValue, label: $0.chineseName) }

    static func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ name: (T) -> String, selected: String? = nil) -> [Option]
    where T.RawValue == String {
        T.allCases.map { Option(value: $0.rawValue, label: name($0), checked: $0.rawValue == selected) }
    }

    /// The messages shown after a case action (`?notice=…`), next to the shared ones.
    static let notices: [String: String] = [
        "case_opened": "已立案，案号已编定；立案、当事人和承办人员已写入防篡改日志。",
        "stage_completed": "本环节已完成，案件进入下一环节。",
        "document_drafted": "文书草稿已保存。",
        "document_revised": "草稿已修改。",
        "document_submitted": "已送审，等待审签。",
        "document_signed": "已签发。",
        "document_returned": "已退回，文书回到草稿。",
        "document_issued": "已出具，文书编号已编定。",
        "evidence_recorded": "证据已登记；文件的 SHA-256 已写入防篡改日志。",
        "recorded": "已记录，并写入防篡改日志。",
        "benchmark_saved": "裁量基准已保存。",
        "av_saved": "音像记录事项清单已更新。",
    ]

    /// The page context, with a case notice if the query names one.
    static func page(_ request: Request, title: String) -> PageContext {
        PageContext(request, title: title, notice: request.query[String.self, at: "notice"].flatMap { notices[$0] ?? ReviewText.notices[$0] })
    }
}

/// A statutory clock as a badge: what, by when, its state (CAL-3, REC-13). A date counted
/// across a year without a loaded holiday notice is marked 暂定, with why (CAL-4).
struct ClockBadge: Encodable {
    let title, due, stateClass, stateText, basis, rule: String
    /// 暂定 and why, or empty.
    let problem: String

    init(_ clock: CaseClock) {
        let badge = DeadlineBadge(clock.state)
        title = clock.title
        due = (clock.due.map { "\($0.iso)（\($0.chineseWeekday)）" } ?? "") + (clock.provisional ? "（暂定）" : "")
        stateClass = badge.cssClass
        stateText = badge.text
        basis = clock.basis
        rule = clock.rule.rawValue
        problem = clock.problem ?? ""
    }
}

/// A refusal shown inside the form that caused it.
struct FormProblem: Encodable {
    /// Which form: its `id` on the page.
    let form: String
    let message: String
}

extension SunlightError {
    /// Refusals a person can correct in the form; others (403, 401) go to the error page.
    var belongsInForm: Bool {
        switch kind {
        case .invalidInput, .ruleViolation, .notFound, .conflict: true
        default: false
        }
    }

    var httpStatus: HTTPResponseStatus {
        switch kind {
        case .invalidInput: .badRequest
        case .ruleViolation: .unprocessableEntity
        case .notFound: .notFound
        case .conflict: .conflict
        case .forbidden: .forbidden
        case .unauthenticated: .unauthorized
        case .tooManyAttempts: .tooManyRequests
        }
    }
}

extension Request {
    /// A form field that may be missing.
    func field(_ name: String) -> String? { (try? content.get(String.self, at: name))?.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// A date field, `YYYY-MM-DD`.
    func dateField(_ name: String, _ label: String, rule: RuleID) throws -> CivilDate {
        guard let date = field(name).flatMap(CivilDate.init(iso:)) else { throw SunlightError.invalid(name, "请填写\(label)（YYYY-MM-DD）", rule: rule) }
        return date
    }
}
