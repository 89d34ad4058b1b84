import Foundation
import Glibc
import NIOCore
import Testing
import TestSupport
@testable import MIME

/// Decode throughput, run only when `CAIRN_BENCH=1` (in a release build:
/// `CAIRN_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter DecodeBenchmark`).
/// Prints MB/s and messages/s in CPU time and wall time, and the process's peak memory.
@Suite("Decode benchmark", .serialized)
struct DecodeBenchmarkTests {
    static var enabled: Bool { ProcessInfo.processInfo.environment["CAIRN_BENCH"] != nil }

    /// CPU seconds used by the calling thread so far (the benchmark runs on one thread; the
    /// machine may be busy with other work, which wall time would count).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(1 /* RUSAGE_THREAD */, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident memory of this process (VmHWM), in MiB.
    static func peakMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }

    /// Decodes every message in 64 KiB chunks; returns what was decoded.
    static func run(_ name: String, _ messages: [[UInt8]]) -> (parts: Int, bytes: Int) {
        let bytes = messages.reduce(0) { $0 + $1.count }
        let clock = ContinuousClock()
        let cpuStart = cpuSeconds()
        var parts = 0
        let wall = clock.measure {
            for message in messages {
                var decoder = MessageDecoder()
                var index = 0
                while index < message.count {
                    let end = min(index + 65_536, message.count)
                    decoder.feed(message[index..<end])
                    index = end
                }
                parts += decoder.finish().parts.count
            }
        }
        let cpu = cpuSeconds() - cpuStart
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let megabytes = Double(bytes) / 1_048_576
        print(String(format: "bench %@: %d messages, %.1f MB: %.1f MB/s, %.0f messages/s (CPU %.2f s); wall %.1f MB/s; peak RSS %.0f MiB",
                     name, messages.count, megabytes, megabytes / cpu, Double(messages.count) / cpu, cpu,
                     megabytes / seconds, peakMiB()))
        return (parts, bytes)
    }

    @Test("throughput over the corpus, repeated")
    func corpus() throws {
        guard Self.enabled else {
            print("skipped: set CAIRN_BENCH=1 (and build with -c release) to measure")
            return
        }
        var messages = try CorpusTests.messageFiles().map { Array(try Data(contentsOf: $0)) }
        let once = messages
        while messages.count < 3_000 { messages += once }
        let result = Self.run("corpus", messages)
        #expect(result.parts >= messages.count)
    }

    @Test("mbox splitting and decoding of every message")
    func mbox() throws {
        guard Self.enabled, let corpus = Fixtures.sharedCorpus else {
            print("skipped: set CAIRN_BENCH=1 (and build with -c release) with the shared corpus to measure")
            return
        }
        let month = Array(try Data(contentsOf: corpus.appendingPathComponent("rdevel-mbox-01.mbox")))
        var file: [UInt8] = []
        for _ in 0..<50 { file += month }
        let clock = ContinuousClock()
        let cpuStart = Self.cpuSeconds()
        var messages = 0
        let wall = clock.measure {
            var reader = MboxReader()
            var decoder: MessageDecoder?
            func drain() {
                while let event = reader.next() {
                    switch event {
                    case .messageBegin: decoder = MessageDecoder()
                    case .messageBytes(let bytes): decoder?.feed(bytes)
                    case .messageEnd:
                        if var finished = decoder {
                            _ = finished.finish()
                            messages += 1
                        }
                        decoder = nil
                    }
                }
            }
            var index = 0
            while index < file.count {
                let end = min(index + 65_536, file.count)
                reader.feed(file[index..<end])
                drain()
                index = end
            }
            reader.finish()
            drain()
        }
        let cpu = Self.cpuSeconds() - cpuStart
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let megabytes = Double(file.count) / 1_048_576
        print(String(format: "bench mbox: %d messages, %.1f MB: %.1f MB/s, %.0f messages/s (CPU %.2f s); wall %.1f MB/s",
                     messages, megabytes, megabytes / cpu, Double(messages) / cpu, cpu, megabytes / seconds))
        #expect(messages == 276 * 50)
    }

    @Test("throughput over generated mail: plain, alternative, attachments")
    func generated() {
        guard Self.enabled else {
            print("skipped: set CAIRN_BENCH=1 (and build with -c release) to measure")
            return
        }
        var generator = SeededGenerator(seed: 2024)
        let messages = (0..<3_000).map { GeneratedMail.message($0, using: &generator) }
        let result = Self.run("generated", messages)
        #expect(result.parts >= messages.count)
    }
}

/// Realistic synthetic mail for the benchmark: 60% plain text, 25% text and HTML alternatives,
/// 15% with a base64 attachment of 20 KB to 1 MB.
enum GeneratedMail {
    static let words = ("the of and to in is that for it as was with be by on not he this are or his from at which "
        + "but have an they you were her she there been one all we their has would when if so no will more "
        + "report budget meeting quarterly invoice schedule project review draft archive attached please thanks")
        .split(separator: " ").map(String.init)

    static func paragraph(_ count: Int, using generator: inout SeededGenerator) -> String {
        var text = ""
        for index in 0..<count {
            text += words[Int.random(in: 0..<words.count, using: &generator)]
            text += index % 12 == 11 ? ".\n" : " "
        }
        return text
    }

    static func message(_ number: Int, using generator: inout SeededGenerator) -> [UInt8] {
        let header = """
            Received: from mx\(number).example.org by mail.example.net; Mon, 15 Mar 2004 10:20:30 +0100
            From: =?utf-8?q?Ren=C3=A9_Sender?= <sender\(number % 300)@example.org>
            To: Ann <ann@example.net>, bob@example.net
            Subject: Re: quarterly report \(number)
            Date: Mon, 15 Mar 2004 10:20:30 +0100
            Message-ID: <\(number)@example.org>
            MIME-Version: 1.0

            """
        let kind = Int.random(in: 0..<100, using: &generator)
        let text = paragraph(Int.random(in: 200...1500, using: &generator), using: &generator)
        var body: String
        if kind < 60 {
            body = "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\(text)"
        } else if kind < 85 {
            let html = "<html><body><p>" + text.replacingOccurrences(of: "\n", with: "</p>\n<p>") + "</p></body></html>"
            body = "Content-Type: multipart/alternative; boundary=alt\n\n--alt\nContent-Type: text/plain; charset=utf-8\n\n"
                + text + "\n--alt\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + html.replacingOccurrences(of: "=", with: "=3D") + "\n--alt--\n"
        } else {
            let size = Int.random(in: 20_000...1_000_000, using: &generator)
            let data = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            body = "Content-Type: multipart/mixed; boundary=mix\n\n--mix\nContent-Type: text/plain; charset=utf-8\n\n"
                + text + "\n--mix\nContent-Type: application/pdf; name=report.pdf\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=report.pdf\n\n" + TestBase64.encode(data) + "\n--mix--\n"
        }
        return Array((header + body).utf8)
    }
}
