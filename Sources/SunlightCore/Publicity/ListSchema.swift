/// 公示清单 — the lists an organisation publishes before it enforces anything (事前公开).
/// Officers and certificates (PUB-2) are not a list kept by hand: they come from the staff
/// records, so they cannot drift from who actually enforces.
public enum ListKind: String, Codable, Sendable, CaseIterable, ClosedChoice {
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
        /// Any number of the given codes, stored joined by commas in the options' order.
        case choices([(code: String, label: String)])
        case yesNo

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.text(x), .text(y)), let (.longText(x), .longText(y)): x == y
            case let (.choice(x), .choice(y)), let (.choices(x), .choices(y)): x.map(\.code) == y.map(\.code)
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
        case .choices(let options):
            let given = value.split { ",，、 ".contains($0) }.map { String($0).trimmed }.filter { !$0.isEmpty }
            var codes: Set<String> = []
            for text in given {
                guard let option = options.first(where: { $0.code == text || $0.label == text }) else {
                    return .failure(FieldProblem(field: self, "“\(text)”不在可选范围内：" + options.map(\.label).joined(separator: "、")))
                }
                codes.insert(option.code)
            }
            if codes.isEmpty { return required ? .failure(FieldProblem(field: self, "至少选择一项")) : .success("") }
            return .success(options.map(\.code).filter(codes.contains).joined(separator: ","))
        case .yesNo:
            switch value {
            case "是", "yes", "true", "1": return .success(YesNo.yes)
            case "否", "no", "false", "0": return .success(YesNo.no)
            default: return .failure(FieldProblem(field: self, "应为“是”或“否”"))
            }
        }
    }

    /// The value as people read it (a choice's label, 是/否).
    public func display(_ value: String) -> String {
        switch kind {
        case .choice(let options): options.first { $0.code == value }?.label ?? value
        case .choices(let options):
            value.split(separator: ",").map { code in options.first { $0.code == code }?.label ?? String(code) }.joined(separator: "、")
        case .yesNo: value == YesNo.yes ? "是" : value == YesNo.no ? "否" : value
        default: value
        }
    }
}

/// The stored codes of a 是/否 field (`ListField.Kind.yesNo`).
enum YesNo {
    static let yes = "yes"
    static let no = "no"
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
                .entry(.name, "主体名称", .text(max: 60)),
                .entry(.organisationType, "机构性质", .choice([("administrative", "行政机关"), ("institution", "事业单位"), ("other", "其他组织")])),
                .entry(.fundingSource, "经费来源", .choice([("full", "财政全额拨款"), ("partial", "财政差额拨款"), ("self", "自收自支")])),
                .entry(.staffing, "编制情况", .text(max: 100), hint: "如：行政编制 25 名"),
                .entry(.subjectCategory, "主体类别", .choice([("statutory", "法定"), ("authorised", "授权"), ("entrusted", "委托")])),
                .entry(.duties, "职责职权", .longText(max: 2000)),
                .entry(.legalRepresentative, "法定代表人", .text(max: 30)),
                .entry(.address, "办公地址", .text(max: 100)),
                .entry(.complaintPhone, "投诉电话", .text(max: 30)),
            ], titleKey: ListEntryField.name.rawValue)
        case .item:
            return ListSchema(kind: kind, fields: [
                .entry(.code, "事项编码", .text(max: 40)),
                .entry(.name, "事项名称", .text(max: 120)),
                .entry(.powerCategory, "权力类别", .choice(categories), hint: "权力清单九类"),
                .entry(.enforcementCategory, "执法类别", .choice(enforcement), required: false, hint: "六类执法行为之一；执法人员的证件须包含此类别（依据《中华人民共和国行政处罚法》第四十二条）"),
                .entry(.law, "法律依据（法律法规名称）", .text(max: 100)),
                .entry(.article, "条款", .text(max: 60), hint: "如：第五十一条"),
                .entry(.discretionBenchmark, "裁量基准", .text(max: 200), required: false),
                .entry(.responsibleOrganisation, "实施主体", .text(max: 60)),
                .entry(.entrusted, "受委托实施", .yesNo),
                .entry(.timeLimit, "办理时限", .text(max: 60), hint: "如：20个工作日"),
                .entry(.simpleProcedure, "可由执法人员当场适用简易程序", .yesNo, required: false,
                       hint: "未标明的事项，简易程序案件须由负责人立案（依据《中华人民共和国行政处罚法》第五十一条）"),
            ], titleKey: ListEntryField.name.rawValue)
        case .randomInspection:
            return ListSchema(kind: kind, fields: [
                .entry(.name, "抽查事项", .text(max: 120)),
                .entry(.subject, "抽查主体", .text(max: 60)),
                .entry(.basis, "抽查依据", .longText(max: 500)),
                .entry(.object, "抽查对象", .text(max: 200)),
                .entry(.content, "抽查内容", .longText(max: 500)),
                .entry(.method, "抽查方式", .text(max: 100)),
                .entry(.ratio, "抽查比例", .text(max: 30)),
                .entry(.frequency, "抽查频次", .text(max: 30)),
            ], titleKey: ListEntryField.name.rawValue)
        case .guide:
            return ListSchema(kind: kind, fields: [
                .entry(.name, "事项名称", .text(max: 120)),
                .entry(.category, "执法类别", .choice(enforcement), hint: "决定流程图的样式"),
                .entry(.basis, "设定依据", .longText(max: 1000)),
                .entry(.materials, "申请材料", .longText(max: 2000)),
                .entry(.steps, "办理流程", .longText(max: 2000)),
                .entry(.timeLimit, "办理时限", .text(max: 60)),
                .entry(.supervision, "监督方式", .text(max: 200)),
                .entry(.remedies, "救济途径", .text(max: 300)),
                .entry(.officeHours, "办公时间", .text(max: 100)),
                .entry(.address, "办理地点", .text(max: 100)),
                .entry(.phone, "咨询电话", .text(max: 30)),
            ], titleKey: ListEntryField.name.rawValue)
        case .supervision:
            return ListSchema(kind: kind, fields: [
                .entry(.name, "监督事项", .text(max: 100), hint: "如：投诉举报、行政复议"),
                .entry(.channel, "监督方式与途径", .longText(max: 500)),
                .entry(.contact, "受理机构", .text(max: 60)),
                .entry(.phone, "电话", .text(max: 30)),
                .entry(.address, "地址", .text(max: 100), required: false),
                .entry(.email, "电子邮箱", .text(max: 60), required: false),
                .entry(.outcome, "监督结果", .longText(max: 2000), required: false, hint: "监督结果反馈（依据国办发〔2018〕118号）"),
            ], titleKey: ListEntryField.name.rawValue)
        }
    }
}
