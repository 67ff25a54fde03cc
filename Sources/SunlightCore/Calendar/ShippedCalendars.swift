import Foundation

/// The official holiday notices that ship with Sunlight (`Resources/calendar/cn-YYYY.json`).
public enum ShippedCalendars {
    /// Every shipped notice, validated; a broken shipped file is a programming error.
    public static func notices() -> [HolidayNotice] {
        guard let directory = Bundle.module.url(forResource: "calendar", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        else { preconditionFailure("节假日安排资源缺失：Resources/calendar") }
        return files.filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { url in
                do { return try HolidayNotice.parse(Data(contentsOf: url)) } catch {
                    preconditionFailure("内置节假日安排 \(url.lastPathComponent) 无效：\(error)")
                }
            }
    }
}
