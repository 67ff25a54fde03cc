import Foundation

/// 卷内目录 — the case file's cover and table of contents (REC-10): the case, its parties and
/// officers, the documents in statutory order, the evidence, the course of the case, any
/// interference, and how to check the package. Core keeps the values; `SunlightRendering`
/// writes the A4 page (`index.html`).
public struct CaseFileContents: Sendable {
    public let detail: CaseDetail
    /// Where each filed document is in the package.
    public let documentPaths: [UUID: String]
    /// Where each evidence file is in the package.
    public let mediaPaths: [EvidenceFile.ID: String]
    public let checkpoint: StoredCheckpoint
    public let verifierKey: String
    public let retention: RetentionClass
    public let exportedAt: Date
    public let exportedBy: String

    /// `README.txt`: how to check the package offline.
    public var readme: String {
        """
        行政执法案卷 \(detail.enforcementCase.number)（\(detail.organisation.name)）

        本压缩包由“阳光执法”导出，可离线核验，不需要联网，也不需要数据库：

            sunlight verify-case 本文件.zip --key "\(verifierKey)"

        核验内容：
          1. manifest.sig 是本机关日志密钥对 manifest.json 哈希的签名；
          2. manifest.json 列出的每个文件都在、大小和 SHA-256 都一致，没有多出来的文件；
          3. checkpoint.txt 的签名有效；
          4. records/ 下每条记录内容的哈希与日志叶子一致，proofs/ 下每个包含证明都通向该检查点；
          5. media/ 下每个音像文件的哈希与日志中的文件记录一致。
        任何一处被改动、缺失或多出，核验会指出是哪个文件。

        公钥应与本机关公布的公钥核对（门户网站“日志”页面）：
            \(verifierKey)

        保管期限：\(retention.chineseName)。打开 index.html 查看卷内目录，documents/ 下的文书可直接用浏览器按 A4 打印。

        """
    }
}
