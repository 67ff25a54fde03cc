import Foundation

/// 执法人员管理 — certificates, training and who may be assigned to what (STD-*).
public struct StandardsUseCases: UseCaseArea {
    let kernel: UseCaseKernel
}
