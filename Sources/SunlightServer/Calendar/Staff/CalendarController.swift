import SunlightCore
import Vapor

/// 节假日安排 — the years of the working-day calendar, and loading a new year's notice (CAL-1).
struct CalendarController {
    struct LoadForm: Content {
        var file: File?
        var text: String?
    }

    struct YearRow: Encodable {
        let year: Int
        let source: String
        let holidayCount, makeUpWorkdayCount, workingDayCount: Int
        let origin: String
    }

    struct CalendarPage: Encodable {
        let page: PageContext
        let years: [YearRow]
        let text: String
        let error: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "admin", "calendar", use: show)
        routes.post("staff", "admin", "calendar", use: load)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, text: "", error: nil)
    }

    @Sendable func load(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = try request.content.decode(LoadForm.self)
        let data: Data
        if let file = form.file, file.data.readableBytes > 0 {
            data = Data(buffer: file.data)
        } else {
            data = Data((form.text ?? "").utf8)
        }
        do {
            guard !data.isEmpty else { throw SunlightError.invalid("file", "请选择文件或粘贴 JSON", rule: .cal1) }
            _ = try await request.sunlight.calendar.loadHolidayNotice(data, by: staff.actor)
            return Page.redirect("/staff/admin/calendar", notice: "calendar_loaded")
        } catch let error as SunlightError where error.kind == .invalidInput {
            return try await render(request, text: String(decoding: data.prefix(64 * 1024), as: UTF8.self),
                                    error: error.description, status: .badRequest)
        }
    }

    private func render(_ request: Request, text: String, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        try DeskPermissions(actor: staff.actor).check(.loadCalendar)
        let years = try await request.sunlight.calendar.calendarYears().map {
            YearRow(year: $0.year, source: $0.source, holidayCount: $0.holidayCount, makeUpWorkdayCount: $0.makeUpWorkdayCount,
                    workingDayCount: $0.workingDayCount, origin: $0.origin)
        }
        return try await Page.render("admin/calendar", CalendarPage(
            page: PageContext(request, title: "节假日安排"), years: years, text: text, error: error), on: request, status: status)
    }
}
