/// 自然人姓名检测 — names of natural persons found in free text after a cue.
///
/// A name is 2–4 Han characters starting with a known surname (``Surnames``),
/// right after a cue (当事人, 被询问人, 法定代表人, 负责人, 经营者, 业主, 户主, 申请人,
/// 投诉人, 举报人, 姓名, 委托代理人, 证人, 驾驶人, 驾驶员), optionally separated from it
/// by `：` `:` `为` `是` and/or a space. The name must *end at a boundary*:
/// punctuation, whitespace, end of text, or one of the words that typically follow
/// a name in a decision (男/女/性别/身份证/住/电话/联系/年龄/出生, and also
/// 于/在/系/因/的/等/称/持/与/和/及/说/经营/驾驶/证言/证实/证明/陈述/笔录/提供/到场/出具).
/// The shortest length that ends at a boundary wins.
///
/// Not names: text that does not reach a boundary within 4 characters
/// (`经营者李四季水果店`), a candidate containing a shop/organisation character
/// (`王记餐饮`, `张三商行`), common words that start with a surname character
/// (`陈述`, `应当`, …), already-redacted names (`张某某`, `张某`) and forms of
/// address (`李女士`, `王先生`).
///
/// A name found this way is then redacted everywhere else in the same text,
/// exactly like a known name. Replacement: surname + `某某` (`欧阳某某`).
enum PersonNameDetector {
    static let cues = [
        "委托代理人", "法定代表人", "被询问人", "当事人", "负责人", "经营者", "申请人", "投诉人", "举报人",
        "驾驶人", "驾驶员", "业主", "户主", "姓名", "证人",
    ].map(Pattern.init)
    static let cueSeparators: Set<UInt32> = Set("：:为是".unicodeScalars.map(\.value))
    static let spaces: Set<UInt32> = [0x20, 0x3000]
    static let boundaryPunctuation: Set<UInt32> = Set("，。；、：:,;（(）)！？!?“”\"《》【】".unicodeScalars.map(\.value))
    static let boundaryWords = [
        "身份证", "性别", "电话", "联系", "年龄", "出生", "经营", "驾驶", "证言", "证实", "证明", "陈述", "笔录",
        "提供", "到场", "出具", "男", "女", "住", "于", "在", "系", "因", "的", "等", "称", "持", "与", "和", "及", "说",
    ].map(Pattern.init)
    /// Characters that do not occur in given names but do in shop and organisation
    /// names (王记, 张三商行, 李宁体育用品店 …).
    static let notNameCharacters: Set<Character> = Set(
        "记店餐饮司厂社馆铺部坊局院所号市场商贸站处厅室校县州省区镇乡村街路集限责企委某行公有科团队组园城界"
    )
    /// Forms of address that follow a surname instead of a given name.
    static let appellations = ["先生", "女士", "小姐", "师傅", "老板", "同志", "老师", "某"].map(Pattern.init)
    /// Common words that begin with a surname character and often follow a cue.
    static let commonWords: Set<String> = [
        "陈述", "申辩", "申请", "应当", "应该", "方面", "于是", "于本", "何时", "高度", "文化", "成年", "常住", "常年",
        "关于", "全部", "全体", "向本", "向其", "和解", "明知", "明确", "明显", "同意", "时间", "时任", "都已", "都是",
        "从事", "从未", "曾经", "曾在", "安全", "平时", "车辆", "车主", "包括", "信息", "原因", "原告", "由于", "连续",
        "单位", "司机", "管理", "宁愿", "农民", "能够", "未能", "石材", "经营", "江湖", "万元", "任何", "任职", "任意",
        "自行", "自愿", "主动", "及时", "提出", "提交", "提供", "签字", "签名", "确认", "承认", "表示", "说明", "声称",
        "认为", "要求", "放弃", "拒绝", "本人", "基本", "姓名", "名称", "地址", "身份", "电话", "联系", "知悉", "履行",
        "缴纳", "交纳", "共同", "均为", "称其", "相关", "相应", "国家", "海关", "国有", "公民", "公安", "公众", "华为",
        "金额", "钱款", "阳光", "宁可", "柏油", "麻将", "苗木", "花卉", "蒙受", "盛装", "鲁莽", "包装", "严重", "谷物",
    ]

    static func candidates(in t: ScanText) -> [Candidate] {
        var names = Set<String>()
        for cue in cues {
            for position in t.occurrences(of: cue) {
                if cue.string == "业主", t.code(position - 1) == 0x7269 /* 物 */ { continue }
                if let range = name(in: t, after: position + cue.count) { names.insert(t.string(range)) }
            }
        }
        var out: [Candidate] = []
        for name in names.sorted() {
            let pattern = Pattern(name)
            let replacement = Surnames.redacted(pattern.chars)
            for start in t.occurrences(of: pattern) {
                out.append(Candidate(.personName, start..<(start + pattern.count), replacement))
            }
        }
        return out
    }

    /// The name that follows a cue ending at `cueEnd`, if there is one.
    static func name(in t: ScanText, after cueEnd: Int) -> Range<Int>? {
        var p = cueEnd
        if t.isOne(of: cueSeparators, p) { p += 1 }
        while p - cueEnd < 3, t.isOne(of: spaces, p) { p += 1 }
        guard t.isHan(p), let surname = Surnames.surnameLength(of: t.chars[p..<min(p + 4, t.count)]),
              !appellations.contains(where: { t.matches($0, at: p + surname) }) else { return nil }
        for length in max(2, surname + 1)...4 {
            let last = p + length - 1
            guard t.isHan(last), !notNameCharacters.contains(t.chars[last]) else { return nil }
            if isNameEnd(t, at: p + length) {
                return commonWords.contains(t.string(p..<(p + 2))) ? nil : p..<(p + length)
            }
        }
        return nil
    }

    /// Does a name end before position `e`?
    static func isNameEnd(_ t: ScanText, at e: Int) -> Bool {
        e >= t.count || t.isWhitespace(e) || t.isOne(of: boundaryPunctuation, e)
            || boundaryWords.contains { t.matches($0, at: e) }
    }
}
