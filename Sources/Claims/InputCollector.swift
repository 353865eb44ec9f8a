import Foundation

/// Turns command-line arguments into documents: files, directories walked for articles, and
/// `-` for standard input. Problems become diagnostics; other inputs go on.
///
/// A walk skips hidden files and directories and what `.gitignore` / `.claimcheckignore` files
/// exclude, in the walked tree and above it up to the repository's top (ripgrep's behaviour);
/// a file named on the command line is always read.
public struct InputCollector {
    public static let defaultExtensions: [String] = ["txt", "md", "markdown"]

    /// File extensions (without the dot, compared case-insensitively) a walk reads.
    public var extensions: Set<String>
    /// Honour `.gitignore` and `.claimcheckignore` in walks (`--no-ignore` turns this off).
    public var honoursIgnoreFiles: Bool
    /// Walk into hidden (dot) files and directories (`--hidden`).
    public var includesHidden: Bool

    public init(extensions: [String] = InputCollector.defaultExtensions, honoursIgnoreFiles: Bool = true,
                includesHidden: Bool = false) {
        self.extensions = Set(extensions.map { $0.lowercased() })
        self.honoursIgnoreFiles = honoursIgnoreFiles
        self.includesHidden = includesHidden
    }

    /// Paths to read, in argument order; directories expand to their files in path order.
    /// A file named twice (`a.txt ./a.txt`, or a directory and a file in it) is read once,
    /// under its first spelling, so it cannot conflict with itself.
    public func paths(for arguments: [String]) -> (paths: [String], diagnostics: [Diagnostic]) {
        var paths: [String] = []
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        var readStandardInput = false
        func add(_ path: String, key: String) {
            if seen.insert(key).inserted { paths.append(path) }
        }
        for argument in arguments {
            if argument == "-" {
                if readStandardInput {
                    diagnostics.append(Issue.standardInputTwice.diagnostic(file: "-"))
                } else {
                    paths.append("-")
                    readStandardInput = true
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                diagnostics.append(Issue.noSuchFile(directoryToo: true).diagnostic(file: argument))
                continue
            }
            if isDirectory.boolValue {
                let (found, problems) = walk(argument)
                diagnostics += problems
                if found.isEmpty, problems.isEmpty {
                    diagnostics.append(Issue.noArticleFiles(extensions: Array(extensions)).diagnostic(file: argument))
                }
                for file in found { add(file.shown, key: file.absolute) }
            } else {
                add(argument, key: Self.normalized(argument))
            }
        }
        return (paths, diagnostics)
    }

    /// Absolute, with `.`, `..` and repeated slashes resolved (symlinks are not).
    static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The deepest directory holding every input (a directory argument counts as itself, a
    /// file as its parent); nil when only standard input is read. Fingerprints are relative to
    /// it when there is no configuration file, so a baseline works from any working directory.
    public static func commonRoot(of arguments: [String]) -> String? {
        var common: [Substring]?
        for argument in arguments where argument != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { continue }
            let absolute = normalized(argument)
            let directory = isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
            let parts = directory.split(separator: "/")
            guard let sofar = common else { common = parts; continue }
            common = Array(zip(sofar, parts).prefix { $0 == $1 }.map(\.0))
        }
        return common.map { "/" + $0.joined(separator: "/") }
    }

    /// Article files below `directory`, sorted. A subdirectory that cannot be read is an error,
    /// not a silent gap. Symbolic links to files are read; the walk never follows a link to a
    /// directory, so a link loop cannot trap it. Each file comes as shown (below the argument
    /// as spelled) and absolute (below the normalized root: already normalized, as no name in a
    /// listing is `.`, `..` or holds a slash).
    private func walk(_ directory: String) -> ([(shown: String, absolute: String)], [Diagnostic]) {
        var problems: [Diagnostic] = []
        var found: [(shown: String, absolute: String)] = []
        let root = Self.normalized(directory)
        var ignores = IgnoreStack()
        if honoursIgnoreFiles {
            // Ignore files above the walked directory count too, up to the repository's top
            // (the nearest directory holding .git), as in git; outside a repository only those
            // of the walked tree do, so a stray file in a home directory cannot hide articles.
            var ancestors: [String] = []
            var current = (root as NSString).deletingLastPathComponent
            var reachedTop = FileManager.default.fileExists(atPath: root + "/.git")
            while !reachedTop, current != "/", !current.isEmpty {
                ancestors.append(current)
                reachedTop = FileManager.default.fileExists(atPath: current + "/.git")
                current = (current as NSString).deletingLastPathComponent
            }
            if reachedTop {
                for ancestor in ancestors.reversed() { ignores = ignores.entering(ancestor, read: Self.readIgnoreFile) }
            }
        }
        let shownRoot = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        // Depth-first with an explicit stack; each entry is (absolute path, shown path, ignores).
        var pending: [(String, String, IgnoreStack)] = [(root, shownRoot, ignores)]
        while let (absolute, shown, inherited) = pending.popLast() {
            let stack = honoursIgnoreFiles ? inherited.entering(absolute, read: Self.readIgnoreFile) : inherited
            guard let entries = Self.entries(of: absolute) else {
                var reason = "permission denied"
                if access(absolute, R_OK | X_OK) == 0 {
                    do { _ = try FileManager.default.contentsOfDirectory(atPath: absolute) } catch { reason = Self.reason(error) }
                }
                problems.append(Issue.unreadableDirectory(reason: reason).diagnostic(file: shown))
                continue
            }
            if absolute != root, entries.contains(where: { $0.name == InputCollector.configFileName }) {
                problems.append(Issue.nestedConfigIgnored.diagnostic(file: display(shown, InputCollector.configFileName)))
            }
            for (name, type) in entries {
                if !includesHidden, name.hasPrefix(".") { continue }
                let path = (absolute == "/" ? "" : absolute) + "/" + name
                let display = display(shown, name)
                var isDirectory = type == UInt8(DT_DIR)
                if type != UInt8(DT_DIR), type != UInt8(DT_REG) {
                    // A link, or a file system that gives no types: ask.
                    var link = stat()
                    guard lstat(path, &link) == 0 else { continue }
                    isDirectory = link.st_mode & S_IFMT == S_IFDIR
                }
                if isDirectory {
                    if !stack.isIgnored(path, isDirectory: true) { pending.append((path, display, stack)) }
                    continue
                }
                guard extensions.contains(Self.pathExtension(name)),
                      !stack.isIgnored(path, isDirectory: false) else { continue }
                // A regular file needs no stat (its type came with the listing).
                if type == UInt8(DT_REG) {
                    found.append((display, path))
                    continue
                }
                // stat follows a symlink to its target: a linked article is read.
                var info = stat()
                guard stat(path, &info) == 0 else {
                    problems.append(Issue.brokenLink.diagnostic(file: display))
                    continue
                }
                guard info.st_mode & S_IFMT == S_IFREG else {
                    if info.st_mode & S_IFMT != S_IFDIR {
                        problems.append(Issue.notRegularFile(kind: InputCollector.kind(info.st_mode), named: false).diagnostic(file: display))
                    }
                    continue
                }
                found.append((display, path))
            }
        }
        // Shown and absolute paths differ only in their common prefix, so either orders the files.
        return (found.sorted { $0.shown < $1.shown }, problems)
    }

    private func display(_ directory: String, _ name: String) -> String { directory + "/" + name }

    /// A directory's entries in listing order with their types (`DT_REG`, `DT_DIR`, `DT_LNK`,
    /// `DT_UNKNOWN`...), so a walk of thousands of articles stats none of them; nil when the
    /// directory cannot be opened.
    static func entries(of directory: String) -> [(name: String, type: UInt8)]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        var result: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            result.append((name, entry.pointee.d_type))
        }
        return result
    }

    /// A file name's extension, lowercased, as `NSString.pathExtension` gives it ("" for
    /// ".profile" or "notes."), without bridging each of a walk's names to NSString.
    static func pathExtension(_ name: String) -> String {
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return "" }
        let after = bytes.index(after: dot)
        guard after != bytes.endIndex else { return "" }
        return String(name[after...]).lowercased()
    }

    /// The project configuration's name (`Config.fileName`): a walk notes one it will not apply.
    public static let configFileName = ".claimcheck.yml"

    private static func readIgnoreFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
    }

    /// A regular file's bytes (`info`: its stat). A pipe (`<(…)`, a FIFO) is opened without
    /// blocking, so a FIFO nobody writes to reads as empty and is skipped instead of stalling the
    /// run; devices and sockets are skipped unread (/dev/zero would never end).
    static func readFile(_ path: String, _ info: stat) -> Result<[UInt8], Diagnostic> {
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFIFO else {
            return .failure(Issue.notRegularFile(kind: kind(info.st_mode), named: true).diagnostic())
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | (type == S_IFIFO ? O_NONBLOCK : 0))
        guard fd >= 0 else {
            return .failure(Issue.unreadableFile(reason: String(cString: strerror(errno))).diagnostic())
        }
        defer { close(fd) }
        // Sized from the stat (one byte more, to see a file that grew), doubled as needed.
        var bytes = [UInt8](repeating: 0, count: type == S_IFREG ? Int(info.st_size) + 1 : 1 << 16)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            let count = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count > 0 { filled += count; continue }
            if count == 0 { break }
            if errno == EINTR { continue }
            if errno == EAGAIN {
                // A writer is connected but has not written yet: wait for it.
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, -1)
                continue
            }
            return .failure(Issue.unreadableFile(reason: String(cString: strerror(errno))).diagnostic())
        }
        if type == S_IFIFO, filled == 0 {
            return .failure(Issue.silentPipe.diagnostic())
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    /// Reads one input; a missing, unreadable, non-regular or binary file is a diagnostic, not a
    /// crash. Pipes and process substitution (`<(…)`) are read like files.
    public static func read(_ path: String) -> Result<Document, Diagnostic> {
        let name = path == "-" ? "<stdin>" : path
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            // One stat (following links) for existence, type and size.
            var info = stat()
            guard stat(path, &info) == 0 else {
                return .failure(Issue.noSuchFile(directoryToo: false).diagnostic(file: name))
            }
            if info.st_mode & S_IFMT == S_IFDIR { return .failure(Issue.isDirectory.diagnostic(file: name)) }
            switch readFile(path, info) {
            case .success(let read): bytes = read
            case .failure(let problem): return .failure(Diagnostic(problem.severity, file: name, problem.message))
            }
        }
        let document = Document(path: name, bytes: bytes, html: Document.isHTML(path: path))
        if document.looksBinary {
            return .failure(Issue.binaryFile.diagnostic(file: name))
        }
        return .success(document)
    }
}

/// read(2), out of reach of InputCollector.read's name.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
