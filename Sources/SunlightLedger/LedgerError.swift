/// Why a proof, a checkpoint or a key was rejected.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    case indexOutOfRange(index: UInt64, size: UInt64)
    case sizeOrder(size1: UInt64, size2: UInt64)
    case wrongProofSize(got: Int, want: Int)
    case rootMismatch(computed: LedgerHash, expected: LedgerHash)
    case emptyProofExpected
    case nonEmptyProofExpected
    case malformedCheckpoint(String)
    case malformedKey(String)
    case signatureInvalid(keyName: String)
    case noSignatureByKey(keyName: String)
    case missingSubtree(SubtreeID)

    public var description: String {
        switch self {
        case .indexOutOfRange(let index, let size): "叶子序号 \(index) 超出日志大小 \(size)"
        case .sizeOrder(let a, let b): "一致性证明的前一大小 \(a) 大于后一大小 \(b)"
        case .wrongProofSize(let got, let want): "证明长度不对：有 \(got) 个哈希，应为 \(want) 个"
        case .rootMismatch(let computed, let expected): "根哈希不符：计算得 \(computed.hex.prefix(16))…，应为 \(expected.hex.prefix(16))…"
        case .emptyProofExpected: "此情形的证明应为空"
        case .nonEmptyProofExpected: "证明不能为空"
        case .malformedCheckpoint(let why): "检查点格式错误：\(why)"
        case .malformedKey(let why): "密钥格式错误：\(why)"
        case .signatureInvalid(let name): "检查点签名无效（密钥 \(name)）"
        case .noSignatureByKey(let name): "检查点没有密钥 \(name) 的签名"
        case .missingSubtree(let id): "缺少子树哈希 \(id)"
        }
    }
}
