import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One connection of a ``HostileIMAPServer``: reads commands, answers as a small IMAP4rev1 server
/// would (RFC 3501) and misbehaves where the scenario says.
final class HostileIMAPSession {
    private let fd: Int32
    private let server: HostileIMAPServer
    private let deadline: Date
    private var input: [UInt8] = []
    private var open = true

    /// The most bytes of one command line (with its literals) read from the client.
    private static let maxCommand = 1 << 20
    /// What one misbehaving response sends at most.
    private static let hostileBytes = 64 << 20

    init(fd: Int32, server: HostileIMAPServer, deadline: Date) {
        self.fd = fd
        self.server = server
        self.deadline = deadline
        var receive = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &receive, socklen_t(MemoryLayout<timeval>.size))
        var send = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send, socklen_t(MemoryLayout<timeval>.size))
    }

    func run() {
        send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN LITERAL+ UIDPLUS] hostile test server ready\r\n")
        if case .unsolicited = server.scenario {
            send("* 9 FETCH (UID 900 FLAGS () BODY[] ")
            sendLiteral(HostileIMAPServer.forged("unsolicited"))
            send(")\r\n")
        }
        while open, Date() < deadline, let line = readCommand() {
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
            guard words.count >= 2 else {
                send("* BAD no command\r\n")
                continue
            }
            let tag = words[0], name = words[1].uppercased()
            let rest = words.count > 2 ? words[2] : ""
            server.record("\(tag) \(name)")
            answer(tag: tag, name: name, rest: rest)
        }
    }

    // MARK: - Commands

    private func answer(tag: String, name: String, rest: String) {
        switch name {
        case "CAPABILITY":
            send("* CAPABILITY IMAP4rev1 AUTH=PLAIN LITERAL+ UIDPLUS\r\n\(tag) OK done\r\n")
        case "LOGIN":
            send("\(tag) OK [CAPABILITY IMAP4rev1 AUTH=PLAIN LITERAL+ UIDPLUS] logged in\r\n")
        case "AUTHENTICATE":
            if !rest.contains(" ") {
                send("+ \r\n")
                _ = readCommand()
            }
            send("\(tag) OK [CAPABILITY IMAP4rev1 AUTH=PLAIN LITERAL+ UIDPLUS] logged in\r\n")
        case "LIST", "LSUB":
            if case .oversizedNameLiteral = server.scenario {
                send("* \(name) (\\HasNoChildren) \"/\" ")
                sendLiteral([UInt8](repeating: UInt8(ascii: "n"), count: 4 << 20))
                send("\r\n")
            }
            send("* \(name) (\\HasNoChildren) \"/\" INBOX\r\n\(tag) OK done\r\n")
        case "STATUS":
            let count = server.messages.count
            send("* STATUS INBOX (MESSAGES \(count) UIDNEXT \(count + 1) UIDVALIDITY \(server.nextUIDValidity()) UNSEEN 0)\r\n")
            send("\(tag) OK done\r\n")
        case "SELECT", "EXAMINE":
            select(tag: tag, readOnly: name == "EXAMINE")
        case "UID":
            uidCommand(tag: tag, rest: rest)
        case "FETCH", "SEARCH":
            uidCommand(tag: tag, rest: name + " " + rest)
        case "IDLE":
            send("+ idling\r\n")
            _ = readCommand()
            send("\(tag) OK idle done\r\n")
        case "LOGOUT":
            send("* BYE bye\r\n\(tag) OK done\r\n")
            open = false
        default:
            send("\(tag) OK done\r\n")
        }
        if case .unsolicited = server.scenario, name == "LIST" {
            send("ZZZ999 OK a reply to a command never sent\r\n")
        }
    }

    private func select(tag: String, readOnly: Bool) {
        let count = server.messages.count
        send("* \(count) EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)\r\n")
        send("* OK [UIDVALIDITY \(server.nextUIDValidity())] ok\r\n* OK [UIDNEXT \(count + 1)] ok\r\n")
        if case .endlessLine = server.scenario {
            send("* OK [ALERT] ")
            let chunk = [UInt8](repeating: UInt8(ascii: "A"), count: 64 * 1024)
            var sent = 0
            while open, sent < HostileIMAPSession.hostileBytes, Date() < deadline {
                sendBytes(chunk)
                sent += chunk.count
            }
            waitForClose()
            return
        }
        send("\(tag) OK [\(readOnly ? "READ-ONLY" : "READ-WRITE")] selected\r\n")
    }

    private func uidCommand(tag: String, rest: String) {
        let words = rest.split(separator: " ", maxSplits: 2).map(String.init)
        let sub = words.first?.uppercased() ?? ""
        let uids = words.count > 1 ? parseSet(words[1]) : []
        switch sub {
        case "SEARCH":
            send("* SEARCH \((1...max(1, server.messages.count)).prefix(server.messages.count).map(String.init).joined(separator: " "))\r\n")
            send("\(tag) OK done\r\n")
        case "FETCH":
            let items = words.count > 2 ? words[2].uppercased() : ""
            if items.contains("BODY.PEEK[]") || items.contains("BODY[]") || items.contains("RFC822)") || items.contains("BINARY") {
                fetchBodies(uids, tag: tag)
            } else {
                fetchSummaries(uids, tag: tag)
            }
        default:
            send("\(tag) OK done\r\n")
        }
    }

    private func fetchSummaries(_ uids: [Int], tag: String) {
        for uid in uids {
            let size = server.messages[uid - 1].count
            let date = "\"01-Mar-2024 09:30:00 +0000\""
            if case .deepNesting = server.scenario {
                let depth = 100_000
                send("* \(uid) FETCH (UID \(uid) FLAGS () BODYSTRUCTURE ")
                sendBytes([UInt8](repeating: UInt8(ascii: "("), count: depth))
                sendBytes([UInt8](repeating: UInt8(ascii: ")"), count: depth))
                send(")\r\n")
                continue
            }
            send("* \(uid) FETCH (UID \(uid) FLAGS () INTERNALDATE \(date) RFC822.SIZE \(size))\r\n")
        }
        send("\(tag) OK done\r\n")
    }

    private func fetchBodies(_ uids: [Int], tag: String) {
        for uid in uids {
            let message = server.messages[uid - 1]
            let date = "\"01-Mar-2024 09:30:00 +0000\""
            switch server.scenario {
            case .deepNesting:
                let depth = 100_000
                send("* \(uid) FETCH (UID \(uid) BODYSTRUCTURE ")
                sendBytes([UInt8](repeating: UInt8(ascii: "("), count: depth))
                sendBytes([UInt8](repeating: UInt8(ascii: ")"), count: depth))
                send(" BODY[] ")
            case .oversizedLiteral:
                send("* \(uid) FETCH (UID \(uid) BODY[] {99999999999}\r\n")
                sendBytes([UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20))
                waitForClose()
                return
            case .hugeLiteralThenClose:
                send("* \(uid) FETCH (UID \(uid) BODY[] {2000000000}\r\n")
                sendBytes(message)
                let chunk = [UInt8](repeating: UInt8(ascii: "y"), count: 64 * 1024)
                var sent = 0
                while open, sent < 48 << 20, Date() < deadline {
                    sendBytes(chunk)
                    sent += chunk.count
                }
                open = false
                return
            case .bogusUID(let bogus):
                send("* \(uid) FETCH (UID \(bogus) FLAGS () INTERNALDATE \(date) BODY[] ")
            default:
                send("* \(uid) FETCH (UID \(uid) FLAGS () INTERNALDATE \(date) BODY[] ")
            }
            sendLiteral(message)
            send(")\r\n")
            if case .duplicateUIDs = server.scenario {
                send("* \(uid) FETCH (UID \(uid) FLAGS () INTERNALDATE \(date) BODY[] ")
                sendLiteral(HostileIMAPServer.forged("duplicate"))
                send(")\r\n")
            }
            if case .unsolicited = server.scenario {
                send("* 99 FETCH (UID 990 FLAGS () BODY[] ")
                sendLiteral(HostileIMAPServer.forged("unsolicited"))
                send(")\r\n")
            }
        }
        send("\(tag) OK done\r\n")
    }

    /// The UIDs of a sequence set such as `1:3,5` or `1:*`, limited to the messages there are.
    private func parseSet(_ text: String) -> [Int] {
        let count = server.messages.count
        var result: [Int] = []
        for range in text.split(separator: ",") {
            let ends = range.split(separator: ":").map { $0 == "*" ? count : Int($0) ?? 0 }
            guard let low = ends.first else { continue }
            let high = ends.count > 1 ? ends[1] : low
            let (a, b) = (min(low, high), max(low, high))
            guard a <= count, b >= 1 else { continue }
            result += Array(max(1, a)...min(count, b))
        }
        return Array(Set(result)).sorted()
    }

    // MARK: - Bytes

    private func sendLiteral(_ bytes: [UInt8]) {
        send("{\(bytes.count)}\r\n")
        sendBytes(bytes)
    }

    private func send(_ text: String) {
        sendBytes(Array(text.utf8))
    }

    private func sendBytes(_ bytes: [UInt8]) {
        var offset = 0
        while open, offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                open = false   // the client is gone or stopped reading for 5 s
            }
        }
    }

    /// Reads until the client closes the connection (or the lifetime ends), discarding what it sends.
    private func waitForClose() {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while open, Date() < deadline {
            let count = recv(fd, &scratch, scratch.count, 0)
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { break }
        }
        open = false
    }

    /// One command line, with the literals it carries inlined; nil when the client is gone.
    private func readCommand() -> String? {
        var line: [UInt8] = []
        while true {
            guard let part = readLine() else { return nil }
            line += part
            guard line.count < HostileIMAPSession.maxCommand else { return nil }
            // A literal ends the line: {n} or {n+}.
            guard part.last == UInt8(ascii: "}"), let open = part.lastIndex(of: UInt8(ascii: "{")) else { break }
            var digits = String(decoding: part[(open + 1)..<(part.count - 1)], as: UTF8.self)
            let synchronizing = !digits.hasSuffix("+")
            if !synchronizing { digits.removeLast() }
            guard let size = Int(digits), size <= HostileIMAPSession.maxCommand else { break }
            if synchronizing { send("+ go ahead\r\n") }
            guard let literal = readExactly(size) else { return nil }
            line += literal
        }
        return String(decoding: line, as: UTF8.self)
    }

    private func readLine() -> [UInt8]? {
        while true {
            if let end = input.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(input[..<end])
                input.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return line
            }
            guard input.count < HostileIMAPSession.maxCommand, fill() else { return nil }
        }
    }

    private func readExactly(_ count: Int) -> [UInt8]? {
        while input.count < count {
            guard fill() else { return nil }
        }
        defer { input.removeSubrange(..<count) }
        return Array(input[..<count])
    }

    /// Reads what is there; false when the client is gone or the lifetime is over.
    private func fill() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while open, Date() < deadline {
            let count = recv(fd, &scratch, scratch.count, 0)
            if count > 0 {
                input += scratch[..<count]
                return true
            }
            if count == 0 { return false }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
            return false
        }
        return false
    }
}
