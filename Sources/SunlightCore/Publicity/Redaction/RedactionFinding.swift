/// 脱敏发现项 — one piece of personal information found in a decision's text
/// (rule PUB-8), together with the masked text that replaces it.
///
/// Findings produced by ``Redactor`` never overlap and are sorted by ``offset``.
public struct RedactionFinding: Sendable, Equatable, Codable {
    /// 敏感信息类别 — the category of personal information that was found.
    public enum Kind: String, Sendable, Codable, CaseIterable, ClosedChoice {
        /// 身份证号 (18-digit GB 11643 number, or a 15-digit first-generation number after a cue).
        case idCard
        /// 手机号码.
        case mobile
        /// 固定电话.
        case landline
        /// 银行卡号/账号 (any long digit run that is not an ID number).
        case bankCard
        /// 电子邮箱.
        case email
        /// 详细地址 (the part of an address below the township level).
        case address
        /// 车牌号码.
        case plate
        /// 自然人姓名.
        case personName
        /// 个人信息 (an exact string known from the case file).
        case personalTerm

        /// The Chinese name of the category, as shown to the clerk in the preview.
        public var chineseName: String {
            switch self {
            case .idCard: return "身份证号"
            case .mobile: return "手机号码"
            case .landline: return "固定电话"
            case .bankCard: return "银行卡号/账号"
            case .email: return "电子邮箱"
            case .address: return "详细地址"
            case .plate: return "车牌号码"
            case .personName: return "自然人姓名"
            case .personalTerm: return "个人信息"
            }
        }
    }

    /// What kind of personal information this is.
    public let kind: Kind
    /// The text exactly as it appears in the input.
    public let original: String
    /// The masked text that replaces ``original`` in the redacted output.
    public let replacement: String
    /// Offset of ``original`` in the input, counted in `Character`s (grapheme clusters).
    public let offset: Int

    /// Creates a finding; normally only ``Redactor`` does this.
    public init(kind: Kind, original: String, replacement: String, offset: Int) {
        self.kind = kind
        self.original = original
        self.replacement = replacement
        self.offset = offset
    }
}
