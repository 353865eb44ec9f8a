extension Issue {
    /// The claims store's problems (SQLite and PostgreSQL), and the commands that need one.
    /// `configFile` is the configuration's file name, which this module cannot see.
    public enum Store: Sendable {
        // MARK: - Opening
        case isDirectory
        case notSQLite(reason: String)
        case foreignSQLite(schemaObjects: Int)
        case foreignPostgres
        case newerSchema(found: Int, supported: Int)
        case connectionOutOfMemory
        case cannotConnect(reason: String)
        // MARK: - Reading and writing
        case failed(reason: String)
        case noArticleID(path: String)
        case incompleteClaim(path: String)
        case standardInputNotRecorded
        // MARK: - Commands
        case noStore(configFile: String)
        case recordNeedsStore(configFile: String)
        case noStoreHere

        public var severity: Severity {
            if case .standardInputNotRecorded = self { return .warning }
            return .error
        }

        public var message: String {
            switch self {
            case .isDirectory: "the claims store is a directory, not a file"
            case .notSQLite(let reason): "not a claims store: the file is not a SQLite database or is corrupt (\(reason))"
            case .foreignSQLite(let objects):
                "not a claims store: a SQLite database of another program (\(objects) schema objects); nothing was written"
            case .foreignPostgres: "not a claims store: the database has articles or claims tables of another program; nothing was written"
            case .newerSchema(let found, let supported):
                "the claims store has schema version \(found), newer than this claimcheck's \(supported); upgrade claimcheck (nothing was written)"
            case .connectionOutOfMemory: "cannot connect: out of memory"
            case .cannotConnect(let reason): "cannot connect to the claims store: \(reason)"
            case .failed(let reason): "claims store: \(reason)"
            case .noArticleID(let path): "claims store: no id for \(path)"
            case .incompleteClaim(let path): "a stored claim of \(path) is incomplete; the store may be damaged"
            case .standardInputNotRecorded: "standard input has no path to record; skipped"
            case .noStore(let configFile): "no claims store: pass --db FILE or set db: in \(configFile)"
            case .recordNeedsStore(let configFile): "--record needs a claims store: --db or db: in \(configFile)"
            case .noStoreHere: "no claims store here (ingest creates one)"
            }
        }
    }
}
