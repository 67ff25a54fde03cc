import Foundation
@testable import SunlightCore
import SunlightLedger

/// One fixed record of every kind that reaches the log, as the use cases build it: fixed IDs,
/// times and texts (Chinese, escapes, optional fields both set and unset). The golden vectors
/// (`Resources/ledger-vectors.json`) hold what each of these hashes to; never change a sample
/// without regenerating the vectors from the code *before* the change.
enum LedgerSamples {
    static func u(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }
    static func t(_ text: String) -> Date { LedgerTime.date(text)! }
    static func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    /// When every sample's leaf is written.
    static let leafTime = t("2026-09-21T02:00:00.000Z")
    static let created = t("2026-09-21T01:02:03.456Z")
    static let later = t("2026-09-22T08:30:00.007Z")

    static let bureau = u(1), market = u(2), admin = u(10), officer = u(11), head = u(12), caseID = u(20), documentID = u(21)
    static let salt: [UInt8] = Array(0..<32)

    static func sealed(_ table: String, _ id: UUID, _ field: String, _ value: String) -> PersonalValue {
        let recordID = id.uuidString.lowercased()
        return PersonalValue(table: table, recordID: recordID, field: field,
                             commitment: PersonalData.commitment(table: table, id: recordID, field: field, salt: salt, value: value),
                             value: value, salt: salt, erasedAt: nil)
    }

    // MARK: hand-written snapshots (Snapshots.swift and beside their types)

    static let organisation = Organisation(id: market, parentID: u(3), name: "元谋县市场监督管理局", shortName: "元谋市监",
                                           kind: .department, level: .county, path: "/\(u(3).uuidString.lowercased())/\(market.uuidString.lowercased())/",
                                           createdAt: created)
    static let user = StaffUser(id: officer, organisationID: market, username: "scj.zhangwei", displayName: "张伟", post: "执法一科科员",
                                roles: [.publicityClerk, .officer], passwordHash: "test$salt$digest", isActive: true,
                                legalQualification: "法律职业资格 A20261234", createdAt: created)
    static let userMinimal = StaffUser(id: admin, organisationID: bureau, username: "admin", displayName: "系统管理员",
                                       roles: [.administrator], passwordHash: "x", isActive: false, createdAt: created)
    static let certificate = EnforcementCertificate(id: u(30), holderID: officer, number: "云执 53000012345", categories: [.penalty, .inspection, .permit],
                                                    region: "云南省", validFrom: d("2024-01-01"), validUntil: d("2029-12-31"))
    static let certificateRevoked = EnforcementCertificate(id: u(31), holderID: officer, number: "云执 53000012346", categories: [.coercion],
                                                           region: "云南省", validFrom: d("2024-01-01"), validUntil: d("2029-12-31"),
                                                           revokedOn: d("2026-09-20"), revocationReason: "调离执法岗位")
    static let token = ApiToken(id: u(40), name: "对接“互联网+监管”", userID: officer, tokenHash: String(repeating: "ab", count: 32), prefix: "sl_abcd",
                                issuedBy: admin, issuedAt: created, expiresAt: nil)
    static let tokenRevoked = ApiToken(id: u(41), name: "旧接口", userID: officer, tokenHash: String(repeating: "cd", count: 32), prefix: "sl_cdef",
                                       issuedBy: admin, issuedAt: created, expiresAt: t("2027-01-01T00:00:00.000Z"), revokedAt: later,
                                       revokedBy: admin, lastUsedAt: later)
    static let holidays = LoadedHolidayNotice(
        id: u(50),
        notice: HolidayNotice(year: 2026, source: "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）",
                              holidays: [.init(name: "中秋节、国庆节", from: d("2026-10-01"), to: d("2026-10-08"))],
                              workdays: [d("2026-09-27"), d("2026-10-10")]),
        loadedAt: created, loadedBy: "admin")
    static let access = AccessLogEntry(id: u(60), at: created, actorUserID: officer, actorName: "张伟", channel: .staff, action: .read,
                                       resourceType: "case", resourceID: caseID.uuidString, organisationID: market, organisationPath: "/x/",
                                       address: "192.0.2.10", summary: "查看案件 元市监罚〔2026〕1号 \"引号\" \\ 反斜杠\n换行")
    static let accessAnonymous = AccessLogEntry(id: u(61), at: created, actorUserID: nil, actorName: "公众", channel: .publicPortal, action: .loginFailed,
                                                resourceType: "session", resourceID: nil, organisationID: nil, organisationPath: nil,
                                                address: nil, summary: "登录失败\t\u{1}")
    static let listEntry = ListEntryVersion(id: u(70), entryID: u(71), kind: .item, organisationID: market, version: 2, change: .publish,
                                            fields: ["code": "5323280-CF-001", "name": "对销售超过保质期食品的行政处罚", "basis": "《食品安全法》第一百二十四条"],
                                            effectiveFrom: d("2026-09-01"), status: .published, draftedBy: officer, draftedAt: created,
                                            checkedBy: head, checkedAt: later, checkNote: "同意发布")
    static let listEntryDraft = ListEntryVersion(id: u(72), entryID: u(73), kind: .subject, organisationID: market, version: 1, change: .repeal,
                                                 fields: [:], effectiveFrom: d("2026-09-01"), draftedBy: nil, draftedAt: created)
    static let certificateReview = CertificateReview(id: u(80), certificateID: u(30), year: 2026, passed: true, reviewedOn: d("2026-03-01"), note: nil)
    static let certificateReviewFailed = CertificateReview(id: u(81), certificateID: u(30), year: 2025, passed: false, reviewedOn: d("2025-03-01"),
                                                           note: "未完成年度培训")
    static let training = TrainingRecord(id: u(82), userID: officer, date: d("2026-05-20"), hours: 16, topic: "行政处罚法专题培训", provider: "楚雄州司法局")
    static let evidenceFile = EvidenceFile(id: u(90), organisationID: market, kind: .video, title: "现场检查录像", filename: "现场.mp4", mediaType: "video/mp4",
                                           sha256: LedgerHash.sha256(Array("录像".utf8)), size: 5000, recordedAt: created, place: "元谋县元马镇龙川街 12 号",
                                           recordedBy: officer, device: "执法记录仪 DSJ-01", parties: "王小明", uploadedBy: officer, uploadedAt: later)
    static let evidenceCorrection = EvidenceFile(id: u(91), organisationID: market, kind: .photo, title: "更正照片", filename: "photo.jpg", mediaType: "image/jpeg",
                                                 sha256: LedgerHash.sha256([1, 2, 3]), size: 3, recordedAt: created, place: "现场", recordedBy: officer,
                                                 device: "手机", parties: nil, uploadedBy: nil, uploadedAt: later, corrects: u(90), correctionReason: "原文件拍摄时间错误")
    static let enforcementCase = EnforcementCase(id: caseID, organisationID: market, number: "元市监罚〔2026〕1号", title: "销售超过保质期的食品",
                                                 category: .penalty, simple: false, itemEntryID: u(71), source: .inspection, violationOn: d("2026-09-20"),
                                                 endangersSafety: true, openedOn: d("2026-09-21"), openedAt: created, openedBy: officer, decisionDays: 90,
                                                 classification: .normal, stage: "investigation", status: .open)
    static let simpleCase = EnforcementCase(id: u(22), organisationID: market, number: "元市监简〔2026〕2号", title: "未亮照经营", category: .penalty,
                                            simple: true, itemEntryID: nil, source: .other, violationOn: nil, endangersSafety: false, openedOn: d("2026-09-21"),
                                            openedAt: created, openedBy: nil, decisionDays: 0, classification: .private, stage: "decision", status: .closed)
    static let titledCase = EnforcementCase(id: u(27), organisationID: market, number: "元市监罚〔2026〕3号", title: "王小明无照经营案", category: .penalty,
                                            simple: false, itemEntryID: nil, source: .complaint, violationOn: d("2026-09-20"), endangersSafety: false,
                                            openedOn: d("2026-09-21"), openedAt: created, openedBy: officer, decisionDays: 90, classification: .normal,
                                            stage: "investigation", status: .open)
    static let person = CaseParty(id: u(100), caseID: caseID, kind: .person, name: "王小明", idNumber: "532328198001011234", address: "元谋县元马镇龙川街 12 号",
                                  phone: "13800001111", representative: nil, partyMemberOrOfficial: true)
    static let company = CaseParty(id: u(101), caseID: caseID, kind: .organisation, name: "元谋县好又多超市有限公司", idNumber: "91532328MA6K000000",
                                   address: "元谋县元马镇龙川街 12 号", phone: nil, representative: "王小明")
    static let caseEvent = CaseEvent(id: u(110), caseID: caseID, kind: .extended, stage: "investigation", at: created, on: d("2026-09-21"), by: head,
                                     note: "案情复杂", data: ["days": "30", "reason": "需要检验"])
    static let caseEventBare = CaseEvent(id: u(111), caseID: caseID, kind: .opened, stage: nil, at: created, on: d("2026-09-21"), by: nil)
    static let caseOfficer = CaseOfficer(caseID: caseID, userID: officer, assignedAt: created)
    static let caseOfficerRecused = CaseOfficer(caseID: caseID, userID: head, assignedAt: created, removedAt: later, removalReason: "与当事人有利害关系")
    static let caseDocument = CaseDocument(id: documentID, caseID: caseID, type: .penaltyDecision, stage: "decision",
                                           fields: ["fine": "40000", "facts": "当事人销售超过保质期的食品。"], status: .issued, number: "元市监罚决〔2026〕1号",
                                           draftedBy: officer, draftedAt: created, signedBy: head, signedAt: later, issuedOn: d("2026-09-22"))
    static let caseDocumentDraft = CaseDocument(id: u(23), caseID: caseID, type: .inquiryRecord, stage: "investigation", fields: [:],
                                                draftedBy: nil, draftedAt: created, corrects: u(24))
    static let inquiryRecord = CaseDocument(id: u(26), caseID: caseID, type: .inquiryRecord, stage: "investigation",
                                            fields: ["time": "2026年9月21日 10时", "place": "元谋县市场监管局询问室", "person": "王小明", "content": "问：……"],
                                            draftedBy: officer, draftedAt: created)
    static let caseEvidence = CaseEvidence(id: u(120), caseID: caseID, stage: "investigation", kind: .audiovisual, description: "执法记录仪录像：现场检查过程",
                                           source: "执法人员现场拍摄", original: true, copyVerified: false, confirmedBy: "王小明", confirmedOn: d("2026-09-21"),
                                           fileID: u(90), recordedBy: officer, recordedAt: created)
    static let caseEvidenceBare = CaseEvidence(id: u(121), caseID: caseID, stage: "investigation", kind: .documentary, description: "进货台账复印件",
                                               source: "当事人提供", original: false, copyVerified: true, confirmedBy: nil, confirmedOn: nil,
                                               fileID: nil, recordedBy: nil, recordedAt: created)
    static let interference = InterferenceRecord(id: u(130), caseID: caseID, occurredOn: d("2026-09-21"), source: "某领导干部", means: "电话",
                                                 content: "要求从轻处理", recordedBy: officer, recordedAt: created)
    static let benchmark = DiscretionBenchmark(id: u(140), organisationID: market, itemEntryID: u(71), circumstance: .serious, minFine: 30000,
                                               maxFine: 60000, measures: "没收违法所得")
    static let audioVideo = AudioVideoListEntry(organisationID: market, category: .coercion, stage: "execution", required: true)
    static let catalogue = MajorDecisionCatalogue(
        organisationID: market, version: 2, effectiveOn: d("2026-01-01"),
        rules: [MajorDecisionRule(code: "R1", title: "较大数额罚款", source: "云南省重大执法决定法制审核目录", categories: [.penalty],
                                  itemEntryIDs: [u(71)], fields: ["fine"], levels: [.county], minAmountPerson: 10000, minAmountOrganisation: 100000,
                                  hearingHeld: true, factors: [.publicInterest, .complex], collectiveDiscussion: true),
                MajorDecisionRule(code: "R2", title: "吊销许可证", source: "行政处罚法 第五十八条")],
        reviewDays: 5, adoptedBy: head, adoptedAt: created, note: "第二版")
    static let catalogueStandard = MajorDecisionCatalogue(organisationID: nil, version: 1, effectiveOn: nil, rules: [])
    static let form = ReviewForm(facts: "当事人销售超过保质期的食品。", law: "《中华人民共和国食品安全法》第一百二十四条",
                                 hearing: "当事人要求听证。", proposal: "罚款人民币肆万元。")
    static func review(_ n: Int, _ body: ReviewRecord.Body) -> ReviewRecord {
        ReviewRecord(id: u(150 + n), caseID: caseID, organisationID: market, documentID: documentID, round: 1, recordedBy: n == 0 ? officer : nil,
                     recordedAt: created, body: body)
    }
    static let reviewSubmission = review(0, .submission(ReviewSubmission(
        form: form, draftHash: String(repeating: "0f", count: 32), catalogueVersion: 2, matchedRules: ["R1"], collectiveDiscussion: true,
        evidence: [AttachedEvidence(id: u(120), kind: .audiovisual, description: "录像", sha256: String(repeating: "aa", count: 32)),
                   AttachedEvidence(id: u(121), kind: .documentary, description: "台账", sha256: nil)],
        submittedOn: d("2026-09-21"), dueOn: d("2026-09-24"), reviewDays: 3)))
    static let reviewSubmissionBare = review(4, .submission(ReviewSubmission(
        form: ReviewForm(facts: "事实", law: "依据", hearing: "", proposal: "建议", other: "其他"), draftHash: "", catalogueVersion: 1,
        matchedRules: [], collectiveDiscussion: false, evidence: [], submittedOn: d("2026-09-21"), dueOn: nil, reviewDays: 3)))
    static let reviewOpinion = review(1, .opinion(ReviewOpinion(
        answers: [ChecklistAnswer(element: .evidence, verdict: .problem, comment: "缺少进货台账"),
                  ChecklistAnswer(element: .crime, verdict: .notApplicable, comment: "")],
        outcome: .supplement, text: "请补充进货台账后重新送审。", reviewedOn: d("2026-09-22"))))
    static let reviewCoordination = review(2, .coordination(DisagreementCoordination(
        participants: ["张伟", "王芳"], content: "就罚款数额协调", result: .referToHeads, heldOn: d("2026-09-23"))))
    static let reviewDiscussion = review(3, .discussion(CollectiveDiscussion(
        participants: ["王芳", "李娜", "赵六"], minutes: "同意罚款四万元", outcome: .discussAgain, heldOn: d("2026-09-24"))))
    static let policy = PublicationPolicy(category: .penalty, workingDays: 7, exemptWarnings: true, exemptSimple: false)

    // MARK: whole-state records (StoredState, OrganisationState)

    static let publication = DecisionPublication(
        id: u(200), organisationID: market, caseID: caseID, documentID: documentID, category: .penalty, decisionType: .penaltyDecision,
        number: "元市监罚决〔2026〕1号", title: "销售超过保质期的食品", decidedOn: d("2026-09-22"), dueOn: d("2026-09-29"), status: .withdrawn,
        note: "说明", content: [PublishedField(key: "party", label: "当事人", text: "元谋县好又多超市有限公司"),
                               PublishedField(key: "facts", label: "违法事实", text: "销售超过保质期的食品 \"引号\"")],
        originalHash: String(repeating: "11", count: 32), publishedHash: String(repeating: "22", count: 32), version: 2,
        publishedOn: d("2026-09-23"), publishedAt: later, publishedBy: officer,
        withdrawal: .init(kind: .revoked, changedOn: d("2026-10-09"), dueOn: d("2026-10-12"), reportedBy: head, statement: "决定已被撤销",
                          withdrawnOn: d("2026-10-10"), withdrawnBy: officer))
    static let publicationDue = DecisionPublication(
        id: u(201), organisationID: market, caseID: caseID, documentID: u(25), category: .permit, decisionType: .permitDecision,
        number: "元市监许〔2026〕3号", title: "食品经营许可", decidedOn: d("2026-09-22"), dueOn: nil, status: .due)
    static let publicationEvent = PublicationEvent(id: u(210), kind: .changeReported, at: later, by: head, state: publication)
    static let publicationEventBare = PublicationEvent(id: u(211), kind: .opened, at: created, by: nil, state: publicationDue)
    static let draw: InspectionDraw = {
        var draw = InspectionDraw(id: u(220), organisationID: market, itemEntryID: u(71), title: "2026 年第三季度食品经营者双随机抽查",
                                  category: .inspection,
                                  targets: [.init(key: "91532328MA6K000000", name: "元谋县好又多超市有限公司"), .init(key: "T2", name: "元马镇小卖部")],
                                  inspectors: [.init(key: "I1", name: "张伟"), .init(key: "I2", name: "李娜")],
                                  parameters: .init(targetCount: 1, inspectorsPerTarget: 2), seed: String(repeating: "5a", count: 32),
                                  committedAt: created)
        draw.status = .published
        draw.drawnAt = later
        draw.assignments = [.init(target: .init(key: "T2", name: "元马镇小卖部"), inspectors: [.init(key: "I1", name: "张伟"), .init(key: "I2", name: "李娜")])]
        draw.inspectionEndedOn = d("2026-10-15")
        draw.resultsDueOn = d("2026-11-12")
        draw.results = [.init(targetKey: "T2", findings: "未发现问题", handling: "无")]
        draw.publishedOn = d("2026-10-20")
        return draw
    }()
    /// Committed, not drawn: the seed is withheld from the log (PUB-9).
    static let drawCommitted = InspectionDraw(id: u(221), organisationID: market, itemEntryID: nil, title: "抽查", category: .inspection,
                                              targets: [.init(key: "T1", name: "甲")], inspectors: [.init(key: "I1", name: "张伟")],
                                              parameters: .init(targetCount: 1, inspectorsPerTarget: 1), seed: String(repeating: "0b", count: 32),
                                              committedAt: created)
    static let transfer: CaseTransfer = {
        var transfer = CaseTransfer(id: u(230), caseID: caseID, fromOrganisation: market, kind: .police, toOrganisation: nil, recipient: "元谋县公安局",
                                    urgent: true, reason: "涉嫌生产、销售不符合安全标准的食品罪", createdAt: created, createdOn: d("2026-09-21"),
                                    reportedBy: [officer, u(13)], status: .objected)
        transfer.decideBy = d("2026-09-24")
        transfer.decidedAt = later
        transfer.sendByTime = t("2026-09-23T08:30:00.007Z")
        transfer.sentAt = later
        transfer.sentOn = d("2026-09-22")
        transfer.attachments = [.letter, .itemList]
        transfer.copiesTo = ["元谋县人民检察院"]
        transfer.policeDecideBy = d("2026-09-25")
        transfer.outcomeOn = d("2026-09-25")
        transfer.outcome = "不予立案"
        transfer.objectBy = d("2026-09-28")
        transfer.objection = "提请复议"
        return transfer
    }()
    static let transferBare = CaseTransfer(id: u(231), caseID: caseID, fromOrganisation: market, kind: .organisation, toOrganisation: u(4),
                                           recipient: "元谋县农业农村局", urgent: false, reason: "不属于本机关管辖", createdAt: created,
                                           createdOn: d("2026-09-21"), reportedBy: [], status: .reported)
    static let referral = DisciplineReferral(id: u(240), caseID: caseID, organisationID: market, recipient: "元谋县纪委监委", referredOn: d("2026-10-09"),
                                             note: "移送案卷材料", referredBy: head)
    static let referralBare = DisciplineReferral(id: u(241), caseID: caseID, organisationID: market, recipient: "纪委", referredOn: d("2026-10-09"),
                                                 note: "材料", referredBy: nil)
    static let instrument: SupervisionInstrument = {
        var instrument = SupervisionInstrument(id: u(250), kind: .opinion, number: "元司监意〔2026〕1号", organisationID: market, issuedBy: bureau,
                                               issuedOn: d("2026-09-21"), findings: "执法决定未按期公开", requirement: "限期整改", rectifyBy: d("2026-10-21"),
                                               evidence: "监督检查记录", follows: u(251))
        instrument.status = .closed
        instrument.report = "已整改"
        instrument.reportedOn = d("2026-10-15")
        instrument.checkNote = "核查属实"
        instrument.closedOn = d("2026-10-20")
        return instrument
    }()
    static let instrumentBare = SupervisionInstrument(id: u(251), kind: .notice, number: "元司监通〔2026〕1号", organisationID: market, issuedBy: bureau,
                                                      issuedOn: d("2026-09-01"), findings: "发现", requirement: "要求", rectifyBy: d("2026-09-30"),
                                                      evidence: nil, follows: nil)
    static let complaint: Complaint = {
        var complaint = Complaint(id: u(260), trackingCode: "TS2026-7K3M-9QXD", receivedBy: market, channel: .open311, subject: "超市销售过期食品",
                                  description: "在元马镇某超市买到过期牛奶。", location: "元马镇龙川街", latitude: "25.7036", longitude: "101.8745",
                                  anonymous: false, receivedAt: created, receivedOn: d("2026-09-21"), dueOn: d("2026-10-19"))
        complaint.handlingOrganisation = u(4)
        complaint.handler = officer
        complaint.takenBySupervisor = true
        complaint.status = .closed
        complaint.feedback = "经查属实，已立案查处。"
        complaint.answeredOn = d("2026-10-10")
        complaint.closedOn = d("2026-10-12")
        return complaint
    }()
    static let complaintBare = Complaint(id: u(261), trackingCode: "TS2026-AAAA-BBBB", receivedBy: market, channel: .portal, subject: "噪音",
                                         description: "夜间施工", location: nil, anonymous: true, receivedAt: created, receivedOn: d("2026-09-21"), dueOn: nil)
    static let complaintEvent = ComplaintEvent(id: u(270), kind: .registered, at: created, by: nil, note: nil, state: complaintBare)
    static let complaintContact = [sealed("complaints", u(261), "name", "赵六"), sealed("complaints", u(261), "phone", "13912345678")]
    static let complaintEventAnswered = ComplaintEvent(id: u(271), kind: .answered, at: later, by: officer, note: "电话告知", state: complaint)
    static let matter = CoordinationMatter(
        id: u(280), kind: .dispute, organisationID: market, counterpartID: u(4), coordinatorID: bureau, subject: "职责争议",
        details: "对农贸市场活禽销售的监管职责有争议", reference: "元市监函〔2026〕5号", link: "/staff/cases/x", responsiblePerson: "张伟",
        option: "two", createdAt: created, createdOn: d("2026-09-21"), status: .opinionIssued, dueOn: d("2026-10-21"),
        steps: [.init(action: .raise, at: created, on: d("2026-09-21"), by: officer, byName: "张伟", organisationID: market, option: nil, text: "申请协调"),
                .init(action: .issueOpinion, at: later, on: d("2026-09-22"), by: nil, byName: "系统", organisationID: bureau, option: "a", text: "建议")])
    static let matterBare = CoordinationMatter(id: u(281), kind: .assistance, organisationID: market, counterpartID: nil, subject: "协助", details: "请求协助",
                                               createdAt: created, createdOn: d("2026-09-21"), status: .requested, dueOn: nil)
    static let route = ApprovalRoute(id: u(290), organisationID: u(5), counterpartID: market, keyword: "食品", createdAt: created, active: false)
    static let routeBare = ApprovalRoute(id: u(291), organisationID: u(5), counterpartID: market, keyword: nil, createdAt: created)
    static let meeting = JointMeeting(id: u(300), kind: .coordinationConference, organisationID: bureau, title: "2026 年行政执法协调监督联席会议",
                                      heldOn: d("2026-09-20"), place: "县司法局会议室", members: [bureau, market, u(4)], attendees: "各成员单位分管领导",
                                      minutes: "会议议定三项事项", items: [.init(matterID: u(281), text: "落实活禽监管", ownerID: u(4), dueOn: d("2026-12-31"))],
                                      recordedBy: "赵六", createdAt: created)
    static let inspection = SupervisionInspection(id: u(310), method: .thirdParty, organisationID: bureau, counterpartID: market, title: "执法案卷评查",
                                                  from: d("2026-09-01"), to: d("2026-09-15"), scope: "2026 年上半年处罚案卷", assessor: "云南某律师事务所",
                                                  findings: "3 件案卷说理不充分", problemsFound: true, recordedBy: "赵六", createdAt: created)
    static let inspectionBare = SupervisionInspection(id: u(311), method: .daily, organisationID: bureau, counterpartID: nil, title: "日常监督",
                                                      from: d("2026-09-01"), to: d("2026-09-01"), scope: "全部", assessor: nil, findings: "无",
                                                      problemsFound: false, recordedBy: "赵六", createdAt: created)
    static let guidingCase = GuidingCase(id: u(320), organisationID: market, counterpartID: bureau, caseID: caseID, caseNumber: "元市监罚〔2026〕1号",
                                         category: .penalty, year: 2026, title: "销售过期食品案", reasons: ["社会普遍关注", "法律、政治、社会效果较好"],
                                         summary: "裁量适当", nominatedBy: "王芳", createdAt: created, status: .published, reviewOpinion: "同意",
                                         reviewedOn: d("2026-10-01"), publishedText: "指导案例全文", publishedOn: d("2026-10-10"))
    static let guidingCaseBare = GuidingCase(id: u(321), organisationID: market, counterpartID: nil, caseID: caseID, caseNumber: "N", category: .penalty,
                                             year: 2026, title: "T", reasons: [], summary: "S", nominatedBy: "王芳", createdAt: created, status: .nominated,
                                             reviewOpinion: nil, reviewedOn: nil, publishedText: nil, publishedOn: nil)
    static let scheme = AssessmentScheme(id: u(330), organisationID: bureau, year: 2026,
                                         indicators: [.init(code: "publication_on_time", name: "执法决定按期公开率", points: 15, measure: .publicationOnTime),
                                                      .init(code: "other", name: "其他工作", points: 10, measure: nil)],
                                         excellentFrom: 90, goodFrom: 80, passFrom: 60, createdAt: created)
    static let assessment = OrganisationAssessment(id: u(340), organisationID: bureau, counterpartID: market, year: 2026,
                                                   scores: [.init(code: "publication_on_time", name: "执法决定按期公开率", points: 15, measured: "9/10", tenths: 135),
                                                            .init(code: "other", name: "其他工作", points: 10, measured: nil, tenths: 80)],
                                                   totalTenths: 215, grade: .good, ratedBy: "赵六", status: .published, approval: "县政府同意",
                                                   publishedOn: d("2027-01-20"), createdAt: created)
    static let assessmentBare = OrganisationAssessment(id: u(341), organisationID: bureau, counterpartID: nil, year: 2026, scores: [], totalTenths: 0,
                                                       grade: .fail, ratedBy: "赵六", status: .rated, approval: nil, publishedOn: nil, createdAt: created)
    static let filing = AssessmentFiling(id: u(350), kind: .officerEvaluation, organisationID: market, counterpartID: bureau, period: "2026 上半年",
                                         text: "半年考核评议", officers: [.init(userID: officer, name: "张伟", grade: .excellent, comment: "办案规范")],
                                         filedBy: "王芳", filedOn: d("2026-07-10"), createdAt: created)
    static let filingBare = AssessmentFiling(id: u(351), kind: .selfAssessment, organisationID: market, counterpartID: nil, period: "2026",
                                             text: "自评", officers: [], filedBy: "王芳", filedOn: d("2027-01-10"), createdAt: created)
    static let catalogueApproval = CatalogueApproval(id: u(360), organisationID: market, counterpartID: bureau, version: 2, requestedOn: d("2026-10-01"),
                                                     submittedBy: "王芳（scj.wangfang）", createdAt: created, status: .approved, decidedBy: "李秀英（jiandu）",
                                                     decidedByID: admin, decidedOn: d("2026-09-30"), effectiveOn: d("2026-10-08"), reason: "同意，\"依法\"施行")
    static let catalogueApprovalBare = CatalogueApproval(id: u(361), organisationID: market, counterpartID: nil, version: 3, requestedOn: d("2026-11-01"),
                                                         submittedBy: "王芳", createdAt: created)
    static let annualReport = PublishedAnnualReport(id: u(380), organisationID: market, year: 2026, version: 2,
                                                    paragraphs: ["一、总体情况。2026 年，\"元谋县\"市场监督管理局……", "二、重大执法决定法制审核。"],
                                                    publishedOn: d("2027-02-03"), publishedBy: "王芳（scj.wangfang）", publishedByID: head,
                                                    correction: "更正行政强制数据", createdAt: created)
    static let annualReportBare = PublishedAnnualReport(id: u(381), organisationID: market, year: 2026, version: 1, paragraphs: [],
                                                        publishedOn: d("2027-01-20"), publishedBy: "王芳", publishedByID: nil, correction: nil, createdAt: created)
    static let catalogueBounds = CatalogueBounds(id: u(370), organisationID: bureau, personMin: 200, personMax: 20_000, organisationMin: 3_000,
                                                 organisationMax: 300_000, basis: "云南省较大数额罚款标准", setBy: "省管理员", createdAt: created)
    static let lead: CaseLead = {
        var lead = CaseLead(id: u(360), number: "元市监线索〔2026〕1号", organisationID: market, source: .hotline, receivedOn: d("2026-09-21"),
                            summary: "12345 热线转来：销售过期食品 \"引号\"", partyKind: .person, partySeal: String(repeating: "3c", count: 32),
                            createdAt: created, registeredBy: officer, dueOn: d("2026-10-19"), complaintIDs: [u(240)], transferID: u(180), fromLeadID: u(361))
        lead.checkExtension = .init(days: 15, reason: "需检验", requestedBy: officer, requestedOn: d("2026-10-10"), status: .approved, decidedBy: head,
                                    decidedOn: d("2026-10-11"))
        lead.dueOn = d("2026-11-09")
        lead.decline = .init(ground: .insufficientEvidence, reason: "检验合格", proposedBy: officer, approvedBy: head)
        lead.status = .declined
        lead.concludedOn = d("2026-10-20")
        lead.steps = [.init(action: .register, at: created, on: d("2026-09-21"), by: officer, text: "来源：热线转办"),
                      .init(action: .approveDecline, at: later, on: d("2026-09-22"), by: head, text: "同意")]
        return lead
    }()
    static let leadBare = CaseLead(id: u(362), number: "元市监线索〔2026〕2号", organisationID: market, source: .inspection, receivedOn: d("2026-09-21"),
                                   summary: "检查发现", partyKind: nil, partySeal: nil, createdAt: created, registeredBy: nil, dueOn: nil)
    static let leadSealed: CaseLead = {
        var lead = CaseLead(id: u(364), number: "元市监线索〔2026〕3号", organisationID: market, source: .hotline, receivedOn: d("2026-09-21"),
                            summary: "王小明在龙川街无照经营", partyKind: .person, partySeal: String(repeating: "3d", count: 32),
                            createdAt: created, registeredBy: officer, dueOn: d("2026-10-19"))
        lead.summarySeal = sealed("case_leads", u(364), "summary", "王小明在龙川街无照经营").commitment.hex
        return lead
    }()
    static let caseFromLead = EnforcementCase(id: u(363), organisationID: market, number: "元市监立〔2026〕3号", title: "销售过期食品", category: .penalty,
                                              simple: false, itemEntryID: nil, source: .complaint, violationOn: nil, endangersSafety: false,
                                              openedOn: d("2026-09-22"), openedAt: later, openedBy: officer, decisionDays: 90, classification: .normal,
                                              stage: "investigation", status: .open, leadID: u(360))
}
