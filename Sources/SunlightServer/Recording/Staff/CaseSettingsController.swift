import Foundation
import SunlightCore
import Vapor

/// 音像记录事项清单与裁量基准 — the organisation's audio/video list, stage by stage for each
/// category (REC-3), and the discretion benchmark of each penalty item: circumstance → range
/// of fines and other measures (STD-3). Heads and administrators change them; every change is logged.
struct CaseSettingsController {
    struct StageRow: Encodable { let code, name, byDefault: String; let required: Bool }
    struct CategoryList: Encodable { let category, name: String; let stages: [StageRow] }
    struct BenchmarkRow: Encodable { let circumstance, range, measures: String }
    struct ItemBenchmarks: Encodable {
        let id, title, basis: String
        let benchmarks: [BenchmarkRow]
        let empty: Bool
        /// A refusal of this item's form, and what was typed.
        let problem: String?
        let minFine, maxFine, measures: String
    }

    struct SettingsPage: Encodable {
        let page: PageContext
        let organisation: String
        let canEdit: Bool
        let lists: [CategoryList]
        let items: [ItemBenchmarks]
        let noItems: Bool
        let circumstances: [Option]
        let audioVideoProblem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "cases", "settings", use: show)
        routes.post("staff", "cases", "settings", "audio-video", use: audioVideo)
        routes.post("staff", "cases", "settings", "benchmarks", use: benchmark)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, problem: nil, values: [:])
    }

    @Sendable func audioVideo(_ request: Request) async throws -> Response {
        try await change(request, form: "audio-video", notice: "av_saved") { actor in
            guard let category = request.field("category").flatMap(EnforcementCategory.init(rawValue:)) else {
                throw SunlightError.invalid("category", "请选择执法类别", rule: .rec3)
            }
            try await request.sunlight.cases.setAudioVideoRequirement(category: category, stage: request.field("stage") ?? "",
                                                                required: request.field("required") == "yes", by: actor)
        }
    }

    @Sendable func benchmark(_ request: Request) async throws -> Response {
        try await change(request, form: "benchmark", notice: "benchmark_saved") { actor in
            guard let item = request.field("item").flatMap(UUID.init(uuidString:)) else {
                throw SunlightError.invalid("item", "请选择执法事项", rule: .std3)
            }
            guard let circumstance = request.field("circumstance").flatMap(DiscretionBenchmark.Circumstance.init(rawValue:)) else {
                throw SunlightError.invalid("circumstance", "请选择违法情节", rule: .std3)
            }
            guard let minFine = request.field("minFine").flatMap(Int.init), let maxFine = request.field("maxFine").flatMap(Int.init) else {
                throw SunlightError.invalid("minFine", "罚款幅度的下限和上限应为整数（元）", rule: .std3)
            }
            _ = try await request.sunlight.cases.setBenchmark(item: item, circumstance: circumstance, minFine: minFine, maxFine: maxFine,
                                                        measures: request.field("measures") ?? "", by: actor)
        }
    }

    private func change(_ request: Request, form: String, notice: String, _ action: (Actor) async throws -> Void) async throws -> Response {
        let staff = try request.requireStaff()
        do {
            try await action(staff.actor)
            return Page.redirect("/staff/cases/settings", notice: notice)
        } catch let error as SunlightError where error.belongsInForm {
            let posted = (try? request.content.decode([String: String].self)) ?? [:]
            return try await render(request, problem: FormProblem(form: form, message: error.description), values: posted,
                                    status: error.httpStatus)
        }
    }

    private func render(_ request: Request, problem: FormProblem?, values: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        guard let organisation = staff.actor.organisation else { throw SunlightError.outsideScope }
        var lists: [CategoryList] = []
        for category in EnforcementCategory.enforcement {
            let required = try await request.sunlight.cases.audioVideoStages(organisation: organisation.id, category: category)
            lists.append(CategoryList(category: category.rawValue, name: category.chineseName, stages: Procedures.stages(for: category).map {
                StageRow(code: $0.code, name: $0.name, byDefault: $0.audioVideo ? "须" : "不须", required: required.contains($0.code))
            }))
        }
        var items: [ItemBenchmarks] = []
        for entry in try await request.sunlight.publicity.publishedList(.item, organisationID: organisation.id)
        where entry.version.terms.enforcementCategory == .penalty {
            let benchmarks = try await request.sunlight.cases.benchmarks(item: entry.version.entryID, organisation: organisation.id).map {
                BenchmarkRow(circumstance: $0.circumstance.chineseName, range: "\($0.minFine)–\($0.maxFine) 元", measures: $0.measures.isEmpty ? "—" : $0.measures)
            }
            let terms = entry.version.terms
            let id = entry.version.entryID.uuidString.lowercased()
            let mine = problem?.form == "benchmark" && values["item"]?.lowercased() == id
            items.append(ItemBenchmarks(id: id, title: entry.version.title,
                                        basis: [terms.law, terms.article, terms.discretionBenchmark].compactMap { $0 }.joined(separator: " "),
                                        benchmarks: benchmarks, empty: benchmarks.isEmpty, problem: mine ? problem?.message : nil,
                                        minFine: mine ? values["minFine"] ?? "" : "", maxFine: mine ? values["maxFine"] ?? "" : "",
                                        measures: mine ? values["measures"] ?? "" : ""))
        }
        return try await Page.render("staff/cases/settings", SettingsPage(
            page: CaseText.page(request, title: "音像记录事项清单与裁量基准"), organisation: organisation.name,
            canEdit: DeskPermissions(actor: staff.actor).allows(.configureCases), lists: lists, items: items, noItems: items.isEmpty,
            circumstances: CaseText.options(DiscretionBenchmark.Circumstance.self, \.chineseName, selected: values["circumstance"] ?? "general"),
            audioVideoProblem: problem?.form == "audio-video" ? problem?.message : nil), on: request, status: status)
    }
}
