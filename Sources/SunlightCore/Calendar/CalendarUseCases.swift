import Foundation

/// 工作日历 — the holiday notices in force and deadlines counted in working days (CAL-1..3).
public struct CalendarUseCases: UseCaseArea {
    let kernel: UseCaseKernel
}
