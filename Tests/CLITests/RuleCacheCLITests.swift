import Foundation
import XCTest

/// The rule cache through the built binary: where it goes, that it changes no output, and how it is turned off.
final class RuleCacheCLITests: XCTestCase {
    func testTheCacheIsWrittenOnceChangesNoOutputAndCanBeTurnedOff() throws {
        let scratch = try CLI.temporaryDirectory(self)
        let seed = "seeds/000_f7d28e7ffc9ee51f.txt"
        let run = "\"$0\" check --format json --date 2021-03-08 \(seed)"
        let outcome = try shell("""
            CLAIMCHECK_CACHE=off \(run) > \(scratch.path)/off.json; echo "off $?"
            ls \(scratch.path)
            XDG_CACHE_HOME=\(scratch.path)/xdg CLAIMCHECK_CACHE= \(run) > \(scratch.path)/cold.json; echo "cold $?"
            XDG_CACHE_HOME=\(scratch.path)/xdg CLAIMCHECK_CACHE= \(run) > \(scratch.path)/warm.json; echo "warm $?"
            ls \(scratch.path)/xdg/claimcheck | sed 's/rules-[0-9a-f]*\\.cache/rules-HASH.cache/'
            stat -c %a \(scratch.path)/xdg/claimcheck
            cmp \(scratch.path)/off.json \(scratch.path)/cold.json && cmp \(scratch.path)/off.json \(scratch.path)/warm.json && echo same
            """)
        XCTAssertEqual(outcome.stderr, "")
        XCTAssertEqual(outcome.stdout, "off 0\noff.json\ncold 0\nwarm 0\nrules-HASH.cache\n700\nsame\n")
    }

    func testHelpSaysWhereTheCacheIsAndHowToTurnItOff() throws {
        let help = try CLI.run(["--help"])
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("Compiled rules are cached in $XDG_CACHE_HOME/claimcheck (else ~/.cache/claimcheck)"), text)
        XCTAssertTrue(text.contains("CLAIMCHECK_CACHE=DIR puts the cache elsewhere and CLAIMCHECK_CACHE=off turns it off."), text)
    }
}
