import Foundation

/// 执法公示 — the lists, published decisions, random draws and the exchange outbox (PUB-*).
public struct PublicityUseCases: UseCaseArea {
    let kernel: UseCaseKernel
    let blobs: any BlobStore
    let organisations: OrganisationUseCases
    let standards: StandardsUseCases
}
