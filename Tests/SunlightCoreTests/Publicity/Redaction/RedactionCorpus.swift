@testable import SunlightCore
import Testing

/// One corpus sentence: the input, the exact preview text expected after
/// redaction (rule PUB-8), and what the case file knows.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    let label: String
    let input: String
    let expected: String
    var names: [String] = []
    var terms: [String] = []
    var allowed: [String] = []

    var testDescription: String { label }
    var redactor: Redactor { Redactor(personNames: names, personalTerms: terms, allowed: allowed) }
}

private func c(
    _ label: String, _ input: String, _ expected: String,
    names: [String] = [], terms: [String] = [], allowed: [String] = []
) -> CorpusCase {
    CorpusCase(label: label, input: input, expected: expected, names: names, terms: terms, allowed: allowed)
}

/// The PUB-8 corpus: realistic sentences from administrative penalty decisions.
enum RedactionCorpus {
    static let cases = idCards + bankCards + mobiles + landlines + emails + addresses + plates
        + names + knownTerms + leftAlone + fullSentences

    static let idCards = [
        c("ID after 身份证号码", "当事人身份证号码532328199003071234。", "当事人身份证号码532328********1234。"),
        c("ID with uppercase X", "公民身份号码：11010519491231002X", "公民身份号码：110105********002X"),
        c("ID with lowercase x", "身份证：11010519491231002x，", "身份证：110105********002x，"),
        c("ID with X, no cue", "证号53232819870611091X备查", "证号532328********091X备查"),
        c("ID without any cue", "编码532301197806153218在案", "编码532301********3218在案"),
        c("ID born on 29 February 2000", "440306200002298510", "440306********8510"),
        c("ID born in 2001", "驾驶证号532328200109093365。", "驾驶证号532328********3365。"),
        c("ID inside a 20-digit run is a bank number", "编号53232819900307123456", "编号5323************3456"),
        c("ID plus one digit is a 19-digit bank number", "记录5323281990030712345止", "记录5323***********2345止"),
        c("18 digits with bad checksum, no cue", "数据532328199003071235", "数据5323**********1235"),
        c("18 digits with bad checksum after ID cue", "身份证号532328199003071235", "身份证号532328********1235"),
        c("ID with impossible date 0230, no cue", "号码532328199002301237", "号码5323**********1237"),
        c("ID with impossible date 0230 after cue", "身份证号：532328199002301237", "身份证号：532328********1237"),
        c("ID glued to letters still masked", "532328199003071234AB", "5323**********1234AB"),
        c("17 digits + X failing checksum is code-shaped", "代码53232819900307123X", "代码53232819900307123X"),
        c("ID written 6-8-4", "身份证 532328 19900307 1234", "身份证 532328********1234"),
        c("15-digit ID after cue", "身份证号：532328900307123", "身份证号：532328******123"),
        c("15-digit number without cue", "流水号532328900307123", "流水号532328900307123"),
        c("15-digit after cue with month 13", "身份证号：532328901307123", "身份证号：532328901307123"),
        c("two IDs in a list", "532328198511120042、532328199204085632",
          "532328********0042、532328********5632"),
        c("ID in brackets", "（532328198801015558）", "（532328********5558）"),
    ]

    static let bankCards = [
        c("19-digit card passing Luhn", "账号：6222021234567890128", "账号：6222***********0128"),
        c("card with spaces", "卡号6222 0212 3456 7890 128。", "卡号6222***********0128。"),
        c("card with hyphens, no cue, Luhn", "6228-4800-1234-5678-903", "6228***********8903"),
        c("Luhn-failing 16 digits after 账号", "账号6217000012345671", "账号6217********5671"),
        c("Luhn-failing 16 digits without cue left", "订单编号6217000012345671", "订单编号6217000012345671"),
        c("Luhn-passing 16 digits without cue", "卡6217000012345670", "卡6217********5670"),
        c("account after 开户行", "开户行：农行元谋支行，账户2502021109000123456",
          "开户行：农行元谋支行，账户2502***********3456"),
        c("20-digit run masked", "流水号12345678901234567890", "流水号1234************7890"),
        c("phone inside an 18-digit run", "138001380001234567", "1380**********4567"),
        c("16 digits in 4-groups, Luhn", "4367 4212 3456 7896", "4367********7896"),
        c("all-digit credit code after 统一社会信用代码", "统一社会信用代码：125323280151234567",
          "统一社会信用代码：125323280151234567"),
        c("bank cue 12 characters away", "中国工商银行元谋支行营业部账号：6222021234567890128",
          "中国工商银行元谋支行营业部账号：6222***********0128"),
    ]

    static let mobiles = [
        c("mobile solid", "手机13800138000。", "手机138****8000。"),
        c("mobile with spaces", "手机：138 0013 8000", "手机：138****8000"),
        c("mobile with hyphens", "手机：138-0013-8000", "手机：138****8000"),
        c("mobile with +86 and space", "+86 13800138000", "+86 138****8000"),
        c("mobile with +86 attached", "+8613800138000", "+86138****8000"),
        c("mobile with 86-", "86-13800138000", "86-138****8000"),
        c("mobile with 0086 and groups", "0086 138 0013 8000", "0086 138****8000"),
        c("12-digit run is not a mobile", "138001380001", "138001380001"),
        c("12x prefix is not a mobile", "12800138000", "12800138000"),
        c("mobile before Chinese bracket", "联系方式：15912345678（本人）", "联系方式：159****5678（本人）"),
        c("two mobiles", "13912345678、18687654321", "139****5678、186****4321"),
        c("mobile right after letters", "Tel13800138000", "Tel138****8000"),
    ]

    static let landlines = [
        c("landline with hyphen", "0878-1234567", "0878-*******"),
        c("landline with full-width brackets", "（0878）12345678", "（0878）********"),
        c("landline with ASCII brackets", "电话(0871)6512345", "电话(0871)*******"),
        c("Beijing landline", "010-12345678", "010-********"),
        c("landline solid", "087812345678", "0878********"),
        c("Beijing landline solid", "01087654321", "010********"),
        c("landline with space", "0878 8212345", "0878 *******"),
        c("landline with 转 extension", "0878-12345678转123", "0878-********转***"),
        c("landline with -extension", "0878-12345678-123", "0878-********-***"),
        c("landline subscriber in 4-4", "010-8765-4321", "010-********"),
        c("bare number after 联系电话", "联系电话：8212345", "联系电话：*******"),
        c("bare number after Tel", "Tel: 8212345", "Tel: *******"),
        c("bare number without cue left", "编号8212345", "编号8212345"),
        c("400 service number left", "客服电话400-123-4567", "客服电话400-123-4567"),
        c("800 service number left", "热线800-820-8820", "热线800-820-8820"),
        c("400 number in 3-4-4 after cue left", "电话：400 8888 8888", "电话：400 8888 8888"),
    ]

    static let emails = [
        c("e-mail before Chinese full stop", "邮箱：zhangsan@example.com。", "邮箱：z***@example.com。"),
        c("e-mail in full-width brackets", "（zhang.san_01@mail.example.cn）", "（z***@mail.example.cn）"),
        c("e-mail with plus and hyphen", "请发送至li-si+case@163.com，", "请发送至l***@163.com，"),
        c("one-letter TLD is not an e-mail", "联系：a@b.c", "联系：a@b.c"),
        c("e-mail and mobile in mixed punctuation", "邮箱：wangwu@qq.com；电话：13912345678。",
          "邮箱：w***@qq.com；电话：139****5678。"),
        c("e-mail with digits local part", "13800138000@139.com", "1***@139.com"),
    ]

    static let addresses = [
        c("address with 号/单元/室", "住云南省楚雄州元谋县元马镇龙川街23号3单元501室",
          "住云南省楚雄州元谋县元马镇***"),
        c("village address with 组/号", "元马镇能禹社区能禹村委会下村12组45号", "元马镇***"),
        c("address with 号楼 and room", "北京市朝阳区建国路88号SOHO现代城5号楼1203", "北京市朝阳区***"),
        c("street address after colon", "住所：龙川街23号", "住所：***"),
        c("Chinese-numeral group", "家住元谋县黄瓜园镇苴林村十二组", "家住元谋县黄瓜园镇***"),
        c("compound with 栋/单元/室", "当事人在元谋县元马镇阳光小区3栋2单元501室经营",
          "当事人在元谋县元马镇***经营"),
        c("address stops at comma", "地址：昆明市五华区青年路100号，电话未留", "地址：昆明市五华区***，电话未留"),
        c("address with 弄", "上海市静安区南京西路1266弄3号", "上海市静安区***"),
        c("address after 街道", "元谋县元马镇龙川街道23号", "元谋县元马镇龙川街道***"),
        c("autonomous region address with 排", "内蒙古自治区呼和浩特市新城区海东路18号院3排5号",
          "内蒙古自治区呼和浩特市新城区***"),
        c("township with bare group number", "元谋县老城乡5组", "元谋县老城乡5组"),
        c("address in brackets", "（住元谋县元马镇龙川街23号）", "（住元谋县元马镇***）"),
        c("address without admin part after 在", "当事人在龙川街8号开设门店", "当事人在***开设门店"),
        c("township alone left", "元谋县元马镇", "元谋县元马镇"),
        c("government name left", "元谋县人民政府", "元谋县人民政府"),
        c("market stall is not a home address", "经营场所位于元马镇农贸市场12号摊位",
          "经营场所位于元马镇农贸市场12号摊位"),
    ]

    static let plates = [
        c("plate with middle dot", "驾驶云E·A1234号车辆", "驾驶云E·*****号车辆"),
        c("new-energy plate", "车牌号云AD12345。", "车牌号云A******。"),
        c("plain plate", "京A12345", "京A*****"),
        c("plate with space", "粤B 8K9L2", "粤B *****"),
        c("plate with dot", "浙A.12345", "浙A.*****"),
        c("too long is not a plate", "沪A12345678", "沪A12345678"),
        c("too short is not a plate", "云A1234", "云A1234"),
        c("letters only is not a plate", "京ABCDEF", "京ABCDEF"),
        c("letter I is not on plates", "川AI2345", "川AI2345"),
    ]

    static let names = [
        c("name followed by （男，1985年出生）", "当事人张三（男，1985年出生）", "当事人张某某（男，1985年出生）"),
        c("company after 当事人：", "当事人：王记餐饮有限公司", "当事人：王记餐饮有限公司"),
        c("fruit shop after 经营者", "经营者李四季水果店", "经营者李四季水果店"),
        c("sports shop after 当事人", "当事人李宁体育用品店", "当事人李宁体育用品店"),
        c("place name 张家界", "前往张家界旅行社参加旅游", "前往张家界旅行社参加旅游"),
        c("compound surname 欧阳娜娜", "负责人欧阳娜娜，女", "负责人欧阳某某，女"),
        c("already redacted 张某某", "当事人张某某，男", "当事人张某某，男"),
        c("already redacted 张某", "当事人张某于2026年3月5日", "当事人张某于2026年3月5日"),
        c("form of address 李女士", "投诉人李女士称", "投诉人李女士称"),
        c("name after 被询问人：", "被询问人：王小明，男", "被询问人：王某某，男"),
        c("name after 法定代表人：", "法定代表人：赵六，", "法定代表人：赵某某，"),
        c("name before 驾驶", "驾驶员刘德华驾驶车辆", "驾驶员刘某某驾驶车辆"),
        c("证人陈述 is not a name", "证人陈述：当日在场", "证人陈述：当日在场"),
        c("当事人陈述 is not a name", "当事人陈述、申辩情况", "当事人陈述、申辩情况"),
        c("compound surname after space", "委托代理人 司马光，", "委托代理人 司马某某，"),
        c("cue name redacted everywhere", "当事人王五，男。王五于2026年3月5日到场。",
          "当事人王某某，男。王某某于2026年3月5日到场。"),
        c("four-character compound name", "姓名：诸葛亮亮", "姓名：诸葛某某"),
        c("name before 住", "户主杨过住元马镇", "户主杨某某住元马镇"),
        c("物业主管 is not 业主", "物业主管王强，", "物业主管王强，"),
        c("name before a space", "举报人：周杰伦 电话未留", "举报人：周某某 电话未留"),
        c("name after 为", "申请人为黄小燕。", "申请人为黄某某。"),
        c("name before 于", "当事人孙悟空于2026年3月5日", "当事人孙某某于2026年3月5日"),
        c("name before 证言", "证人赵敏证言、照片等证据", "证人赵某某证言、照片等证据"),
        c("name before 与", "当事人张三与李四共同经营", "当事人张某某与李四共同经营"),
        c("officer names without cue stay", "本局执法人员张伟、王丽进行检查", "本局执法人员张伟、王丽进行检查"),
    ]

    static let knownTerms = [
        c("known name three times", "张三称，张三不知情，张三签字。", "张某某称，张某某不知情，张某某签字。",
          names: ["张三"]),
        c("name inside a longer known name", "张三丰与张三", "张某某与张某某", names: ["张三", "张三丰"]),
        c("known name without cue", "本案由李四负责", "本案由李某某负责", names: ["李四"]),
        c("known compound-surname name", "欧阳娜娜到场", "欧阳某某到场", names: ["欧阳娜娜"]),
        c("known name is trimmed", "王芳签字", "王某某签字", names: ["  王芳 "]),
        c("personal term masked", "当事人在能禹小卖部门口", "当事人在***门口", terms: ["能禹小卖部"]),
        c("term covered by mobile rule", "电话13800138000", "电话138****8000", terms: ["13800138000"]),
        c("term covered by address rule", "当事人在龙川街23号经营", "当事人在***经营", terms: ["龙川街23号"]),
        c("allowed public phone kept", "本局电话0878-8212345，当事人电话0878-8212346",
          "本局电话0878-8212345，当事人电话0878-*******", allowed: ["0878-8212345"]),
        c("allowed public address kept", "本局地址：元谋县元马镇龙川街1号", "本局地址：元谋县元马镇龙川街1号",
          allowed: ["元谋县元马镇龙川街1号"]),
        c("allowed shop name beats known name", "张三丰大药房负责人张三", "张三丰大药房负责人张某某",
          names: ["张三"], allowed: ["张三丰大药房"]),
        c("single-character term ignored", "张家村", "张家村", terms: ["张"]),
        c("known redacted form ignored", "张某某到场", "张某某到场", names: ["张某"]),
    ]

    static let leftAlone = [
        c("fine amount", "罚款5000元", "罚款5000元"),
        c("amount with separators", "没收违法所得12,345.67元", "没收违法所得12,345.67元"),
        c("seven-digit amount", "没收违法所得人民币1234567.89元", "没收违法所得人民币1234567.89元"),
        c("Chinese date", "2026年3月5日", "2026年3月5日"),
        c("ISO date", "2026-03-05", "2026-03-05"),
        c("decision number", "元市监罚〔2026〕3号", "元市监罚〔2026〕3号"),
        c("court case number", "（2026）云2328民初123号", "（2026）云2328民初123号"),
        c("article number in Chinese", "第三十三条", "第三十三条"),
        c("article number in digits", "第33条", "第33条"),
        c("credit code with letters", "统一社会信用代码：91532328MA6K3XYZ1B", "统一社会信用代码：91532328MA6K3XYZ1B"),
        c("ordinal 号", "第3号公告", "第3号公告"),
        c("date with 号", "2026年3月5号", "2026年3月5号"),
        c("government order number", "元谋县人民政府令第3号", "元谋县人民政府令第3号"),
        c("legal citation", "依据《中华人民共和国行政处罚法》第五十七条第一款第（一）项",
          "依据《中华人民共和国行政处罚法》第五十七条第一款第（一）项"),
        c("organisation after 当事人", "当事人元谋县某某商贸有限公司", "当事人元谋县某某商贸有限公司"),
        c("time of day", "2026年3月5日14时30分", "2026年3月5日14时30分"),
        c("statute year and count", "共计3组样品，检验报告编号：YJ2026-0035", "共计3组样品，检验报告编号：YJ2026-0035"),
    ]

    static let fullSentences = [
        c("party paragraph",
          "当事人张三（身份证号：532328199003071234，男，1990年3月7日出生）于2026年3月5日在元谋县元马镇龙川街23号经营水果。",
          "当事人张某某（身份证号：532328********1234，男，1990年3月7日出生）于2026年3月5日在元谋县元马镇***经营水果。"),
        c("contact paragraph",
          "联系电话：138 0013 8000，座机（0878）8212345，电子邮箱zhangsan@example.com。",
          "联系电话：138****8000，座机（0878）*******，电子邮箱z***@example.com。"),
        c("payment paragraph",
          "罚款人民币5000元，缴至开户银行：中国农业银行元谋支行，账号：6222 0212 3456 7890 128。",
          "罚款人民币5000元，缴至开户银行：中国农业银行元谋支行，账号：6222***********0128。"),
        c("vehicle paragraph",
          "当事人驾驶员刘强驾驶云AD12345号车辆于2026年3月5日在元谋县元马镇能禹社区能禹村委会下村12组45号门前被查获。",
          "当事人驾驶员刘某某驾驶云A******号车辆于2026年3月5日在元谋县元马镇***门前被查获。"),
        c("company with legal representative",
          "当事人：元谋县王记餐饮有限公司，统一社会信用代码：91532328MA6K3XYZ1B，法定代表人：王建国，电话：13912345678。",
          "当事人：元谋县王记餐饮有限公司，统一社会信用代码：91532328MA6K3XYZ1B，法定代表人：王某某，电话：139****5678。"),
        c("decision with known parties",
          "当事人李四、王芳于2026年3月5日共同经营，李四负责采购，王芳负责销售。",
          "当事人李某某、王某某于2026年3月5日共同经营，李某某负责采购，王某某负责销售。",
          names: ["李四", "王芳"]),
        c("witness with full-width punctuation",
          "证人：赵丽颖；性别：女；住址：元谋县元马镇建设路5号；手机：186-8765-4321。",
          "证人：赵某某；性别：女；住址：元谋县元马镇***；手机：186****4321。"),
        c("complainant with e-mail and plate",
          "投诉人孙小美（邮箱sunxm@163.com）称其车辆云E·B5678被刮擦。",
          "投诉人孙某某（邮箱s***@163.com）称其车辆云E·*****被刮擦。"),
        c("organisation's own details allowed",
          "元谋县市场监督管理局（地址：元谋县元马镇龙川街1号，电话0878-8212345）决定如下：",
          "元谋县市场监督管理局（地址：元谋县元马镇龙川街1号，电话0878-8212345）决定如下：",
          allowed: ["元谋县元马镇龙川街1号", "0878-8212345"]),
        c("individual business with operator",
          "当事人：元谋县李记餐饮店（个体工商户），统一社会信用代码：92532328MA6K3XYZ1B，经营者：李建华，身份证号码：532328198511120042，住所：元谋县元马镇龙川街23号，联系电话：13987812345。",
          "当事人：元谋县李记餐饮店（个体工商户），统一社会信用代码：92532328MA6K3XYZ1B，经营者：李某某，身份证号码：532328********0042，住所：元谋县元马镇***，联系电话：139****2345。"),
        c("remedies paragraph left alone",
          "当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向元谋县人民政府申请行政复议，或者六个月内向元谋县人民法院提起行政诉讼。",
          "当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向元谋县人民政府申请行政复议，或者六个月内向元谋县人民法院提起行政诉讼。"),
        c("complainant by form of address with phone and vehicle",
          "投诉人王女士（电话：18687654321）于2026年3月1日通过12315平台举报。车辆云E·D12345停放于元马镇阳光小区3栋2单元门口。",
          "投诉人王女士（电话：186****4321）于2026年3月1日通过12315平台举报。车辆云E·******停放于元马镇***门口。"),
        c("applicant with first-generation ID",
          "申请人钱多多，公民身份号码532328900307123，现住元谋县物茂乡大塘子村3组。",
          "申请人钱某某，公民身份号码532328******123，现住元谋县物茂乡***。"),
    ]
}

@Suite("PUB-8 redaction corpus")
struct RedactionCorpusTests {
    @Test("PUB-8: the corpus has at least 120 sentences")
    func corpusSize() {
        #expect(RedactionCorpus.cases.count >= 120)
    }

    @Test("PUB-8: each corpus sentence redacts to exactly the expected preview", arguments: RedactionCorpus.cases)
    func redactsAsExpected(_ corpusCase: CorpusCase) {
        #expect(corpusCase.redactor.redact(corpusCase.input).text == corpusCase.expected)
    }

    @Test("PUB-8: redacting a corpus preview again finds nothing new (idempotent)", arguments: RedactionCorpus.cases)
    func idempotent(_ corpusCase: CorpusCase) {
        let redactor = corpusCase.redactor
        let once = redactor.redact(corpusCase.input)
        #expect(redactor.redact(once.text).findings.isEmpty)
    }

    @Test("PUB-8: corpus findings point at their original text and rebuild the preview", arguments: RedactionCorpus.cases)
    func findingsAreConsistent(_ corpusCase: CorpusCase) {
        let result = corpusCase.redactor.redact(corpusCase.input)
        let characters = Array(corpusCase.input)
        var rebuilt = ""
        var cursor = 0
        for finding in result.findings {
            let end = finding.offset + finding.original.count
            #expect(finding.offset >= cursor, "findings overlap or are unsorted")
            #expect(String(characters[finding.offset..<end]) == finding.original)
            rebuilt += String(characters[cursor..<finding.offset]) + finding.replacement
            cursor = end
        }
        rebuilt += String(characters[cursor...])
        #expect(rebuilt == result.text)
        #expect(corpusCase.redactor.findings(in: corpusCase.input) == result.findings)
    }
}
