import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` with the commit the package was built from, for `--version`.
/// A prebuild command runs before every build; the file is replaced only when the commit
/// changes, so an unchanged checkout does not recompile. Outside a git checkout (a release
/// tarball) the commit reads "unknown".
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildInfo.swift").path
        let package = context.package.directoryURL.path
        let script = """
        commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
        if [ "$commit" != unknown ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit-dirty"; fi
        printf 'enum BuildInfo {\\n    static let commit = "%s"\\n}\\n' "$commit" > "$2.new"
        if cmp -s "$2.new" "$2"; then rm -f "$2.new"; else mv "$2.new" "$2"; fi
        """
        return [.prebuildCommand(displayName: "Recording the commit for --version",
                                 executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", script, "sh", package, output],
                                 outputFilesDirectory: context.pluginWorkDirectoryURL)]
    }
}
