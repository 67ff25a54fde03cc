/// 地址词表 — the word lists that ``AddressDetector`` works with.
enum AddressLexicon {
    /// House-level markers that make a piece of text a detailed address
    /// (longest first, so `号楼` is preferred to `号`).
    static let houseMarkers = ["号楼", "单元", "号", "栋", "幢", "室", "组", "弄", "排"].map(Pattern.init)
    /// Markers that may *continue* an address already found (`12层`, `3楼`, `A座`),
    /// but do not start one.
    static let continuationMarkers = houseMarkers + ["层", "楼", "座", "户"].map(Pattern.init)
    /// Markers after which a bare room number may follow (`5号楼1203`, `2单元501`).
    static let roomNumberMarkers: Set<String> = ["号楼", "栋", "幢", "单元", "楼", "座"]

    /// Administrative suffixes, longest first.
    static let adminSuffixes = ["自治区", "自治州", "自治县", "街道", "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡"]
        .map(Pattern.init)
    /// Township-level suffixes: a house number may follow them directly (`元马镇12组45号`).
    static let townshipSuffixes: Set<String> = ["镇", "乡", "街道"]

    /// Characters that, *before* a one-character suffix, show it is not administrative
    /// (社区, 小区, 园区, 超市, 城镇, 家乡, 红旗, 联盟, 节省 …).
    static let notAdminBefore: [String: Set<Character>] = [
        "区": ["社", "小", "园", "校", "景", "片", "街", "厂", "矿", "营", "库", "业", "宅", "活", "公", "商", "辖", "管", "禁"],
        "市": ["超", "夜", "菜", "早", "门", "集", "股", "城", "上", "开", "黑"],
        "镇": ["城", "乡", "坐"],
        "乡": ["城", "家", "故", "老", "同", "下", "返"],
        "旗": ["红", "国", "彩", "锦", "党", "团", "军", "升"],
        "盟": ["联", "同", "加", "结"],
        "省": ["节", "反", "自"],
    ]
    /// Characters that, *after* a one-character suffix, show it is not administrative
    /// (市场, 市民, 市政, 区域, 区别, 县城 is kept: 县城 is a place).
    static let notAdminAfter: [String: Set<Character>] = [
        "市": ["场", "民", "政", "值", "价", "面", "区"],
        "区": ["域", "别", "分", "间"],
    ]

    /// Below-township words: at least one must appear between the administrative
    /// part and the house number (a road, street, lane, village, compound …).
    static let streetKeywords = [
        "胡同", "社区", "小区", "花园", "大厦", "公寓", "广场", "家园", "宿舍", "大院", "大楼",
        "路", "街", "巷", "道", "弄", "村", "屯", "寨", "苑",
    ].map(Pattern.init)

    /// Words after which an address without an administrative part begins
    /// (`住龙川街23号`, `地址：…` is already cut at the colon).
    static let addressCues = [
        "坐落于", "住所地", "户籍地", "住址", "住所", "家住", "居住", "现住", "地址", "位于", "住", "在", "于",
    ].map(Pattern.init)

    /// Chinese numerals that can form a house number (`十二组`, `三单元`).
    static let chineseNumerals: Set<UInt32> = Set("零〇一二三四五六七八九十百千两".unicodeScalars.map(\.value))

    /// Characters that end an address: Chinese and ASCII punctuation, brackets, and
    /// `*` (an earlier mask: redacted text never grows a new address around a mask).
    /// Whitespace also ends an address.
    static let stops: Set<UInt32> = Set("，。；、：,;:!?！？()（）[]【】〔〕《》<>〈〉「」『』“”\"'‘’…*".unicodeScalars.map(\.value))
        .union([0x2E])
}
