/// 姓氏表 — Chinese surnames used to recognise and redact names of natural persons.
enum Surnames {
    /// About 400 single-character surnames, roughly by frequency (covers the 300
    /// most common surnames of the mainland population and more).
    static let single: Set<Character> = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟"
            + "熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
            + "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
            + "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉"
            + "伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战"
            + "慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由钮訾莘鄂钭郦雒汝糜"
    )

    /// Two-character (compound) surnames; a name starting with one keeps both
    /// characters when redacted (`欧阳某某`).
    static let compound: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
        "夏侯", "令狐", "端木", "南宫", "西门", "百里", "呼延", "轩辕", "太史", "申屠", "第五", "钟离",
        "闻人", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "赫连", "独孤", "拓跋", "司空", "万俟",
    ]

    /// Length of the surname at the start of `name`: 2 for a compound surname,
    /// 1 for a known single surname, `nil` otherwise.
    static func surnameLength(of name: ArraySlice<Character>) -> Int? {
        if name.count >= 2, compound.contains(String(name.prefix(2))) { return 2 }
        if let first = name.first, single.contains(first) { return 1 }
        return nil
    }

    /// The redacted form of a name: its surname followed by `某某` (`张某某`,
    /// `欧阳某某`). A name whose surname is not in the lists keeps only its first
    /// character.
    static func redacted(_ name: [Character]) -> String {
        String(name.prefix(surnameLength(of: name[...]) ?? 1)) + "某某"
    }
}
