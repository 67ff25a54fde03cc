import Foundation

/// The working-day calendar in force: the shipped notices plus every notice an administrator
/// has loaded (the newest load of a year wins), kept fresh across server instances.
public actor CalendarBook {
    private let store: any Store
    private let shipped: [HolidayNotice]
    private var cached: WorkingDayCalendar?
    private var cachedAt: Date = .distantPast
    /// How long a cached calendar is trusted before the store is read again, so a notice
    /// loaded on another server instance is seen within this time.
    private let freshness: TimeInterval = 60

    init(store: any Store, shipped: [HolidayNotice]) {
        self.store = store
        self.shipped = shipped
    }

    /// The calendar in force.
    public func current() async throws -> WorkingDayCalendar {
        if let cached, Date().timeIntervalSince(cachedAt) < freshness { return cached }
        return try await reload()
    }

    /// Reads the loaded notices again.
    @discardableResult
    public func reload() async throws -> WorkingDayCalendar {
        var calendar = WorkingDayCalendar(shipped)
        for loaded in try await store.holidayNotices.all() { calendar.load(loaded.notice) }
        cached = calendar
        cachedAt = Date()
        return calendar
    }
}
