import SunlightCore

extension WorkingDayCalendar {
    /// A stored due date as pages show it: `2027-01-18（暂定）` while its year's holiday notice is
    /// not loaded, for it was counted on weekends only and will be counted again (CAL-4).
    func shown(_ due: CivilDate?, none: String = "—") -> String {
        guard let due else { return none }
        return covers(due) ? due.iso : "\(due.iso)（暂定）"
    }
}
