@testable import Archive
import Testing

/// The collector of verification problems, and the merge of collectors filled by checks that ran
/// side by side: every problem counted once, at most `limit` listed per check, notes kept.
@Suite("Problem collector")
struct ProblemCollectorTests {
    static func problem(_ check: VerificationCheck, _ number: Int) -> VerificationProblem {
        VerificationProblem(check: check, kind: "k", indexRow: Int64(number), detail: "problem \(number)")
    }

    @Test("lists at most `limit` problems per check and counts the rest", arguments: [1, 2, 5])
    func limit(_ limit: Int) {
        var collector = ProblemCollector(limit: limit)
        for number in 0..<4 { collector.add(Self.problem(.index, number)) }
        collector.add(Self.problem(.coverage, 9))
        #expect(collector.problems.filter { $0.check == .index }.count == min(limit, 4))
        #expect(collector.count(.index) == 4)
        #expect(collector.count(.coverage) == 1)
        #expect(collector.omitted == max(0, 4 - limit))
    }

    @Test("a merge keeps every count, lists what the limit allows in order, and keeps the notes", arguments: [1, 3, 10])
    func merge(_ limit: Int) {
        var main = ProblemCollector(limit: limit)
        main.add(Self.problem(.messages, 0))
        main.note("first")
        var index = ProblemCollector(limit: limit)
        for number in 1...5 { index.add(Self.problem(.index, number)) }
        var coverage = ProblemCollector(limit: limit)
        coverage.add(Self.problem(.coverage, 6))
        coverage.addOmitted(.coverage, 2)
        coverage.note("second")
        main.merge(index)
        main.merge(coverage)

        #expect(main.count(.messages) == 1)
        #expect(main.count(.index) == 5)
        #expect(main.count(.coverage) == 3)
        let listedIndex = main.problems.filter { $0.check == .index }.map(\.indexRow)
        #expect(listedIndex == (1...min(limit, 5)).map { Int64($0) })
        #expect(main.problems.map(\.check).first == .messages)
        #expect(main.problems.count + main.omitted == 1 + 5 + 3)
        #expect(main.notes == ["first", "second"])
    }
}
