import Foundation

/// Turns command-line arguments into documents: files, directories walked for `.txt` and
/// `.md`, and `-` for standard input. Problems become diagnostics; other inputs go on.
public struct InputCollector {
    public static let extensions: Set<String> = ["txt", "md"]

    public init() {}

    /// Paths to read, in argument order; directories expand to their files in path order.
    public func paths(for arguments: [String]) -> (paths: [String], diagnostics: [Diagnostic]) {
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        var readStandardInput = false
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
                paths += found
            } else {
                paths.append(argument)
            }
        }
        return (paths, diagnostics)
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
            guard InputCollector.extensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            // Keep the path as the user wrote the directory: "articles/a.txt", not "/abs/articles/a.txt".
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(prefix + "/") ? String(full.dropFirst(prefix.count + 1)) : url.lastPathComponent
            found.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
        }
        return (found.sorted(), problems)
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
            guard access(path, R_OK) == 0, let handle = FileHandle(forReadingAtPath: path) else {
                return .failure(Diagnostic(file: name, "cannot read file: \(String(cString: strerror(errno)))"))
            }
            data = handle.readDataToEndOfFile()
            try? handle.close()
        }
        let document = Document(path: name, bytes: [UInt8](data))
        if document.looksBinary {
            return .failure(Diagnostic(file: name, "binary file skipped (it contains NUL bytes)"))
        }
        return .success(document)
    }
}
