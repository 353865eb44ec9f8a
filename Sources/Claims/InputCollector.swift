import Foundation

/// Turns command-line arguments into documents: files, directories walked for `.txt` and
/// `.md`, and `-` for standard input. Problems become diagnostics; other inputs go on.
public struct InputCollector {
    public static let extensions: Set<String> = ["txt", "md"]
    /// Glob patterns (`*`, `**`, `?`) of paths to leave out.
    public var ignore: [String]

    public init(ignore: [String] = []) { self.ignore = ignore }

    /// Paths to read, in argument order; directories expand to their files in path order.
    public func paths(for arguments: [String]) -> (paths: [String], diagnostics: [Diagnostic]) {
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        for argument in arguments {
            if argument == "-" {
                paths.append("-")
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(file: argument, "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let found = walk(argument)
                if found.isEmpty { diagnostics.append(Diagnostic(.warning, file: argument, "no .txt or .md files in this directory")) }
                paths += found
            } else if !isIgnored(argument) {
                paths.append(argument)
            }
        }
        return (paths, diagnostics)
    }

    private func walk(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard InputCollector.extensions.contains(ext) else { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            if !isIgnored(path) { found.append(path) }
        }
        return found.sorted()
    }

    func isIgnored(_ path: String) -> Bool {
        let normalized = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return ignore.contains { Glob.matches($0, normalized) }
    }

    /// Reads one input; a missing, unreadable or binary file is a diagnostic, not a crash.
    public static func read(_ path: String) -> Result<Document, Diagnostic> {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        let name = path == "-" ? "<stdin>" : path
        guard let data else {
            let exists = FileManager.default.fileExists(atPath: path)
            return .failure(Diagnostic(file: name, exists ? "cannot read file (permission denied?)" : "no such file"))
        }
        let document = Document(path: name, bytes: [UInt8](data))
        if document.looksBinary {
            return .failure(Diagnostic(file: name, "binary file skipped (it contains NUL bytes)"))
        }
        return .success(document)
    }
}

/// Minimal glob matching for ignore lists: `*` within a path segment, `**` across them.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern), 0, Array(path), 0)
    }

    private static func match(_ p: [Character], _ i: Int, _ s: [Character], _ j: Int) -> Bool {
        if i == p.count { return j == s.count }
        if p[i] == "*" {
            let doubleStar = i + 1 < p.count && p[i + 1] == "*"
            var next = doubleStar ? i + 2 : i + 1
            if doubleStar, next < p.count, p[next] == "/" { next += 1 }
            var k = j
            while true {
                if match(p, next, s, k) { return true }
                guard k < s.count, doubleStar || s[k] != "/" else { return false }
                k += 1
            }
        }
        guard j < s.count, p[i] == "?" ? s[j] != "/" : p[i] == s[j] else { return false }
        return match(p, i + 1, s, j + 1)
    }
}
