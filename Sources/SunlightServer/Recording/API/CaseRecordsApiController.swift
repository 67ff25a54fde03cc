import Foundation
import SunlightCore
import Vapor

/// Case documents (执法文书: draft → review → signed → issued, REC-6), discretion benchmarks
/// (裁量基准, STD-3) and the audio/video list (音像记录事项清单, REC-3) through the API.
/// Registered by ``CasesApiController``.
struct CaseRecordsApiController {
    struct DocumentIn: Content {
        let type: DocumentType
        let fields: [String: String]
        /// The issued document this one corrects (REC-5: corrections are new records).
        let corrects: UUID?
    }

    struct FieldsIn: Content {
        let fields: [String: String]
    }

    struct BenchmarkIn: Content {
        let item: UUID
        let circumstance: DiscretionBenchmark.Circumstance
        let minFine: Int
        let maxFine: Int
        let measures: String?
    }

    struct AudioVideoIn: Content {
        let category: EnforcementCategory
        let stage: String
        /// The simple procedure's stages are listed apart (STD-4).
        let simple: Bool?
        let required: Bool
    }

    struct ReturnIn: Content {
        let reason: String
    }

    func register(_ authenticated: any RoutesBuilder) {
        authenticated.post("cases", ":id", "documents", use: draft)
        authenticated.get("documents", ":id", use: show)
        authenticated.put("documents", ":id", use: revise)
        authenticated.post("documents", ":id", "submit", use: submit)
        authenticated.post("documents", ":id", "sign", use: sign)
        authenticated.post("documents", ":id", "issue", use: issue)
        authenticated.post("documents", ":id", "return", use: giveBack)
        authenticated.get("discretion-benchmarks", use: benchmarks)
        authenticated.put("discretion-benchmarks", use: setBenchmark)
        authenticated.get("audio-video-list", use: audioVideoList)
        authenticated.put("audio-video-list", use: setAudioVideo)
    }

    // MARK: Documents

    @Sendable func draft(_ request: Request) async throws -> Response {
        let input = try request.content.decode(DocumentIn.self)
        let document = try await request.sunlight.cases.draftDocument(case: try request.uuid("id", "案件"), type: input.type, fields: input.fields,
                                                                corrects: input.corrects, by: try request.requireApiActor())
        return try await API.DocumentOut(document).encodeResponse(status: .created, for: request)
    }

    @Sendable func show(_ request: Request) async throws -> API.DocumentDetailOut {
        let actor = try request.requireApiActor()
        let (document, detail) = try await request.sunlight.cases.caseDocument(try request.uuid("id", "文书"), by: actor)
        let actions = try await request.sunlight.cases.documentActions(document.id, by: actor)
        return API.DocumentDetailOut(document: API.DocumentOut(document), caseNumber: detail.enforcementCase.number,
                                     caseTitle: detail.enforcementCase.title, organisation: API.OrganisationOut(detail.organisation),
                                     form: API.DocumentTypeOut(document.type), actions: actions.map(\.qualifiedName).sorted())
    }

    @Sendable func revise(_ request: Request) async throws -> API.DocumentOut {
        let input = try request.content.decode(FieldsIn.self)
        return API.DocumentOut(try await request.sunlight.cases.reviseDocument(try request.uuid("id", "文书"), fields: input.fields,
                                                                         by: try request.requireApiActor()))
    }

    @Sendable func submit(_ request: Request) async throws -> API.DocumentOut {
        API.DocumentOut(try await request.sunlight.cases.submitDocument(try request.uuid("id", "文书"), by: try request.requireApiActor()))
    }

    @Sendable func sign(_ request: Request) async throws -> API.DocumentOut {
        API.DocumentOut(try await request.sunlight.cases.signDocument(try request.uuid("id", "文书"), by: try request.requireApiActor()))
    }

    @Sendable func issue(_ request: Request) async throws -> API.DocumentOut {
        API.DocumentOut(try await request.sunlight.cases.issueDocument(try request.uuid("id", "文书"), by: try request.requireApiActor()))
    }

    // MARK: Discretion benchmarks

    /// The benchmarks of a penalty item (public, like the item): of the caller's organisation
    /// unless `organisation` names another.
    @Sendable func benchmarks(_ request: Request) async throws -> API.ListOut<API.BenchmarkOut> {
        let actor = try request.requireApiActor()
        guard let item = try request.query.get(UUID?.self, at: "item") else {
            throw SunlightError.invalid("item", "请用 item 指明执法事项（清单条目 ID）", rule: .std3)
        }
        guard let organisation = try request.query.get(UUID?.self, at: "organisation") ?? actor.organisation?.id else {
            throw SunlightError.invalid("organisation", "请用 organisation 指明机构", rule: .std3)
        }
        return API.ListOut(items: try await request.sunlight.cases.benchmarks(item: item, organisation: organisation).map(API.BenchmarkOut.init))
    }

    @Sendable func setBenchmark(_ request: Request) async throws -> API.BenchmarkOut {
        let input = try request.content.decode(BenchmarkIn.self)
        return API.BenchmarkOut(try await request.sunlight.cases.setBenchmark(item: input.item, circumstance: input.circumstance, minFine: input.minFine,
                                                                        maxFine: input.maxFine, measures: input.measures ?? "",
                                                                        by: try request.requireApiActor()))
    }

    // MARK: Audio/video list

    @Sendable func giveBack(_ request: Request) async throws -> API.DocumentOut {
        let input = try request.content.decode(ReturnIn.self)
        return API.DocumentOut(try await request.sunlight.cases.returnDocument(try request.uuid("id", "文书"), reason: input.reason,
                                                                         by: try request.requireApiActor()))
    }

    @Sendable func audioVideoList(_ request: Request) async throws -> API.AudioVideoListOut {
        let actor = try request.requireApiActor()
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        guard let code = request.query[String.self, at: "category"] else {
            throw SunlightError.invalid("category", "请用 category 指明执法类别", rule: .rec3)
        }
        let category = try CasesApiController.choice(code, "category", among: EnforcementCategory.enforcement, rule: .rec3)
        let simple = try request.query.get(Bool?.self, at: "simple") ?? false
        let required = try await request.sunlight.cases.audioVideoStages(organisation: organisation.id, category: category, simple: simple)
        return API.AudioVideoListOut(category: category, simple: simple && category == .penalty, required: required)
    }

    /// Sets one stage and answers with the category's list as it now stands.
    @Sendable func setAudioVideo(_ request: Request) async throws -> API.AudioVideoListOut {
        let input = try request.content.decode(AudioVideoIn.self)
        let actor = try request.requireApiActor()
        let simple = input.simple ?? false
        try await request.sunlight.cases.setAudioVideoRequirement(category: input.category, stage: input.stage, simple: simple, required: input.required,
                                                            by: actor)
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        let required = try await request.sunlight.cases.audioVideoStages(organisation: organisation.id, category: input.category, simple: simple)
        return API.AudioVideoListOut(category: input.category, simple: simple, required: required)
    }
}

/// JSON shapes of documents, benchmarks and the audio/video list.
extension API {
    /// 执法文书 (REC-6).
    struct DocumentOut: Content {
        let id: UUID
        let caseID: UUID
        let type: DocumentType
        let typeName: String
        let stage: String
        let fields: [String: String]
        let status: CaseDocument.Status
        let statusName: String
        let number: String?
        let draftedBy: UUID?
        let draftedAt: Date
        let signedBy: UUID?
        let signedAt: Date?
        let issuedOn: CivilDate?
        let corrects: UUID?

        init(_ d: CaseDocument) {
            id = d.id
            caseID = d.caseID
            type = d.type
            typeName = d.type.chineseName
            stage = d.stage
            fields = d.fields
            status = d.status
            statusName = d.status.chineseName
            number = d.number
            draftedBy = d.draftedBy
            draftedAt = d.draftedAt
            signedBy = d.signedBy
            signedAt = d.signedAt
            issuedOn = d.issuedOn
            corrects = d.corrects
        }
    }

    /// One document with the case it belongs to.
    struct DocumentDetailOut: Content {
        let document: DocumentOut
        let caseNumber: String
        let caseTitle: String
        let organisation: OrganisationOut
        let form: DocumentTypeOut
        /// What the reader may do to the document now (`document.sign`, …), as Core decides it.
        let actions: [String]
    }

    /// A document type with the fields its template asks for, so clients can draft it.
    struct DocumentTypeOut: Content {
        struct FieldOut: Content {
            struct Option: Content {
                let code: String
                let label: String
            }

            let key: String
            let label: String
            /// `text`, `longText`, `choice`, `choices` (any of the options, codes joined by commas) or `yesNo` (`yes`/`no`).
            let kind: String
            let required: Bool
            let maxLength: Int?
            let options: [Option]?
            let hint: String?

            init(_ f: ListField) {
                key = f.key
                label = f.label
                required = f.required
                hint = f.hint
                switch f.kind {
                case .text(let max): kind = "text"; maxLength = max; options = nil
                case .longText(let max): kind = "longText"; maxLength = max; options = nil
                case .choice(let choices): kind = "choice"; maxLength = nil; options = choices.map { Option(code: $0.code, label: $0.label) }
                case .choices(let choices): kind = "choices"; maxLength = nil; options = choices.map { Option(code: $0.code, label: $0.label) }
                case .yesNo: kind = "yesNo"; maxLength = nil; options = [Option(code: "yes", label: "是"), Option(code: "no", label: "否")]
                }
            }
        }

        let type: DocumentType
        let name: String
        let numbered: Bool
        let signedByHead: Bool
        let fields: [FieldOut]

        init(_ t: DocumentType) {
            type = t
            name = t.chineseName
            numbered = t.numberCode != nil
            signedByHead = t.signedByHead
            fields = t.fields.map(FieldOut.init)
        }
    }

    /// 裁量基准 (STD-3).
    struct BenchmarkOut: Content {
        let id: UUID
        let organisationID: UUID
        let itemEntryID: UUID
        let circumstance: DiscretionBenchmark.Circumstance
        let circumstanceName: String
        let minFine: Int
        let maxFine: Int
        let measures: String

        init(_ b: DiscretionBenchmark) {
            id = b.id
            organisationID = b.organisationID
            itemEntryID = b.itemEntryID
            circumstance = b.circumstance
            circumstanceName = b.circumstance.chineseName
            minFine = b.minFine
            maxFine = b.maxFine
            measures = b.measures
        }
    }

    /// 音像记录事项清单 of one category for the caller's organisation (REC-3).
    struct AudioVideoListOut: Content {
        struct Entry: Content {
            let stage: String
            let name: String
            let required: Bool
            /// Required by the national default (国办发〔2018〕118号).
            let byDefault: Bool
        }

        let category: EnforcementCategory
        let simple: Bool
        let stages: [Entry]

        init(category: EnforcementCategory, simple: Bool, required: Set<String>) {
            self.category = category
            self.simple = simple
            stages = Procedures.stages(for: category, simple: simple).map {
                Entry(stage: $0.code, name: $0.name, required: required.contains($0.code), byDefault: $0.audioVideo)
            }
        }
    }
}
