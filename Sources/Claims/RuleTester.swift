import PCRE2

/// Runs every embedded example: a claim rule's examples are extracted with the whole rule
/// set (so overlaps between rules are tested too); a context rule's with its own pattern.
public struct RuleTester {
    public struct Failure: Equatable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var rule: String
        public var message: String
        /// Which example of the run failed (its ordinal): one example can fail several keys.
        public var example: Int
        /// `file:line: rule id: expected …, got …`
        public var description: String { "\(file):\(line): \(rule): \(message)" }
    }

    public let rules: RuleSet
    public init(rules: RuleSet) { self.rules = rules }

    /// How many examples failed, however many of their keys were wrong.
    public static func failedExamples(_ failures: [Failure]) -> Int {
        Set(failures.map(\.example)).count
    }

    public func run() -> (examples: Int, failures: [Failure]) {
        let extractor = Extractor(rules: rules)
        var count = 0
        var failures: [Failure] = []
        for rule in rules.claimRules {
            for example in rule.examples {
                count += 1
                failures += check(example, rule: rule, extractor: extractor, ordinal: count)
            }
        }
        for rule in rules.contextRules {
            let matcher = Matcher(rule.regex)
            for example in rule.examples {
                count += 1
                failures += check(example, rule: rule, matcher: matcher, ordinal: count)
            }
        }
        return (count, failures)
    }

    private func check(_ example: RuleExample, rule: ClaimRule, extractor: Extractor, ordinal: Int) -> [Failure] {
        func failure(_ message: String) -> Failure {
            Failure(file: example.file, line: example.line, rule: rule.id, message: message, example: ordinal)
        }
        let claims = extractor.extract(Document(path: "<example>", text: example.text)).claims
        let mine = claims.filter { $0.rule == rule.id }
        if !example.shouldMatch {
            return mine.map { failure("expected no match in \"\(example.text)\", got \"\($0.quote)\" \($0.value)") }
        }
        guard let claim = mine.first else {
            let others = claims.map { "\($0.rule) \"\($0.quote)\"" }.joined(separator: ", ")
            return [failure("expected a match in \"\(example.text)\", got none" + (others.isEmpty ? "" : " (matched instead: \(others))"))]
        }
        var failures: [Failure] = []
        for (key, expected) in example.expected.sorted(by: { $0.key < $1.key }) {
            let actual = RuleTester.value(of: key, in: claim)
            if !RuleTester.same(actual, expected) {
                failures.append(failure("\(key): expected \(RuleTester.show(expected)), got \(RuleTester.show(actual)) in \"\(example.text)\""))
            }
        }
        return failures
    }

    private func check(_ example: RuleExample, rule: ContextRule, matcher: Matcher, ordinal: Int) -> [Failure] {
        func failure(_ message: String) -> Failure {
            Failure(file: example.file, line: example.line, rule: rule.id, message: message, example: ordinal)
        }
        var bytes = Array(example.text.utf8)
        let found: String? = bytes.withUnsafeMutableBufferPointer { buffer in
            guard let match = try? matcher.firstMatch(in: UnsafeBufferPointer(buffer), from: 0),
                  let range = match.range(ofGroup: rule.role.rawValue) else { return nil }
            return String(decoding: buffer[range], as: UTF8.self)
        }
        if !example.shouldMatch {
            return found.map { [failure("expected no match in \"\(example.text)\", got \"\($0)\"")] } ?? []
        }
        guard let found else { return [failure("expected a match in \"\(example.text)\", got none")] }
        var failures: [Failure] = []
        if case .text(let expected)? = example.expected[rule.role.rawValue], expected != found.trimmingPunctuation {
            failures.append(failure("\(rule.role.rawValue): expected \(RuleTester.show(.text(expected))), got \"\(found)\""))
        }
        if case .flag(let expected)? = example.expected["anonymous"], expected != rule.anonymous {
            failures.append(failure("anonymous: expected \(expected), got \(rule.anonymous)"))
        }
        return failures
    }

    static func value(of key: String, in claim: Claim) -> RuleExample.Expected {
        switch key {
        case "quote": return .text(claim.quote)
        case "low": return .number(claim.value.low)
        case "high": return .number(claim.value.high)
        case "lowInclusive": return .flag(claim.value.lowInclusive)
        case "highInclusive": return .flag(claim.value.highInclusive)
        case "approx": return .flag(claim.value.approx)
        case "unit": return .text(claim.unit)
        case "place": return .text(claim.context.place)
        case "date": return .text(claim.context.date)
        case "group": return .text(claim.context.group)
        case "source": return .text(claim.source)
        case "attribution": return .text(claim.attribution?.kind.rawValue)
        default: return .text(nil)
        }
    }

    /// Numbers compare with a relative tolerance: 15 miles is 24140.16 m give or take an ulp.
    static func same(_ a: RuleExample.Expected, _ b: RuleExample.Expected) -> Bool {
        if case .number(let x?) = a, case .number(let y?) = b { return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) }
        return a == b
    }

    static func show(_ value: RuleExample.Expected) -> String {
        switch value {
        case .number(let number?): return Interval.format(number)
        case .number(nil), .text(nil): return "null"
        case .text(let text?): return "\"\(text)\""
        case .flag(let flag): return String(flag)
        }
    }
}
