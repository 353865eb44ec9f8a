import ArgumentParser
import Checker
import ClaimStore
import ClaimStorePostgres
import Claims
import Foundation
import Frontend

/// `--db` and `--record` for `check`: the claims history a run is compared with.
struct HistoryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Claims store to check against: a SQLite file or a postgres:// URL (default: db: in .claimcheck.yml, if set).",
                               valueName: "store"))
    var db: String?

    @Flag(help: "After checking, record the checked articles in the store (for the main branch's CI job).")
    var record = false

    /// The history session, or nil when no store is named. A store that cannot be opened
    /// stops the command with exit code 2.
    func open(config: Config, workingDirectory: String, color: ColorChoice) throws -> HistorySession? {
        guard let spec = db ?? config.db else {
            if record {
                Console.report(.store(.recordNeedsStore(configFile: Config.fileName)), color: color)
                throw ExitCode(2)
            }
            return nil
        }
        let store = try StoreAccess.open(spec, color: color)
        // Store paths are relative to the config's directory, else the working directory: a
        // root that does not move with the inputs, since a store outlives any one run.
        let root = StoreAccess.root(config: config, workingDirectory: workingDirectory)
        return HistorySession(history: History(store: store, root: root, workingDirectory: workingDirectory),
                              record: record, color: color)
    }
}

/// One `check --db` run: looks up stored claims, restores findings, records afterwards.
struct HistorySession {
    let history: History
    let record: Bool
    let color: ColorChoice

    func stored(comparableWith claims: [Claim], checking paths: [String]) throws -> [Claim] {
        try StoreAccess.orExit(color: color) { try history.claims(comparableWith: claims, checking: paths) }
    }

    func restore(_ result: CheckResult) -> CheckResult { history.restore(result) }

    /// With --record, ingests the checked files (re-extracting them); otherwise nothing.
    func recordIfAsked(_ paths: [String], rules: RuleSet, date: String?, workers: Int, quiet: Bool) throws {
        guard record else { return }
        let ingester = Ingester(store: history.store, rules: rules, root: history.root, dateOverride: date, workers: workers)
        let summary = try StoreAccess.orExit(color: color) { try ingester.ingest(paths: paths) }
        if !quiet {
            Console.error("recorded \(summary.added + summary.updated) article\(summary.added + summary.updated == 1 ? "" : "s") in \(history.store.location)")
        }
    }
}

/// Opening a store and the project root its paths are relative to, shared by check, ingest and claims.
enum StoreAccess {
    /// A `postgres://` URL opens the shared store, anything else a SQLite file.
    static func open(_ spec: String, color: ColorChoice) throws -> any ClaimStorage {
        try orExit(color: color) { () throws -> any ClaimStorage in
            if StoreSpec.isURL(spec) { return try PostgresStore(url: spec) }
            return try SQLiteStore(path: spec)
        }
    }

    /// The directory of `.claimcheck.yml` when there is one, else the working directory.
    static func root(config: Config, workingDirectory: String) -> String {
        config.path != nil ? config.directory : workingDirectory
    }

    /// Runs `body`; a `Diagnostic` it throws is printed and ends the command with exit code 2.
    static func orExit<T>(color: ColorChoice, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            Console.report([diagnostic], color: color)
            throw ExitCode(2)
        }
    }
}

extension History: ClaimHistory {}
