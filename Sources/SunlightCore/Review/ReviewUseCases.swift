import Foundation

/// 法制审核 — the review catalogue, review rounds and the gate before a major decision (REV-*).
public struct ReviewUseCases: UseCaseArea {
    let kernel: UseCaseKernel
}
