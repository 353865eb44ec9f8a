import XCTest
@testable import Claims

/// Qualifiers, vague quantities, ranges and units, as the extractor reads them.
final class ExtractorNumberTests: XCTestCase {
    private func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let claims = extract(text)
        XCTAssertEqual(claims.count, 1, "\(text): \(claims.map { Summary($0) })", file: file, line: line)
        return claims.first?.value.description
    }

    /// Every qualifier phrase in the lexicon, with the interval docs/lexicon give it for 1,000.
    static let qualifiersBefore: [(phrases: [String], interval: String)] = [
        (["at least", "no fewer than", "no less than", "not less than", "a minimum of", "at a minimum"], "[1000, ∞)"),
        (["more than", "over", "upwards of", "in excess of", "above", "exceeding", "well over", "well above",
          "greater than", "higher than", "longer than", "farther than", "further than"], "(1000, ∞)"),
        (["nearly", "almost", "close to", "just under", "approaching", "just shy of", "nigh on"], "~[900, 1000)"),
        (["about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "approx.",
          "roughly some", "circa", "an approximate", "as few as", "more like", "closer to", "nearer", "in the region of", "on the order of", "something like"], "~1000"),
        (["up to", "as many as", "as much as", "as high as", "as deep as", "as far as", "as tall as", "as wide as"], "~[0, 1000]"),
        (["no more than", "not more than", "at most", "a maximum of", "at the most", "within"], "[0, 1000]"),
        (["fewer than", "less than", "under", "below", "just below", "lower than", "shorter than"], "[0, 1000)"),
    ]
    static let qualifiersAfter: [(phrases: [String], interval: String)] = [
        (["or more", "and more", "plus", "or so"], "[1000, ∞)"),
        (["or fewer", "or less"], "[0, 1000]"),
    ]

    func testEveryQualifierBeforeTheNumber() {
        for (phrases, interval) in Self.qualifiersBefore {
            for phrase in phrases {
                // Mid-sentence: a capitalised "Approx." would end the sentence (see the report).
                let text = "Police said \(phrase) 1,000 people marched in Oslo."
                XCTAssertEqual(summaries(text), [
                    Summary("crowd", "\(phrase) 1,000 people", interval, place: "Oslo", source: "Police"),
                ], text)
            }
        }
    }

    func testEveryQualifierAfterTheNumber() {
        for (phrases, interval) in Self.qualifiersAfter {
            for phrase in phrases {
                let text = "Police said 1,000 \(phrase) people marched."
                XCTAssertEqual(summaries(text), [Summary("crowd", "1,000 \(phrase) people", interval, source: "Police")], text)
            }
        }
    }

    func testTheQualifierTableCoversTheLexicon() {
        let documented = Set((Self.qualifiersBefore + Self.qualifiersAfter).flatMap(\.phrases))
        let lexicon = Set(Shipped.lexicon.qualifiers.flatMap(\.phrases))
        XCTAssertEqual(lexicon.subtracting(documented), [], "phrases without a documented interval in this test")
    }

    func testQualifierTemplatesMatchTheDocs() {
        for (phrases, interval) in Self.qualifiersBefore + Self.qualifiersAfter {
            for phrase in phrases {
                guard let qualifier = Shipped.lexicon.qualifier(phrase) else { continue }
                XCTAssertEqual(qualifier.template.apply(1000, approx: qualifier.approx).description, interval, phrase)
            }
        }
    }

    func testWordNumbers() {
        XCTAssertEqual(value("Some two million people took part in the march."), "~2000000")
        XCTAssertEqual(value("Twenty-five thousand people marched."), "25000")
        XCTAssertEqual(value("Nearly half a million demonstrators packed the boulevard."), "~[450000, 500000)")
        XCTAssertEqual(value("A dozen activists staged a sit-in."), "~12", "a dozen is about twelve (lexicon approximate-scales)")
        XCTAssertEqual(value("Two dozen activists staged a sit-in."), "~24")
        XCTAssertEqual(value("One and a half million people marched."), "1500000")
        XCTAssertEqual(value("About 1.5 million people marched."), "~1500000")
        XCTAssertEqual(value("Fifty percent of respondents agreed."), "50")
    }

    func testVagueQuantities() {
        XCTAssertEqual(value("Thousands of supporters gathered."), "~[1000, 40000]")
        XCTAssertEqual(value("Tens of thousands of protesters marched."), "~[10000, 400000]")
        XCTAssertEqual(value("Hundreds of thousands of people marched."), "~[100000, 4000000]")
        XCTAssertEqual(value("Dozens of activists rallied."), "~[24, 400]")
        XCTAssertEqual(value("Several hundred people gathered."), "~[200, 1000]")
        XCTAssertEqual(value("Dozens were feared dead."), "~[24, 400]")
    }

    func testRanges() {
        XCTAssertEqual(value("Between 500 and 800 people marched in Oslo."), "[500, 800]")
        XCTAssertEqual(value("From 500 to 800 people marched in Oslo."), "[500, 800]")
        XCTAssertEqual(value("500 to 800 people marched in Oslo."), "[500, 800]")
        XCTAssertEqual(value("500-800 people marched in Oslo."), "[500, 800]")
        XCTAssertEqual(value("500–800 people marched in Oslo."), "[500, 800]")
        XCTAssertEqual(value("Some 500–800 people marched in Oslo."), "~[500, 800]")
        XCTAssertEqual(value("Between 2 and 3 million people marched."), "[2000000, 3000000]")
        XCTAssertEqual(value("Two to three million people marched."), "[2000000, 3000000]")
        XCTAssertEqual(value("Growth was 10-15% a year."), "[10, 15]")
        XCTAssertEqual(value("Between 5 and 8 people were killed."), "[5, 8]")
    }

    func testABackwardsRangeIsNoRangeClaim() {
        XCTAssertEqual(extract("Between 800 and 500 people marched in Oslo.").filter { $0.rule == "crowd.range" }, [])
    }

    func testDistanceUnitsBecomeMetres() {
        let cases: [(String, String)] = [
            ("15 miles", "24140.16"), ("40 km", "40000"), ("2 kilometres", "2000"), ("300 feet", "91.44"),
            ("100 yards", "91.44"), ("300 metres", "300"), ("300 meters", "300"), ("1 mile", "1609.34"),
        ]
        for (amount, metres) in cases {
            let text = "The convoy stopped \(amount) from the border."
            XCTAssertEqual(summaries(text, full: true), [
                Summary("distance", "\(amount) from the border", metres, unit: "m", date: "2021-03-08", group: "border"),
            ], text)
        }
    }

    func testSpeedsAreasAndWeightsAreNotDistances() {
        for text in ["The car was doing 60 km/h near the border.", "It drove at 60 miles per hour.",
                     "The reserve covers 40 square km.", "an area of 400 sq km", "a 40 km2 reserve",
                     "Police found 10 kg of explosives.", "It cost $5m."] {
            XCTAssertEqual(summaries(text), [], text)
        }
    }

    func testYearsDatesAndOrdinalsAreNotClaims() {
        for text in ["Protests began in 1989 and returned in 2020.",
                     "On Aug. 15, 2020, people gathered in the square.",
                     "It was the ninth straight day of demonstrations.",
                     "In 1989 people gathered in the square.",
                     "The protest lasted 12 hours.",
                     "The city of 100,000 people has two hospitals.",
                     "About 5,000 people live in the town."] {
            XCTAssertEqual(summaries(text), [], text)
        }
    }

    func testThousandsGroupedBySpacesAndApostrophes() {
        for grouped in ["12 000", "12\u{00A0}000", "12\u{2009}000", "12\u{202F}000", "12'000", "12’000"] {
            let text = "Police said roughly \(grouped) protesters marched in Oslo."
            XCTAssertEqual(summaries(text), [Summary("crowd", "roughly \(grouped) protesters", "~12000", place: "Oslo", source: "Police")], text)
        }
        XCTAssertEqual(value("About 1 500 000 people marched in Oslo."), "~1500000")
    }

    func testNoClaimStartsInsideANumberOrReadsZeroFromItsTail() {
        // Without the grouping the "000" would be a crowd of 0 and a false conflict.
        for text in ["Police said 12 000protesters marched.", "The 000 protesters marched.", "Police said 1.000 protesters marched."] {
            XCTAssertFalse(extract(text).contains { $0.value.low == 0 && $0.value.high == 0 }, text)
        }
        // A space-grouped number never follows a month: "May 12 300" is a date, not 12,300.
        XCTAssertFalse(extract("On May 12 300 people marched in Oslo.").contains { $0.value.low == 12_300 })
    }

    func testGluedScalesAndAbbreviatedRanges() {
        XCTAssertEqual(value("Police said 1.2m protesters marched in Oslo."), "1200000")
        XCTAssertEqual(value("Police said 3k protesters marched in Oslo."), "3000")
        XCTAssertEqual(value("Police said 3-4,000 protesters marched in Oslo."), "[3000, 4000]")
        XCTAssertEqual(value("Police said 20-25,000 protesters marched in Oslo."), "[20000, 25000]")
        // The thousands apply only when they make a range: "1-1,000" is one to a thousand.
        XCTAssertEqual(value("Between 1 and 1,000 people marched in Oslo."), "[1, 1000]")
        XCTAssertEqual(value("Between 500 and 4,000 people marched in Oslo."), "[500, 4000]")
    }

    func testDistanceRangesFractionsAndCompounds() {
        let cases: [(String, String)] = [
            ("2 to 4 miles", "[3218.69, 6437.38]"), ("between 10 and 12 km", "[10000, 12000]"),
            ("from 2km to 6km", "[2000, 6000]"), ("from 500 metres to 2 km", "[500, 2000]"),
            ("3/4 mile", "1207.01"), ("2 1/2 miles", "4023.36"), ("one and a half kilometres", "1500"),
            ("half a mile", "804.67"), ("two point five miles", "4023.36"), ("1 km and 200 metres", "1200"),
            ("70 miles (113 km)", "112654.08"), ("12 nautical miles", "22224"),
        ]
        for (amount, metres) in cases {
            let text = "The convoy stopped \(amount) from Lindholm."
            XCTAssertEqual(summaries(text).map(\.value), [metres], text)
        }
        XCTAssertEqual(value("The guard is 6 feet 1 inch tall."), "1.85")
        XCTAssertEqual(value("The guard is 6'1\" tall."), "1.85")
    }

    /// A sentence with no digit or number word is still searched when it says zero in words.
    func testDenialsAreZeroTolls() {
        XCTAssertEqual(summaries("The army said no one was killed in Oslo."), [
            Summary("casualties", "no one was killed", "0", place: "Oslo", group: "killed", source: "The army"),
        ])
        XCTAssertEqual(summaries("The rebels denied that there were any fatalities in Oslo."), [
            Summary("casualties", "there were any fatalities", "0", place: "Oslo", group: "killed", source: "The rebels"),
        ])
        XCTAssertEqual(summaries("Nobody knows how many were killed in Oslo."), [])
    }

    func testNegativeAndNonURLPercentages() {
        XCTAssertEqual(value("Growth was minus 4 percent."), "-4")
        XCTAssertEqual(value("Growth was -4.5% in May."), "-4.5")
        // After a figure, "minus" subtracts.
        XCTAssertEqual(summaries("The coupon is 11 pct minus 6 pct.").map(\.value), ["11", "6"])
        for text in ["See http://x.com/a%20b now.", "Prices were cut 50%25 today.", "Read x.com/report%2050%20pages now."] {
            XCTAssertEqual(summaries(text), [], text)
        }
    }
}
