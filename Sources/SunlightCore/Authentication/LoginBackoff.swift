import Foundation

/// 登录失败退避 — how long a login is refused after repeated failures.
///
/// Failures are counted per account and per client address over a sliding window. The first
/// `freeAttempts` cost nothing; after that every further failure doubles the wait, from
/// `baseDelay` up to `maxDelay`. While a wait is running the password is not even checked,
/// so guessing gains nothing.
public struct LoginBackoffPolicy: Sendable, Equatable {
    public var freeAttempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var window: TimeInterval

    public init(freeAttempts: Int = 5, baseDelay: TimeInterval = 30, maxDelay: TimeInterval = 900,
                window: TimeInterval = 3600) {
        self.freeAttempts = freeAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.window = window
    }

    /// The wait imposed by `failures` (times of failed attempts in the window), or `nil`.
    public func lockedUntil(failures: [Date]) -> Date? {
        guard failures.count >= freeAttempts, let last = failures.max() else { return nil }
        let excess = failures.count - freeAttempts
        let delay = min(maxDelay, baseDelay * pow(2, Double(min(excess, 20))))
        return last.addingTimeInterval(delay)
    }

    /// Seconds left to wait at `now`, or `nil` when a login may be tried.
    public func retryAfter(failures: [Date], now: Date) -> Int? {
        guard let until = lockedUntil(failures: failures), until > now else { return nil }
        return Int(until.timeIntervalSince(now).rounded(.up))
    }
}
