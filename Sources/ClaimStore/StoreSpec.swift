/// What a `--db` value or `db:` setting names.
public enum StoreSpec {
    /// A `postgres://` (or `postgresql://`) URL; anything else is a SQLite file path.
    public static func isURL(_ spec: String) -> Bool {
        spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://")
    }
}
