import Vapor

/// Every route, in one place: the public portal, the staff UI behind a session and CSRF, and
/// the JSON API behind bearer tokens.
func registerRoutes(_ app: Application) {
    PortalController().register(app)
    LogPageController().register(app)
    PublicListsController().register(app)
    PublicDecisionsController().register(app)
    PublicDrawsController().register(app)
    PublicComplaintsController().register(app)
    Open311Controller().register(app)

    let staff = app.grouped(StaffSessionMiddleware(), CSRFMiddleware(), NoStoreMiddleware())
    LoginController().register(public: app.grouped(NoStoreMiddleware()), session: staff)
    HomeController().register(staff)
    AccountController().register(staff)
    AccessLogController().register(staff)
    OrganisationsController().register(staff)
    UsersController().register(staff)
    TokensController().register(staff)
    CalendarController().register(staff)
    EvidenceController().register(staff)
    ListsController().register(staff)
    ChecksController().register(staff)
    OfficersController().register(staff)
    CasesController().register(staff)
    CasePageController().register(staff)
    CaseActionsController().register(staff)
    CaseEvidenceController().register(staff)
    CaseDocumentsController().register(staff)
    CaseSettingsController().register(staff)
    CaseStatisticsController().register(staff)
    ReviewQueueController().register(staff)
    ReviewCatalogueController().register(staff)
    ReviewStatisticsController().register(staff)
    ReviewFlagsController().register(staff)
    ReviewRoundController().register(staff)
    ReviewSubmissionController().register(staff)
    PublicationsController().register(staff)
    ExchangeController().register(staff)
    DrawsController().register(staff)
    AnnualReportController().register(staff)
    ComplaintsController().register(staff)
    PublicityInspectionController().register(staff)
    CluesController().register(staff)
    SupervisorDashboardController().register(staff)
    InstrumentsController().register(staff)
    ReferralsController().register(staff)
    EnforcementStatisticsController().register(staff)
    TransfersController().register(staff)

    let api = app.grouped("api", "v1")
    let authenticated = api.grouped(ApiTokenMiddleware())
    ApiController().register(public: api, authenticated: authenticated)
    EvidenceApiController().register(authenticated)
    PublicApiController().register(api)
    ListsApiController().register(authenticated)
    CasesApiController().register(authenticated)
    ReviewsApiController().register(authenticated)
    PublicationsApiController().register(authenticated)
    LogApiController().register(public: api, authenticated: authenticated)
    CaseFileController().register(staff: staff, api: authenticated)
}

/// Staff pages and answers must not be kept by browsers or proxies.
struct NoStoreMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
