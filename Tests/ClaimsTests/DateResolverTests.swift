import XCTest
@testable import Claims

final class DateResolverTests: XCTestCase {
    private func resolve(_ text: String, on article: String? = "2021-03-08") -> String? {
        DateResolver(lexicon: Shipped.lexicon, articleDate: article.flatMap(CalendarDate.init(iso:))).resolve(text)
    }

    func testWeekdaysResolveToTheLatestOnOrBeforeTheArticleDate() {
        // 2021-03-08 is a Monday.
        XCTAssertEqual(resolve("Sunday"), "2021-03-07")
        XCTAssertEqual(resolve("Saturday"), "2021-03-06")
        XCTAssertEqual(resolve("Monday"), "2021-03-08", "the article's own weekday is that day")
        XCTAssertEqual(resolve("Tuesday"), "2021-03-02")
        XCTAssertEqual(resolve("last Friday"), "2021-03-05")
        XCTAssertEqual(resolve("SUNDAY"), "2021-03-07")
        XCTAssertEqual(resolve("Sunday", on: "2020-08-16"), "2020-08-16")
        XCTAssertEqual(resolve("Saturday", on: "2021-01-01"), "2020-12-26", "across a year end")
    }

    func testTheWeekendIsItsSaturdayWhenItIsBehindTheArticle() {
        // 2021-03-08 is a Monday, 2021-03-09 a Tuesday, 2021-03-11 a Thursday.
        XCTAssertEqual(resolve("last weekend"), "2021-03-06")
        XCTAssertEqual(resolve("this weekend", on: "2021-03-09"), "2021-03-06")
        XCTAssertEqual(resolve("weekend"), "2021-03-06")
        XCTAssertEqual(resolve("the weekend"), "2021-03-06")
        XCTAssertEqual(resolve("this weekend", on: "2021-03-11"), "this weekend", "a Thursday paper's weekend is the coming one")
        XCTAssertEqual(resolve("last weekend", on: "2021-03-11"), "2021-03-06")
        XCTAssertEqual(resolve("last weekend", on: "2021-03-06"), "2021-02-27", "a Saturday paper's last weekend is a week ago")
        XCTAssertEqual(resolve("last weekend", on: nil), "last saturday")
    }

    func testRelativeDays() {
        XCTAssertEqual(resolve("yesterday"), "2021-03-07")
        XCTAssertEqual(resolve("Yesterday"), "2021-03-07")
        XCTAssertEqual(resolve("today"), "2021-03-08")
        XCTAssertEqual(resolve("last night"), "2021-03-07")
        XCTAssertEqual(resolve("yesterday", on: "2021-03-01"), "2021-02-28")
    }

    func testFullDates() {
        XCTAssertEqual(resolve("Aug. 15, 2020"), "2020-08-15")
        XCTAssertEqual(resolve("15 August 2020"), "2020-08-15")
        XCTAssertEqual(resolve("August 9, 2020", on: nil), "2020-08-09")
        XCTAssertEqual(resolve("Sunday, Aug. 16, 2020"), "2020-08-16")
        XCTAssertEqual(resolve("2020-08-09"), "2020-08-09")
        XCTAssertNil(resolve("Feb. 29, 2021"), "no such day")
    }

    func testDatesWithoutAYearUseTheArticleYear() {
        XCTAssertEqual(resolve("15 August", on: "2020-08-16"), "2020-08-15")
        XCTAssertEqual(resolve("August 9", on: "2020-08-16"), "2020-08-09")
        XCTAssertEqual(resolve("Aug. 16th", on: "2020-08-16"), "2020-08-16")
        XCTAssertEqual(resolve("March 1"), "2021-03-01")
    }

    func testDatesMoreThanAMonthAheadAreLastYears() {
        XCTAssertEqual(resolve("Dec. 30", on: "2021-01-02"), "2020-12-30")
        XCTAssertEqual(resolve("15 August"), "2020-08-15", "five months after a March article")
        XCTAssertEqual(resolve("Jan. 20", on: "2021-01-02"), "2021-01-20", "up to 31 days ahead stays this year")
    }

    func testWithoutAnArticleDateDaysStayApartButOffTheCalendar() {
        XCTAssertEqual(resolve("Sunday", on: nil), "sunday")
        XCTAssertEqual(resolve("last Friday", on: nil), "last friday", "a week before any Friday the article may mean")
        XCTAssertEqual(resolve("Yesterday", on: nil), "yesterday")
        XCTAssertEqual(["tonight", "this morning", "Today"].map { resolve($0, on: nil) }, ["today", "today", "today"],
                       "phrases for one day share one word")
        XCTAssertEqual(resolve("last night", on: nil), "yesterday")
        XCTAssertEqual(resolve("15 August", on: nil), "--08-15")
        XCTAssertEqual(resolve("Feb. 29", on: nil), "--02-29")
        XCTAssertNil(resolve("Feb. 30", on: nil))
    }

    func testBareYears() {
        XCTAssertEqual(resolve("1998"), "1998")
        XCTAssertEqual(resolve("1998", on: nil), "1998")
    }

    func testMonthsAndSpans() {
        // A month on its own is the latest one on or before the article date, never a day.
        XCTAssertEqual(resolve("March"), "2021-03")
        XCTAssertEqual(resolve("August"), "2020-08")
        XCTAssertEqual(resolve("January 2019"), "2019-01")
        XCTAssertEqual(resolve("July", on: nil), "--07")
        XCTAssertEqual(resolve("Earlier this week"), "earlier this week")
        XCTAssertEqual(resolve("so far this year"), "so far this year")
    }

    func testUnresolvable() {
        XCTAssertNil(resolve("the holidays"))
        XCTAssertNil(resolve("Feb. 30"))
    }

    func testLastWeekdayIsStrictlyBefore() {
        // 2021-03-08 is a Monday: "Monday" is today, "last Monday" a week ago.
        XCTAssertEqual(resolve("Monday"), "2021-03-08")
        XCTAssertEqual(resolve("last Monday"), "2021-03-01")
        XCTAssertEqual(resolve("last Sunday"), "2021-03-07")
    }

    func testPeriodsAgo() {
        XCTAssertEqual(resolve("four years"), "2017-03-09", "4 × 365 days before 2021-03-08")
        XCTAssertEqual(resolve("a year"), "2020-03-08")
        XCTAssertEqual(resolve("two weeks"), "2021-02-22")
        XCTAssertEqual(resolve("last year"), "2020-03-08")
        XCTAssertEqual(resolve("four years", on: nil), "four years")
    }
}
