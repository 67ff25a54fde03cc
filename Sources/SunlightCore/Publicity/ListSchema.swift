/// 公示清单 — the lists an organisation publishes before it enforces anything (事前公开).
/// Officers and certificates (PUB-2) are not a list kept by hand: they come from the staff
/// records, so they cannot drift from who actually enforces.
public enum ListKind: String, Codable, Sendable, CaseIterable {
    /// 主体资格清单 (PUB-1).
    case subject
    /// 执法事项清单 / 权力清单 (PUB-3, STD-1).
    case item
    /// 随机抽查事项清单 (PUB-4).
    case randomInspection = "random_inspection"
    /// 服务指南 (PUB-5).
    case guide
    /// 监督信息 (PUB-11).
    case supervision

    public var chineseName: String {
        switch self {
        case .subject: "主体资格清单"
        case .item: "执法事项清单"
        case .randomInspection: "随机抽查事项清单"
        case .guide: "服务指南"
        case .supervision: "监督信息"
        }
    }

    public var rule: RuleID {
        switch self {
        case .subject: .pub1
        case .item: .pub3
        case .randomInspection: .pub4
        case .guide: .pub5
        case .supervision: .pub11
        }
    }

    public var schema: ListSchema { ListSchema.of(self) }
}

/// One field of a list: its code, the Chinese label people (and CSV headers) use, and what
/// values it takes.
public struct ListField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text(max: Int)
        case longText(max: Int)
        /// One of the given codes; the CSV may use the code or the Chinese label.
        case choice([(code: String, label: String)])
        case yesNo

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.text(x), .text(y)), let (.longText(x), .longText(y)): x == y
            case let (.choice(x), .choice(y)): x.map(\.code) == y.map(\.code)
            case (.yesNo, .yesNo): true
            default: false
            }
        }
    }

    public let key: String
    public let label: String
    public let kind: Kind
    public let required: Bool
    public let hint: String?

    init(_ key: String, _ label: String, _ kind: Kind, required: Bool = true, hint: String? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
    }

    /// The stored form of `raw`, or the reason it is not acceptable.
    public func normalise(_ raw: String?) -> Result<String, FieldProblem> {
        let value = (raw ?? "").trimmed
        if value.isEmpty { return required ? .failure(FieldProblem(field: self, "不能为空")) : .success("") }
        switch kind {
        case .text(let max), .longText(let max):
            return value.count <= max ? .success(value) : .failure(FieldProblem(field: self, "不能超过 \(max) 个字"))
        case .choice(let options):
            guard let option = options.first(where: { $0.code == value || $0.label == value }) else {
                return .failure(FieldProblem(field: self, "应为以下之一：" + options.map(\.label).joined(separator: "、")))
            }
            return .success(option.code)
        case .yesNo:
            switch value {
            case "是", "yes", "true", "1": return .success("yes")
            case "否", "no", "false", "0": return .success("no")
            default: return .failure(FieldProblem(field: self, "应为“是”或“否”"))
            }
        }
    }

    /// The value as people read it (a choice's label, 是/否).
    public func display(_ value: String) -> String {
        switch kind {
        case .choice(let options): options.first { $0.code == value }?.label ?? value
        case .yesNo: value == "yes" ? "是" : value == "no" ? "否" : value
        default: value
        }
    }
}

/// What is wrong with one field's value.
public struct FieldProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let label: String
    public let message: String

    init(field: ListField, _ message: String) {
        self.key = field.key
        self.label = field.label
        self.message = message
    }

    public var description: String { "“\(label)”\(message)" }
}

/// The fields of each list, in DOMAIN.md's words.
public struct ListSchema: Sendable {
    public let kind: ListKind
    public let fields: [ListField]
    /// The field that names an entry.
    public let titleKey: String

    public func field(_ key: String) -> ListField? { fields.first { $0.key == key } }

    /// Normalises every field; all problems are reported together (empty when valid).
    public func validate(_ values: [String: String]) -> (values: [String: String], problems: [FieldProblem]) {
        var clean: [String: String] = [:]
        var problems: [FieldProblem] = []
        for field in fields {
            switch field.normalise(values[field.key]) {
            case .success(let value): if !value.isEmpty { clean[field.key] = value }
            case .failure(let problem): problems.append(problem)
            }
        }
        return (clean, problems)
    }

    static func of(_ kind: ListKind) -> ListSchema {
        let categories = EnforcementCategory.powerList.map { (code: $0.rawValue, label: $0.chineseName) }
        let enforcement = EnforcementCategory.enforcement.map { (code: $0.rawValue, label: $0.chineseName) }
        switch kind {
        case .subject:
            return ListSchema(kind: kind, fields: [
                ListField("name", "主体名称", .text(max: 60)),
                ListField("organisationType", "机构性质", .choice([("administrative", "行政机关"), ("institution", "事业单位"), ("other", "其他组织")])),
                ListField("fundingSource", "经费来源", .choice([("full", "财政全额拨款"), ("partial", "财政差额拨款"), ("self", "自收自支")])),
                ListField("staffing", "编制情况", .text(max: 100), hint: "如：行政编制 25 名"),
                ListField("subjectCategory", "主体类别", .choice([("statutory", "法定"), ("authorised", "授权"), ("entrusted", "委托")])),
                ListField("duties", "职责职权", .longText(max: 2000)),
                ListField("legalRepresentative", "法定代表人", .text(max: 30)),
                ListField("address", "办公地址", .text(max: 100)),
                ListField("complaintPhone", "投诉电话", .text(max: 30)),
            ], titleKey: "name")
        case .item:
            return ListSchema(kind: kind, fields: [
                ListField("code", "事项编码", .text(max: 40)),
                ListField("name", "事项名称", .text(max: 120)),
                ListField("powerCategory", "权力类别", .choice(categories), hint: "权力清单九类（STD-1）"),
                ListField("enforcementCategory", "执法类别", .choice(enforcement), required: false, hint: "六类执法行为之一；执法人员的证件须包含此类别（REC-7）"),
                ListField("law", "法律依据（法律法规名称）", .text(max: 100)),
                ListField("article", "条款", .text(max: 60), hint: "如：第五十一条"),
                ListField("discretionBenchmark", "裁量基准", .text(max: 200), required: false),
                ListField("responsibleOrganisation", "实施主体", .text(max: 60)),
                ListField("entrusted", "受委托实施", .yesNo),
                ListField("timeLimit", "办理时限", .text(max: 60), hint: "如：20个工作日"),
            ], titleKey: "name")
        case .randomInspection:
            return ListSchema(kind: kind, fields: [
                ListField("name", "抽查事项", .text(max: 120)),
                ListField("subject", "抽查主体", .text(max: 60)),
                ListField("basis", "抽查依据", .longText(max: 500)),
                ListField("object", "抽查对象", .text(max: 200)),
                ListField("content", "抽查内容", .longText(max: 500)),
                ListField("method", "抽查方式", .text(max: 100)),
                ListField("ratio", "抽查比例", .text(max: 30)),
                ListField("frequency", "抽查频次", .text(max: 30)),
            ], titleKey: "name")
        case .guide:
            return ListSchema(kind: kind, fields: [
                ListField("name", "事项名称", .text(max: 120)),
                ListField("category", "执法类别", .choice(enforcement), hint: "决定流程图的样式"),
                ListField("basis", "设定依据", .longText(max: 1000)),
                ListField("materials", "申请材料", .longText(max: 2000)),
                ListField("steps", "办理流程", .longText(max: 2000)),
                ListField("timeLimit", "办理时限", .text(max: 60)),
                ListField("supervision", "监督方式", .text(max: 200)),
                ListField("remedies", "救济途径", .text(max: 300)),
                ListField("officeHours", "办公时间", .text(max: 100)),
                ListField("address", "办理地点", .text(max: 100)),
                ListField("phone", "咨询电话", .text(max: 30)),
            ], titleKey: "name")
        case .supervision:
            return ListSchema(kind: kind, fields: [
                ListField("name", "监督事项", .text(max: 100), hint: "如：投诉举报、行政复议"),
                ListField("channel", "监督方式与途径", .longText(max: 500)),
                ListField("contact", "受理机构", .text(max: 60)),
                ListField("phone", "电话", .text(max: 30)),
                ListField("address", "地址", .text(max: 100), required: false),
                ListField("email", "电子邮箱", .text(max: 60), required: false),
                ListField("outcome", "监督结果", .longText(max: 2000), required: false, hint: "监督结果反馈（PUB-11）"),
            ], titleKey: "name")
        }
    }
}
