/// The patterns of one `.gitignore` or `.claimcheckignore`, in git's syntax: `#` comments,
/// `!` re-includes, a trailing `/` matches directories only, a pattern with a `/` before its
/// end is anchored at the file's directory, any other matches a name at any depth.
/// The last matching pattern decides, as in git.
public struct IgnoreFile: Sendable, Equatable {
    public static let names = [".gitignore", ".claimcheckignore"]

    struct Pattern: Sendable, Equatable {
        /// Tokenised once: an archive's every file is tried against every pattern.
        let glob: Glob.Compiled
        let negated: Bool
        let directoryOnly: Bool
        let anchored: Bool
    }

    /// Absolute directory the patterns are relative to.
    public let directory: String
    let patterns: [Pattern]

    public init(directory: String, text: String) {
        self.directory = directory
        var patterns: [Pattern] = []
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(raw)
            // Trailing spaces are ignored unless escaped, as git does.
            while line.last == " ", !line.hasSuffix("\\ ") { line.removeLast() }
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let negated = line.hasPrefix("!")
            if negated { line.removeFirst() }
            if line.hasPrefix("\\") { line.removeFirst() }
            let directoryOnly = line.hasSuffix("/")
            if directoryOnly { line.removeLast() }
            var anchored = line.hasPrefix("/")
            if anchored { line.removeFirst() }
            if line.contains("/") { anchored = true }
            guard !line.isEmpty else { continue }
            patterns.append(Pattern(glob: Glob.Compiled(String(line)), negated: negated, directoryOnly: directoryOnly, anchored: anchored))
        }
        self.patterns = patterns
    }

    /// Whether `relative` (a path below `directory`, `/`-separated) is ignored (true), re-included
    /// (false) or not mentioned (nil).
    public func decision(for relative: String, isDirectory: Bool) -> Bool? {
        let path = Array(relative)
        let name = path.lastIndex(of: "/").map { Array(path[($0 + 1)...]) } ?? path
        for pattern in patterns.reversed() {
            if pattern.directoryOnly, !isDirectory { continue }
            if pattern.glob.matches(pattern.anchored ? path : name) { return !pattern.negated }
        }
        return nil
    }
}

/// The ignore files in effect at one directory of a walk: those of the directory and of every
/// directory above it within the walk. A deeper file overrides a shallower one.
public struct IgnoreStack: Sendable {
    var files: [IgnoreFile] = []

    public init() {}

    /// The stack for a subdirectory, with its own ignore files (if any) on top.
    public func entering(_ directory: String, read: (String) -> String?) -> IgnoreStack {
        var copy = self
        for name in IgnoreFile.names {
            if let text = read(directory + "/" + name) { copy.files.append(IgnoreFile(directory: directory, text: text)) }
        }
        return copy
    }

    public func isIgnored(_ absolutePath: String, isDirectory: Bool) -> Bool {
        for file in files.reversed() where absolutePath.hasPrefix(file.directory + "/") {
            let relative = String(absolutePath.dropFirst(file.directory.count + 1))
            if let ignored = file.decision(for: relative, isDirectory: isDirectory) { return ignored }
        }
        return false
    }
}
