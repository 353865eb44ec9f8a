import XCTest
@testable import Claims

final class CalendarDateTests: XCTestCase {
    private func date(_ text: String) throws -> CalendarDate { try XCTUnwrap(CalendarDate(iso: text), text) }

    func testWeekdays() throws {
        XCTAssertEqual(try date("2020-08-16").weekday, 6, "Sunday")
        XCTAssertEqual(try date("2021-03-08").weekday, 0, "Monday")
        XCTAssertEqual(try date("1970-01-01").weekday, 3, "Thursday")
        XCTAssertEqual(try date("1969-12-31").weekday, 2, "Wednesday, before the epoch")
        XCTAssertEqual(try date("2000-02-29").weekday, 1, "Tuesday")
    }

    func testDayNumbers() throws {
        XCTAssertEqual(try date("1970-01-01").dayNumber, 0)
        XCTAssertEqual(try date("1970-01-02").dayNumber, 1)
        XCTAssertEqual(try date("1969-12-31").dayNumber, -1)
        XCTAssertEqual(try date("2000-03-01").dayNumber, 11017)
        XCTAssertEqual(CalendarDate(dayNumber: 11017), try date("2000-03-01"))
    }

    func testAddingDaysAcrossMonthAndYearEnds() throws {
        XCTAssertEqual(try date("2021-01-02").adding(days: -3).description, "2020-12-30")
        XCTAssertEqual(try date("2020-12-31").adding(days: 1).description, "2021-01-01")
        XCTAssertEqual(try date("2020-02-28").adding(days: 1).description, "2020-02-29")
        XCTAssertEqual(try date("2021-02-28").adding(days: 1).description, "2021-03-01")
        XCTAssertEqual(try date("2021-03-01").adding(days: -1).description, "2021-02-28")
        XCTAssertEqual(try date("2021-03-08").adding(days: 0).description, "2021-03-08")
        XCTAssertEqual(try date("2020-08-16").adding(days: 365).description, "2021-08-16")
    }

    func testISOParsing() throws {
        XCTAssertEqual(try date("2020-08-16"), CalendarDate(year: 2020, month: 8, day: 16))
        XCTAssertNotNil(CalendarDate(iso: "2020-02-29"))
        XCTAssertNotNil(CalendarDate(iso: "2000-02-29"))
        for bad in ["2021-02-29", "1900-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "2021-01-00",
                    "2021-1-01", "21-01-01", "2021/01/01", "2021-01-01x", "", "date"] {
            XCTAssertNil(CalendarDate(iso: bad), bad)
        }
    }

    func testDescriptionPads() {
        XCTAssertEqual(CalendarDate(year: 987, month: 3, day: 4)?.description, "0987-03-04")
    }

    func testOrdering() throws {
        XCTAssertLessThan(try date("2020-12-31"), try date("2021-01-01"))
        XCTAssertEqual([try date("2021-03-08"), try date("2020-08-16")].sorted().map(\.description),
                       ["2020-08-16", "2021-03-08"])
    }
}
