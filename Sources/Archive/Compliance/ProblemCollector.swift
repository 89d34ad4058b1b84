/// Collects the problems of a verification, listing at most `limit` per check and counting the rest.
struct ProblemCollector {
    /// Problems listed per check at most.
    let limit: Int
    /// The problems listed, in the order found.
    private(set) var problems: [VerificationProblem] = []
    /// Problems found beyond the limit.
    private(set) var omitted = 0
    /// Problems found, by check.
    private(set) var counts: [VerificationCheck: Int] = [:]
    /// Notes that are not problems.
    private(set) var notes: [String] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Records a problem.
    mutating func add(_ problem: VerificationProblem) {
        let count = counts[problem.check, default: 0] + 1
        counts[problem.check] = count
        if count <= limit { problems.append(problem) } else { omitted += 1 }
    }

    /// Records that a check found `count` problems more than it listed.
    mutating func addOmitted(_ check: VerificationCheck, _ count: Int) {
        guard count > 0 else { return }
        counts[check, default: 0] += count
        omitted += count
    }

    /// Records a note.
    mutating func note(_ text: String) {
        notes.append(text)
    }

    /// Takes over the problems, counts and notes another collector gathered (a check run apart).
    mutating func merge(_ other: ProblemCollector) {
        for problem in other.problems { add(problem) }
        for (check, count) in other.counts {
            let listed = other.problems.filter { $0.check == check }.count
            addOmitted(check, count - listed)
        }
        for note in other.notes { self.note(note) }
    }

    /// Problems found by a check.
    func count(_ check: VerificationCheck) -> Int {
        counts[check, default: 0]
    }
}
