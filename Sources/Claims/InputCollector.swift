import Foundation

/// Turns command-line arguments into documents: files, directories walked for `.txt` and
/// `.md`, and `-` for standard input. Problems become diagnostics; other inputs go on.
public struct InputCollector {
    public static let extensions: Set<String> = ["txt", "md"]

    public init() {}

    /// Paths to read, in argument order; directories expand to their files in path order.
    /// A file named twice (`a.txt ./a.txt`, or a directory and a file in it) is read once,
    /// under its first spelling, so it cannot conflict with itself.
    public func paths(for arguments: [String]) -> (paths: [String], diagnostics: [Diagnostic]) {
        var paths: [String] = []
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        var readStandardInput = false
        func add(_ path: String) {
            if seen.insert(Self.normalized(path)).inserted { paths.append(path) }
        }
        for argument in arguments {
            if argument == "-" {
                if readStandardInput {
                    diagnostics.append(Diagnostic(.warning, file: "-", "standard input given twice; it is read once"))
                } else {
                    paths.append("-")
                    readStandardInput = true
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(file: argument, "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let (found, problems) = walk(argument)
                diagnostics += problems
                if found.isEmpty, problems.isEmpty {
                    diagnostics.append(Diagnostic(.warning, file: argument, "no .txt or .md files in this directory"))
                }
                found.forEach(add)
            } else {
                add(argument)
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

    /// Regular `.txt`/`.md` files below `directory`; a subdirectory that cannot be read is an
    /// error, not a silent gap.
    private func walk(_ directory: String) -> ([String], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let root = URL(fileURLWithPath: directory)
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, errorHandler: { url, error in
            let reason = access(url.path, R_OK | X_OK) != 0 ? "permission denied" : InputCollector.reason(error)
            problems.append(Diagnostic(file: url.path, "cannot read directory: \(reason)"))
            return true
        }) else {
            return ([], [Diagnostic(file: directory, "cannot read directory")])
        }
        var found: [String] = []
        let prefix = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard InputCollector.extensions.contains(url.pathExtension.lowercased()) else { continue }
            // Keep the path as the user wrote the directory: "articles/a.txt", not "/abs/articles/a.txt".
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(prefix + "/") ? String(full.dropFirst(prefix.count + 1)) : url.lastPathComponent
            let shown = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            // stat follows a symlink to its target: a linked article is read; the walk itself
            // never enters a linked directory, so a link loop cannot trap it.
            var info = stat()
            guard stat(url.path, &info) == 0 else {
                problems.append(Diagnostic(.warning, file: shown, "broken symbolic link skipped"))
                continue
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                if info.st_mode & S_IFMT != S_IFDIR {
                    problems.append(Diagnostic(.warning, file: shown, "not a regular file (\(InputCollector.kind(info.st_mode))); skipped"))
                }
                continue
            }
            found.append(shown)
        }
        return (found.sorted(), problems)
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

    /// A regular file's bytes. A pipe (`<(…)`, a FIFO) is opened without blocking, so a FIFO
    /// nobody writes to reads as empty and is skipped instead of stalling the run; devices and
    /// sockets are skipped unread (/dev/zero would never end).
    static func readFile(_ path: String) -> Result<Data, Diagnostic> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(Diagnostic(file: nil, "cannot read file: \(String(cString: strerror(errno)))"))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFIFO else {
            return .failure(Diagnostic(file: nil, "not a regular file (\(kind(info.st_mode))); skipped"))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | (type == S_IFIFO ? O_NONBLOCK : 0))
        guard fd >= 0 else {
            return .failure(Diagnostic(file: nil, "cannot read file: \(String(cString: strerror(errno)))"))
        }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count > 0 { data.append(contentsOf: chunk[0..<count]); continue }
            if count == 0 { break }
            if errno == EINTR { continue }
            if errno == EAGAIN {
                // A writer is connected but has not written yet: wait for it.
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, -1)
                continue
            }
            return .failure(Diagnostic(file: nil, "cannot read file: \(String(cString: strerror(errno)))"))
        }
        if type == S_IFIFO, data.isEmpty {
            return .failure(Diagnostic(.warning, file: nil, "named pipe gave no data (nothing writing to it?); skipped"))
        }
        return .success(data)
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    /// Reads one input; a missing, unreadable, non-regular or binary file is a diagnostic, not a
    /// crash. Pipes and process substitution (`<(…)`) are read like files.
    public static func read(_ path: String) -> Result<Document, Diagnostic> {
        let name = path == "-" ? "<stdin>" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return .failure(Diagnostic(file: name, "no such file"))
            }
            if isDirectory.boolValue { return .failure(Diagnostic(file: name, "is a directory, not an article")) }
            switch readFile(path) {
            case .success(let read): data = read
            case .failure(let problem): return .failure(Diagnostic(problem.severity, file: name, problem.message))
            }
        }
        let document = Document(path: name, bytes: [UInt8](data))
        if document.looksBinary {
            return .failure(Diagnostic(file: name, "binary file skipped (it contains NUL bytes)"))
        }
        return .success(document)
    }
}

/// read(2), out of reach of InputCollector.read's name.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
