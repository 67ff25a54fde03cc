import MultipartKit
import NIOCore
import NIOPosix
import SunlightCore
import SunlightStore
import Vapor

enum StreamingUpload {
    /// Refuses a declared body over the limit before reading any of it.
    static func checkDeclaredLength(_ request: Request) throws {
        let limit = request.application.blobStore.maxBytes
        if let length = request.headers.first(name: .contentLength).flatMap(UInt64.init), length > limit {
            throw tooLarge(limit)
        }
    }

    static func tooLarge(_ limit: UInt64) -> ErrorPresentation {
        ErrorPresentation(status: .payloadTooLarge, code: "upload.too_large",
                          message: "文件过大：上限为 \(ByteCounts.text(limit))，未保存任何内容", rule: .rec4)
    }

    /// Maps store errors to what people read.
    static func presentable(_ error: any Error, limit: UInt64) -> any Error {
        if case BlobError.tooLarge = error { return tooLarge(limit) }
        if let error = error as? BlobError {
            return ErrorPresentation(status: .internalServerError, code: "upload.failed", message: "文件保存失败：\(error)")
        }
        return error
    }

    /// The whole body as one file (the API's `POST /api/v1/blobs`).
    static func receiveRawBody(_ request: Request) async throws -> BlobReceipt {
        try checkDeclaredLength(request)
        let store = request.application.blobStore
        var sink = try BlobSink(store: store, metrics: request.application.requestMetrics)
        do {
            for try await var chunk in request.body { try await sink.append(&chunk) }
            return try await sink.finish()
        } catch {
            await sink.abort()
            throw presentable(error, limit: store.maxBytes)
        }
    }

    /// A `multipart/form-data` body: the part named `file` streams into the store, the other
    /// (small) fields are collected. Nothing of the file is kept if anything fails.
    static func receiveForm(_ request: Request) async throws -> (fields: [String: String], file: BlobReceipt?, filename: String?, mediaType: String?) {
        try checkDeclaredLength(request)
        guard let type = request.headers.contentType, type.type == "multipart", let boundary = type.parameters["boundary"] else {
            throw ErrorPresentation(status: .unsupportedMediaType, code: "body.unsupported", message: "上传表单应为 multipart/form-data")
        }
        let store = request.application.blobStore
        let collector = FormCollector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.partComplete() }
        var sink: BlobSink?
        do {
            for try await chunk in request.body {
                try parser.execute(chunk)
                if let error = collector.error { throw error }
                if collector.sawFile, sink == nil { sink = try BlobSink(store: store, metrics: request.application.requestMetrics) }
                for var piece in collector.takeFileBytes() { try await sink?.append(&piece) }
            }
            guard collector.finished else { throw ErrorPresentation(status: .badRequest, code: "upload.incomplete", message: "上传不完整，未保存任何内容") }
            let receipt = try await sink?.finish()
            return (collector.fields, receipt, collector.filename, collector.fileType)
        } catch {
            await sink?.abort()
            throw presentable(error, limit: store.maxBytes)
        }
    }
}

/// Gathers a multipart form as the parser calls back: small fields into memory, the file's
/// bytes handed on to be streamed out.
private final class FormCollector: @unchecked Sendable {
    var fields: [String: String] = [:]
    var filename: String?
    var fileType: String?
    var error: (any Error)?
    private(set) var isInFilePart = false
    private(set) var finished = false
    private var headers: [String: String] = [:]
    private var currentName: String?
    private var value = ByteBuffer()
    private var fileBytes: [ByteBuffer] = []
    /// A non-empty file part has begun (perhaps already ended, within one chunk).
    private(set) var sawFile = false
    static let fieldLimit = 64 * 1024

    func header(_ name: String, _ value: String) {
        headers[name.lowercased()] = value
        if name.lowercased() == "content-disposition" {
            currentName = Self.parameter("name", in: value)
            if let file = Self.parameter("filename", in: value), currentName == "file" {
                isInFilePart = !file.isEmpty
                sawFile = isInFilePart
                filename = file
            }
        }
        if name.lowercased() == "content-type", currentName == "file" { fileType = value }
    }

    func body(_ buffer: inout ByteBuffer) {
        finished = false
        if isInFilePart {
            fileBytes.append(buffer)
        } else if value.readableBytes + buffer.readableBytes <= Self.fieldLimit {
            value.writeBuffer(&buffer)
        } else {
            error = ErrorPresentation(status: .badRequest, code: "upload.field_too_large", message: "表单字段过长")
        }
    }

    func partComplete() {
        if !isInFilePart, let name = currentName {
            fields[name] = value.readString(length: value.readableBytes) ?? ""
        }
        value.clear()
        headers = [:]
        currentName = nil
        isInFilePart = false
        finished = true
    }

    func takeFileBytes() -> [ByteBuffer] {
        defer { fileBytes.removeAll(keepingCapacity: true) }
        return fileBytes
    }

    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard part.hasPrefix(key + "=") else { continue }
            var value = String(part.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
