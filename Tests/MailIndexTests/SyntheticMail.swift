import MailIndex
import MailModel

/// A deterministic generator of plausible mail for the benchmark: Zipf-like words from a made-up
/// vocabulary (some accented, some Cyrillic and Japanese), people, folders, flags, dates over ten
/// years, and attachments on one message in ten.
struct SyntheticMail {
    private var state: UInt64
    let vocabulary: [String]
    let people: [Address]

    init(seed: UInt64 = 42) {
        state = seed
        var words: [String] = []
        let syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "pel", "dru", "sin", "qua", "bor", "té", "nü", "gar",
                         "fen", "lis", "mor", "zet", "pra", "dol"]
        var generator = SplitMix(state: seed &+ 1)
        while words.count < 6_000 {
            let count = 2 + Int(generator.next() % 3)
            words.append((0..<count).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined())
        }
        words += ["привет", "встреча", "отчёт", "会議", "東京", "報告書", "budget", "report", "meeting", "invoice"]
        vocabulary = Array(Set(words)).sorted()
        people = (0..<400).map { index in
            let first = words[index * 7 % words.count].capitalized, last = words[index * 13 % words.count].capitalized
            return Address(name: "\(first) \(last)", address: "\(first.lowercased()).\(index)@example\(index % 20).org")
        }
    }

    private mutating func next() -> UInt64 {
        var generator = SplitMix(state: state)
        let value = generator.next()
        state = generator.state
        return value
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A word, frequent ones far more often than rare ones.
    private mutating func word() -> String {
        let uniform = Double(next() % 1_000_000) / 1_000_000
        return vocabulary[min(vocabulary.count - 1, Int(pow2(uniform * 12.5)) - 1)]
    }

    private func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result * (1 + (exponent - Double(Int(exponent))) * 0.69)
    }

    private mutating func sentence(_ words: Int) -> String {
        (0..<words).map { _ in word() }.joined(separator: " ")
    }

    /// The document of message `row`, and the size of the message it stands for.
    mutating func document(_ row: Int64) -> IndexDocument {
        let bodyWords = 80 + below(500)
        var body = ""
        while body.count < bodyWords * 6 {
            body += sentence(6 + below(12)) + ". "
            if below(8) == 0 { body += "\n\n" }
        }
        let hasAttachment = below(10) == 0
        let attachments = hasAttachment ? ["\(word())-\(row).\(["pdf", "docx", "jpg", "xlsx"][below(4)])"] : []
        let attachmentBytes = hasAttachment ? 20_000 + below(3_000_000) : 0
        let headerBytes = 700 + below(1_500)
        let date = Timestamp(rawValue: 1_420_070_400 + Int64(below(10 * 365 * 86_400)))
        let folders = ["INBOX", "INBOX", "INBOX", "Archive/\(2015 + below(10))", "Sent", "Lists/dev", "Receipts"]
        var flags: Set<Flag> = below(10) < 7 ? [.seen] : []
        if below(20) == 0 { flags.insert(.flagged) }
        if below(10) == 0 { flags.insert(.answered) }
        return IndexDocument(
            rowID: row, messageID: MessageID.of(Array("synthetic \(row)".utf8)), subject: sentence(3 + below(6)),
            bodyText: body, from: [people[below(people.count)]],
            to: (0..<(1 + below(3))).map { _ in people[below(people.count)] },
            cc: below(4) == 0 ? [people[below(people.count)]] : [], attachmentNames: attachments,
            contentTypes: hasAttachment ? ["multipart/mixed", "text/plain", "application/pdf"] : ["text/plain"],
            messageIDHeader: "<\(row).\(below(1_000_000))@mail.example.org>",
            listID: below(5) == 0 ? "Dev list <dev.lists.example.org>" : nil, date: date,
            size: Int64(headerBytes + body.utf8.count + attachmentBytes * 4 / 3),
            state: MessageState(places: [MessagePlace(account: below(3) == 0 ? "home" : "work",
                                                      folder: MailboxName(folders[below(folders.count)]))],
                                flags: flags, threadID: "t\(row / 3)"))
    }
}

/// SplitMix64, a small fast pseudo-random generator.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
