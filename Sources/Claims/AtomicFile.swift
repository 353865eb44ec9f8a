import Foundation

/// Writes a whole file or nothing: bytes go to a visible temporary beside the target
/// (`NAME.claimcheck-tmp-PID`), which is renamed over it. A killed run leaves the old file
/// intact; on SIGINT or SIGTERM the temporary is removed before the process ends, and
/// temporaries left by runs no longer alive are removed before writing.
public enum AtomicFile {
    static let temporaryMarker = ".claimcheck-tmp-"

    /// Writes through a symlink to its target. `what` names the file in errors
    /// ("baseline file", "sarif report").
    public static func write(_ bytes: [UInt8], to path: String, what: String) throws {
        // A pipe, device or socket (`/dev/stdout`, `>(gzip)`) is written into, never renamed
        // over: replacing /dev/null with a report would break the whole machine.
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw Issue.cannotWrite(what: what, step: "open", reason: String(cString: strerror(EISDIR))).diagnostic(file: path)
            default: return try writeInPlace(bytes, to: path, what: what, fifo: info.st_mode & S_IFMT == S_IFIFO)
            }
        } else if errno == ELOOP {
            throw Issue.cannotWrite(what: what, step: "open", reason: String(cString: strerror(ELOOP))).diagnostic(file: path)
        }
        try replace(resolvingLinks(path), with: bytes, what: what, reportedAs: path)
    }

    /// Writes `bytes` to a temporary beside `target` and renames it over `target`: whatever is
    /// at `target` (a file, a link) is replaced, never written through. `sync: false` for a
    /// file that may be lost in a crash (a cache). Errors name `reportedAs`.
    static func replace(_ target: String, with bytes: [UInt8], what: String, reportedAs path: String,
                        mode: mode_t = 0o644, sync: Bool = true) throws {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        removeStaleTemporaries(of: name, in: directory.isEmpty ? "." : directory)
        let temporary = target + temporaryMarker + String(getpid())
        InterruptCleanup.shared.register(temporary)
        defer { InterruptCleanup.shared.unregister(temporary) }
        func fail(_ step: String) -> Diagnostic {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return Issue.cannotWrite(what: what, step: step, reason: reason).diagnostic(file: path)
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw fail("cannot create \(temporary)") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                close(fd)
                throw fail("write")
            }
            offset += written
        }
        guard !sync || fsync(fd) == 0 || errno == EINVAL else { close(fd); throw fail("fsync") }
        guard close(fd) == 0 else { throw fail("close") }
        guard rename(temporary, target) == 0 else { throw fail("rename") }
    }

    /// Writes straight into an existing pipe, device or socket. A named pipe nobody reads is
    /// an error at once (O_NONBLOCK makes open fail with ENXIO) rather than a hang.
    private static func writeInPlace(_ bytes: [UInt8], to path: String, what: String, fifo: Bool) throws {
        func fail(_ step: String) -> Diagnostic {
            Issue.cannotWrite(what: what, step: step, reason: String(cString: strerror(errno))).diagnostic(file: path)
        }
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY | (fifo ? O_NONBLOCK : 0))
        guard fd >= 0 else {
            if fifo, errno == ENXIO {
                throw Issue.cannotWrite(what: what, step: "open", reason: "no process is reading the named pipe").diagnostic(file: path)
            }
            throw fail("open")
        }
        defer { close(fd) }
        if fifo { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw fail("write")
            }
            offset += written
        }
    }

    /// The file a chain of symlinks ends at (even when it does not exist yet).
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }

    static func removeStaleTemporaries(of name: String, in directory: String) {
        let prefix = name + temporaryMarker
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)) else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                unlink((directory as NSString).appendingPathComponent(entry))
            }
        }
    }
}

/// Temporaries being written, removed by a SIGINT/SIGTERM handler. The handler may only call
/// async-signal-safe functions, so paths are kept as C strings in a fixed table.
final class InterruptCleanup: @unchecked Sendable {
    static let shared = InterruptCleanup()
    private let lock = NSLock()
    private var installed = false

    func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        if !installed {
            installed = true
            signal(SIGINT, interruptHandler)
            signal(SIGTERM, interruptHandler)
        }
        for slot in 0..<pendingSlots where pendingPaths[slot] == nil {
            pendingPaths[slot] = strdup(path)
            return
        }
    }

    func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<pendingSlots {
            if let pending = pendingPaths[slot], String(cString: pending) == path {
                pendingPaths[slot] = nil
                free(pending)
            }
        }
    }
}

private let pendingSlots = 16
nonisolated(unsafe) private var pendingPaths = [UnsafeMutablePointer<CChar>?](repeating: nil, count: pendingSlots)

private func interruptHandler(_ signalNumber: Int32) {
    for slot in 0..<pendingSlots { if let path = pendingPaths[slot] { unlink(path) } }
    // Die of the same signal, so the parent sees what happened.
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// write(2), out of reach of AtomicFile.write's name.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
