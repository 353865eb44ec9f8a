import Claims
import Foundation

/// Opens the store a `--db` value or `db:` setting names: a `postgres://` URL, else a SQLite file.
public enum StoreOpener {
    public static func isURL(_ spec: String) -> Bool {
        spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://")
    }

    public static func open(_ spec: String) throws -> any ClaimStorage {
        if isURL(spec) {
            throw Diagnostic(file: "--db", "PostgreSQL stores are not built into this claimcheck yet; use a SQLite file")
        }
        return try SQLiteStore(path: spec)
    }
}
