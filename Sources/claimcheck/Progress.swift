import Foundation
import Frontend

/// "claimcheck: 812/21268 files, 3.1 MB/s, 6 s left" on standard error, redrawn in place.
/// Only on a terminal, never under CI or --quiet, and only once a run has taken a second:
/// short runs and logs stay clean.
final class ProgressLine: RunProgress, @unchecked Sendable {
    private let total: Int
    private let totalBytes: Int
    private var files = 0
    private var bytes = 0
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let lock = NSLock()

    /// Whether a progress line may be drawn: standard error is a terminal and CI is unset.
    static func wanted(quiet: Bool) -> Bool {
        !quiet && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// Nil when no line is wanted. Sizes come from the file system ("-" counts as 0).
    static func make(paths: [String], quiet: Bool) -> ProgressLine? {
        guard wanted(quiet: quiet) else { return nil }
        let sizes = paths.map { path -> Int in
            guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return 0 }
            return (attributes[.size] as? NSNumber)?.intValue ?? 0
        }
        return ProgressLine(total: paths.count, totalBytes: sizes.reduce(0, +))
    }

    init(total: Int, totalBytes: Int) {
        self.total = total
        self.totalBytes = totalBytes
    }

    func fileDone(bytes size: Int) {
        lock.lock()
        defer { lock.unlock() }
        files += 1
        bytes += size
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed >= 1, now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let rate = Double(bytes) / elapsed
        var line = "claimcheck: \(files)/\(total) files, " + String(format: "%.1f MB/s", rate / 1_000_000)
        if rate > 0, totalBytes > bytes {
            line += ", \(Int((Double(totalBytes - bytes) / rate).rounded(.up))) s left"
        }
        Console.errorRaw("\r" + line + "\u{1B}[K")
        drawn = true
    }

    /// Clears the line before anything else is written to standard error.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { Console.errorRaw("\r\u{1B}[K") }
        drawn = false
    }
}
