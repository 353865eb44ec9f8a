import Foundation
import XCTest

/// `check --format html` opened in headless Chromium from file://: the DOM after the
/// report's script ran, its console, and its network log. Skipped, saying why, when no
/// browser is installed; `.ci/run` installs Debian's chromium-headless-shell so CI always
/// runs it. Set CLAIMCHECK_BROWSER to use another Chromium binary.
final class HTMLBrowserTests: XCTestCase {
    static let browserNames = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]

    static let browser: String? = {
        if let chosen = ProcessInfo.processInfo.environment["CLAIMCHECK_BROWSER"], !chosen.isEmpty { return chosen }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in browserNames {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Where reports, logs and the screenshot are left for people to look at.
    static let outputDirectory = CLI.packageRoot.appendingPathComponent(".build/html-browser")

    struct Page {
        var dom: String
        var console: [String]
        var netLog: String
    }

    func requireBrowser() throws -> String {
        guard let browser = Self.browser else {
            let message = "HTMLBrowserTests skipped: no headless Chromium on PATH (looked for \(Self.browserNames.joined(separator: ", "))); install one with `apt-get install chromium-headless-shell` (.ci/run does) or set CLAIMCHECK_BROWSER"
            print(message)
            throw XCTSkip(message)
        }
        return browser
    }

    /// Loads `url` and returns the DOM once scripts ran, the console lines and the net log.
    func load(_ url: String, browser: String, name: String, screenshot: URL? = nil, pdf: URL? = nil) throws -> Page {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let netLog = Self.outputDirectory.appendingPathComponent("\(name).netlog.json")
        var arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
                         "--log-net-log=\(netLog.path)", "--virtual-time-budget=3000", "--hide-scrollbars"]
        if let screenshot {
            arguments += ["--window-size=1280,1600", "--screenshot=\(screenshot.path)"]
        } else if let pdf {
            arguments += ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"]
        } else {
            arguments += ["--dump-dom"]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = arguments + [url]
        process.currentDirectoryURL = Self.outputDirectory
        // stderr goes to a file, so the two streams cannot block each other.
        let errFile = Self.outputDirectory.appendingPathComponent("\(name).stderr.txt")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errFile)
        defer { try? errHandle.close() }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        XCTAssertEqual(process.terminationStatus, 0, "\(browser) failed on \(url):\n\(stderr.suffix(2000))")
        let console = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        let log = (try? String(contentsOf: netLog, encoding: .utf8)) ?? ""
        return Page(dom: String(decoding: outData, as: UTF8.self), console: console, netLog: log)
    }

    /// The report's own flags, set by its script: it ran, and saw no error and no blocked
    /// request or script (a Content-Security-Policy violation).
    func assertCleanRun(_ page: Page, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(page.dom.contains("data-ready=\"1\""), "the report's script did not run", file: file, line: line)
        XCTAssertTrue(page.dom.contains("data-errors=\"0\""), "script errors", file: file, line: line)
        XCTAssertTrue(page.dom.contains("data-csp-violations=\"0\""), "Content-Security-Policy violations", file: file, line: line)
        XCTAssertEqual(page.console, [], "console messages", file: file, line: line)
        XCTAssertFalse(page.netLog.isEmpty, "no net log was written", file: file, line: line)
        for scheme in ["http://", "https://", "ws://", "wss://", "ftp://"] {
            XCTAssertFalse(page.netLog.contains(scheme), "the page asked for a \(scheme) URL", file: file, line: line)
        }
    }

    /// The `<li class="finding ...">` start tags of the dumped DOM.
    func findingTags(_ dom: String) -> [String] {
        dom.components(separatedBy: "<li class=\"finding ").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    func writeReport(_ arguments: [String], name: String, directory: URL? = nil) throws -> URL {
        let result = try CLI.run(arguments + ["--format", "html"], directory: directory)
        XCTAssertTrue(result.status == 0 || result.status == 1, "check failed: \(result.stderr)")
        let report = Self.outputDirectory.appendingPathComponent("\(name).html")
        try result.stdout.write(to: report, atomically: true, encoding: .utf8)
        return report
    }

    override func setUpWithError() throws {
        try FileManager.default.createDirectory(at: Self.outputDirectory, withIntermediateDirectories: true)
    }

    func testFixturesReportShowsFindingsAndFiltersThroughTheFragment() throws {
        let browser = try requireBrowser()
        let report = try writeReport(["check", "Fixtures/check"], name: "fixtures")

        let all = try load(report.absoluteString, browser: browser, name: "fixtures")
        assertCleanRun(all)
        let tags = findingTags(all.dom)
        let checks = Set(tags.compactMap { $0.components(separatedBy: "data-check=\"").dropFirst().first?.prefix { $0 != "\"" } }.map(String.init))
        XCTAssertTrue(checks.isSuperset(of: ["conflict", "share-sum", "unsourced"]), "checks shown: \(checks)")
        XCTAssertFalse(tags.contains { $0.contains("hidden") }, "no filter, yet findings are hidden")
        XCTAssertTrue(all.dom.contains("<svg class=\"chart\""))
        XCTAssertTrue(all.dom.contains("<line class=\"hundred\""))

        let conflicts = try load(report.absoluteString + "#check=conflict&severity=error", browser: browser, name: "fixtures-conflict")
        assertCleanRun(conflicts)
        let filtered = findingTags(conflicts.dom)
        XCTAssertEqual(filtered.count, tags.count)
        let shown = filtered.filter { !$0.contains("hidden") }
        XCTAssertFalse(shown.isEmpty)
        XCTAssertTrue(shown.allSatisfy { $0.contains("data-check=\"conflict\"") && $0.contains("data-severity=\"error\"") })
        XCTAssertTrue(filtered.filter { !$0.contains("data-check=\"conflict\"") }.allSatisfy { $0.contains("hidden") })
        // The form shows the state the fragment set.
        XCTAssertTrue(conflicts.dom.contains("showing \(shown.count) of \(tags.count) findings"))

        // Kind, source and text filters from the fragment too.
        let shares = findingTags(try load(report.absoluteString + "#kind=vote_share&q=Dunmore", browser: browser, name: "fixtures-kind").dom)
        let sharesShown = shares.filter { !$0.contains("hidden") }
        XCTAssertFalse(sharesShown.isEmpty)
        XCTAssertTrue(sharesShown.allSatisfy { $0.contains("data-kinds=\"vote_share") })
        XCTAssertTrue(shares.filter { !$0.contains("vote_share") }.allSatisfy { $0.contains("hidden") })

        let screenshot = Self.outputDirectory.appendingPathComponent("report.png")
        try? FileManager.default.removeItem(at: screenshot)
        _ = try load(report.absoluteString, browser: browser, name: "fixtures-screenshot", screenshot: screenshot)
        XCTAssertTrue(FileManager.default.fileExists(atPath: screenshot.path), "no screenshot at \(screenshot.path)")
        print("HTMLBrowserTests: screenshot at \(screenshot.path)")

        let printed = Self.outputDirectory.appendingPathComponent("report.pdf")
        try? FileManager.default.removeItem(at: printed)
        _ = try load(report.absoluteString, browser: browser, name: "fixtures-print", pdf: printed)
        XCTAssertEqual(try Data(contentsOf: printed).prefix(5), Data("%PDF-".utf8), "printing gave no PDF")
    }

    func testHostileArticleRunsNoScriptButTheReportsOwn() throws {
        let browser = try requireBrowser()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "a \"quoted\" <b>name>.txt"
        let article = """
        date 2024-05-04
        About 4,000 people marched in Wexley on Saturday <script>alert(1)</script>, a witness said "><img src=x onerror=alert(1)>.
        The organisers said that at least 20,000 people marched in Wexley on Saturday </style><script>document.title='pwned'</script>.
        [More](javascript:alert(1)) and <a href="javascript:alert(1)">this</a>.

        """
        try article.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let report = try writeReport(["check", directory.appendingPathComponent(name).path], name: "hostile", directory: CLI.packageRoot)
        let page = try load(report.absoluteString, browser: browser, name: "hostile")
        assertCleanRun(page)
        XCTAssertEqual(page.dom.components(separatedBy: "<script").count - 1, 1, "a script element besides the report's own")
        XCTAssertFalse(page.dom.contains("<img"))
        XCTAssertFalse(page.dom.contains("<a href=\"javascript:"), "a javascript: link became a link")
        XCTAssertTrue(page.dom.contains("<title>claimcheck check report</title>"))
        XCTAssertTrue(page.dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the payload is not shown as text")
        XCTAssertTrue(page.dom.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"))
        XCTAssertTrue(page.dom.contains("&lt;/style&gt;"))
        XCTAssertTrue(page.dom.contains("a \"quoted\" &lt;b&gt;name&gt;.txt"), "the file name is not shown as text")
        XCTAssertTrue(findingTags(page.dom).contains { $0.contains("data-check=\"conflict\"") }, "the article's conflict is missing")
    }
}
