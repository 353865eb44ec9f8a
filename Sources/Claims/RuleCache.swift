import Foundation
import PCRE2
import CPCRE2

/// Where a `CompileCache` lives between runs: one file per build of claimcheck and list of rule
/// directories, in a directory only the user can write. Any problem (no such directory, a file
/// of another build, damage, a full disk) means compiling afresh, never an error: the cache only
/// saves time.
public struct RuleCache: Sendable {
    public let directory: String

    /// `directory` is made absolute and free of `.` and `..` (against the working directory).
    public init(directory: String) { self.directory = URL(fileURLWithPath: directory).standardized.path }

    /// `CLAIMCHECK_CACHE` (a directory, or `off`), else `$XDG_CACHE_HOME/claimcheck`, else
    /// `~/.cache/claimcheck`; nil when caching is off or there is no home.
    public static func `default`(environment: [String: String] = ProcessInfo.processInfo.environment) -> RuleCache? {
        if let chosen = environment["CLAIMCHECK_CACHE"], !chosen.isEmpty {
            return chosen == "off" ? nil : RuleCache(directory: chosen)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return RuleCache(directory: xdg + "/claimcheck")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return RuleCache(directory: home + "/.cache/claimcheck")
        }
        return nil
    }

    /// Files beyond this many (the least recently used first) are removed when one is written.
    static let keptFiles = 8
    /// A larger file is not read: the shipped rules make about 2.4 MB.
    static let maximumSize = 64 << 20
    static let prefix = "rules-"
    static let suffix = ".cache"

    /// The file for `directories` run by this build of claimcheck: a rebuilt claimcheck or
    /// another PCRE2 compiles and analyses differently, so it gets a file of its own (copies of
    /// one build share one, as a restored CI cache does).
    func path(for directories: [String]) -> String {
        var identity = "claimcheck rule cache 1\u{0}" + RuleCache.pcre2Version + "\u{0}" + (RuleCache.executableIdentity ?? "")
        for directory in directories { identity += "\u{0}" + directory }
        let key = CompileCache.Key(identity)
        return directory + "/" + RuleCache.prefix + key.hex + RuleCache.suffix
    }

    /// The cache kept for `directories`, or an empty one.
    func read(for directories: [String]) -> CompileCache {
        let path = path(for: directories)
        guard RuleCache.executableIdentity != nil, RuleCache.isPrivate(directory, directory: true), RuleCache.isPrivate(path, directory: false),
              let bytes = RuleCache.contents(of: path), let cache = CompileCache(serialized: bytes) else { return CompileCache() }
        return cache
    }

    /// Writes `cache` back when it changed, else marks the file as just used (old files are
    /// removed by when they were last used); failures are ignored.
    func write(_ cache: CompileCache, for directories: [String]) {
        let path = path(for: directories)
        guard cache.isStale else {
            utimensat(AT_FDCWD, path, nil, AT_SYMLINK_NOFOLLOW)
            return
        }
        guard RuleCache.executableIdentity != nil, RuleCache.makePrivateDirectory(directory),
              // Replaced, not written through: a link there must not redirect the write.
              (try? AtomicFile.replace(path, with: cache.serialized(), what: "rule cache", reportedAs: path,
                                       mode: 0o600, sync: false)) != nil else { return }
        removeOldFiles(keeping: path)
    }

    private func removeOldFiles(keeping current: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var files: [(path: String, used: Int)] = []
        for name in names where name.hasPrefix(RuleCache.prefix) && name.hasSuffix(RuleCache.suffix) {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, path != current else { continue }
            files.append((path, Int(info.st_mtim.tv_sec)))
        }
        for old in files.sorted(by: { $0.used > $1.used }).dropFirst(RuleCache.keptFiles - 1) { unlink(old.path) }
    }

    /// Owned by this user and writable by nobody else: decoded PCRE2 code is trusted, so a file
    /// another user could have written is never read.
    static func isPrivate(_ path: String, directory: Bool) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o022 == 0 else { return false }
        return info.st_mode & S_IFMT == (directory ? S_IFDIR : S_IFREG)
    }

    /// Creates the directory (and missing parents) readable by the user only.
    static func makePrivateDirectory(_ path: String) -> Bool {
        if isPrivate(path, directory: true) { return true }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, access(parent, F_OK) != 0, !makePrivateDirectory(parent) { return false }
        // Another run may create it at the same moment.
        return (mkdir(path, 0o700) == 0 || errno == EEXIST) && isPrivate(path, directory: true)
    }

    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // The file opened is checked again: it may have been replaced since `isPrivate` looked.
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_mode & 0o022 == 0,
              info.st_size <= maximumSize else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            offset += count
        }
        return bytes
    }

    static let pcre2Version: String = {
        var buffer = [UInt8](repeating: 0, count: 64)
        let length = buffer.withUnsafeMutableBytes { pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), $0.baseAddress) }
        return length > 0 ? String(decoding: buffer.prefix(Int(length) - 1), as: UTF8.self) : "unknown"
    }()

    /// The running executable's GNU build ID (a hash of its code, the same in every copy of one
    /// build), else its device, inode, size and modification time; nil when neither is known,
    /// and then nothing is cached, since code another build wrote could be read.
    static let executableIdentity: String? = {
        if let buildID = buildID(of: "/proc/self/exe") { return "build-id " + buildID }
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    /// The NT_GNU_BUILD_ID note of a little-endian ELF64 file, in hexadecimal.
    static func buildID(of path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        func bytes(_ offset: Int, _ count: Int) -> [UInt8]? {
            guard offset >= 0, count >= 0, count <= 1 << 20 else { return nil }
            var out = [UInt8](repeating: 0, count: count)
            let got = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            return got == count ? out : nil
        }
        func integer(_ bytes: [UInt8], _ at: Int, _ size: Int) -> Int {
            (0..<size).reversed().reduce(0) { $0 << 8 | Int(bytes[at + $1]) }
        }
        guard let header = bytes(0, 64), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
        let (table, entrySize, entries) = (integer(header, 32, 8), integer(header, 54, 2), integer(header, 56, 2))
        guard entrySize >= 40, entries <= 256, let programHeaders = bytes(table, entrySize * entries) else { return nil }
        for index in 0..<entries where integer(programHeaders, index * entrySize, 4) == 4 {  // PT_NOTE
            let base = index * entrySize
            guard let notes = bytes(integer(programHeaders, base + 8, 8), integer(programHeaders, base + 32, 8)) else { continue }
            var at = 0
            while at + 12 <= notes.count {
                let (nameSize, descSize, type) = (integer(notes, at, 4), integer(notes, at + 4, 4), integer(notes, at + 8, 4))
                let name = at + 12, desc = name + (nameSize + 3) / 4 * 4
                guard desc + descSize <= notes.count else { break }
                if type == 3, nameSize == 4, notes[name..<name + 4] == [0x47, 0x4E, 0x55, 0], descSize > 0 {
                    return notes[desc..<desc + descSize].map { String(format: "%02x", $0) }.joined()
                }
                at = desc + (descSize + 3) / 4 * 4
            }
        }
        return nil
    }
}
