import Claims

/// What a store knows about one recorded article, to tell whether a file changed.
public struct ArticleState: Equatable, Sendable {
    public var hash: String
    /// The rule-set version its claims were extracted with.
    public var rules: String

    public init(hash: String, rules: String) {
        self.hash = hash
        self.rules = rules
    }
}

/// One article and its claims, as recorded. `path` is relative to the project root; the
/// claims' own `file` is ignored (a stored claim's file is its article's path).
public struct ArticleRecord: Sendable {
    public var path: String
    public var hash: String
    /// The article's own date (its `date YYYY-MM-DD` prefix or `--date`), if known.
    public var date: String?
    /// Its first non-empty line, for listings.
    public var title: String
    public var rules: String
    public var claims: [Claim]

    public init(path: String, hash: String, date: String?, title: String, rules: String, claims: [Claim]) {
        self.path = path
        self.hash = hash
        self.date = date
        self.title = title
        self.rules = rules
        self.claims = claims
    }
}

/// A recorded claim with its article's date and title; `claim.file` is the article's path.
public struct StoredClaim: Equatable, Sendable {
    public var claim: Claim
    public var articleDate: String?
    public var title: String

    public init(claim: Claim, articleDate: String?, title: String) {
        self.claim = claim
        self.articleDate = articleDate
        self.title = title
    }
}

/// Which stored claims to return. Text filters compare as the checker's comparison key does
/// (whitespace collapsed, case folded); dates are ISO text, so a range is a string range.
public struct ClaimQuery: Equatable, Sendable {
    public var kind: String?
    public var unit: String?
    public var place: String?
    public var group: String?
    /// Inclusive bounds on the claim's own date (YYYY-MM-DD, or a prefix: "2021-03").
    public var from: String?
    public var to: String?
    /// The attribution's text or voice.
    public var source: String?
    /// Only claims the conflict check compares.
    public var comparableOnly = false

    public init(kind: String? = nil, unit: String? = nil, place: String? = nil, group: String? = nil,
                from: String? = nil, to: String? = nil, source: String? = nil, comparableOnly: Bool = false) {
        self.kind = kind
        self.unit = unit
        self.place = place
        self.group = group
        self.from = from
        self.to = to
        self.source = source
        self.comparableOnly = comparableOnly
    }
}

/// A claims history. Every backend keeps the same schema and behaviour; the shared store
/// test suite runs against each.
public protocol ClaimStorage: AnyObject, Sendable {
    /// Where the store is, for messages (a file path, or a URL without its password).
    var location: String { get }
    /// Every recorded article by path.
    func articleStates() throws -> [String: ArticleState]
    /// Records the articles, each replacing any earlier record of its path, all in one transaction.
    func replace(_ articles: [ArticleRecord]) throws
    /// Forgets the articles and their claims, in one transaction.
    func remove(paths: [String]) throws
    /// Claims matching the query, by article path then position.
    func claims(_ query: ClaimQuery) throws -> [StoredClaim]
    /// How many articles and claims are recorded.
    func counts() throws -> (articles: Int, claims: Int)
}
