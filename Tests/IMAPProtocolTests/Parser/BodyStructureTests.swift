import IMAPProtocol
import MailModel
import Testing

@Suite("ResponseParser: BODYSTRUCTURE")
struct BodyStructureTests {
    private func parse(_ text: String) -> BodyStructure? {
        let outcome = ParseHarness.run("* 1 FETCH (BODYSTRUCTURE \(text))\r\n", chunkSizes: [5])
        guard case .events(let events, _) = outcome, events.count == 3,
              case .fetch(.attribute(.bodyStructure(let structure))) = events[1] else {
            Issue.record("no body structure from \(outcome)")
            return nil
        }
        return structure
    }

    @Test func textPart() {
        let structure = parse("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)")
        #expect(structure == .singlepart(SinglePartBody(type: "text", subtype: "plain",
                                                        parameters: [BodyParameter(name: "CHARSET", value: "US-ASCII")],
                                                        encoding: "7bit", octets: 3028, kind: .text(lines: 92))))
    }

    @Test func multipartWithExtensions() {
        let structure = parse("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 10 1 NIL NIL NIL NIL)"
            + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"a.pdf\") \"<id@x>\" \"desc\" \"BASE64\" 400 \"md5sum\" "
            + "(\"attachment\" (\"FILENAME\" \"a.pdf\")) (\"en\" \"de\") \"http://x/\" (1 2))"
            + " \"MIXED\" (\"BOUNDARY\" \"b1\") NIL NIL NIL)")
        let text = SinglePartBody(type: "text", subtype: "plain", parameters: [BodyParameter(name: "CHARSET", value: "utf-8")],
                                  encoding: "quoted-printable", octets: 10, kind: .text(lines: 1),
                                  extensionData: BodyExtension())
        let pdf = SinglePartBody(type: "application", subtype: "pdf", parameters: [BodyParameter(name: "NAME", value: "a.pdf")],
                                 id: "<id@x>", description: "desc", encoding: "base64", octets: 400,
                                 extensionData: BodyExtension(md5: "md5sum",
                                                              disposition: BodyDisposition(kind: "attachment", parameters: [
                                                                  BodyParameter(name: "FILENAME", value: "a.pdf")]),
                                                              language: ["en", "de"], location: "http://x/"))
        #expect(structure == .multipart(MultipartBody(parts: [.singlepart(text), .singlepart(pdf)], subtype: "mixed",
                                                      parameters: [BodyParameter(name: "BOUNDARY", value: "b1")],
                                                      extensionData: BodyExtension())))
    }

    @Test func nestedMessage() {
        let inner = "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 5 1)"
        let structure = parse("((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 100 (NIL \"Hi\" NIL NIL NIL NIL NIL NIL NIL NIL) "
            + inner + " 4) \"MIXED\")")
        let message = SinglePartBody(type: "message", subtype: "rfc822", octets: 100,
                                     kind: .message(Envelope(subject: "Hi"),
                                                    .singlepart(SinglePartBody(type: "text", subtype: "plain", octets: 5,
                                                                               kind: .text(lines: 1))), lines: 4))
        #expect(structure == .multipart(MultipartBody(parts: [.singlepart(message)], subtype: "mixed")))
    }

    @Test func messageRfc822WithoutEnvelope() {
        // Seen from some servers: message/rfc822 described like a basic part.
        let structure = parse("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 100)")
        #expect(structure == .singlepart(SinglePartBody(type: "message", subtype: "rfc822", octets: 100)))
    }

    @Test func nilTypeAndOldBodyForm() {
        let outcome = ParseHarness.run("* 1 FETCH (BODY (NIL NIL NIL NIL NIL NIL 0))\r\n")
        let expected = BodyStructure.singlepart(SinglePartBody(type: "application", subtype: "octet-stream", octets: 0))
        #expect(outcome == .events([.fetch(.start(SequenceNumber(1))), .fetch(.attribute(.bodyStructure(expected))), .fetch(.finish)],
                                   leftover: ""))
    }

    @Test func deepNestingHitsTheLimit() {
        let depth = 150
        let text = String(repeating: "(", count: depth) + "\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1"
            + String(repeating: ") \"MIXED\"", count: depth - 1) + ")"
        let outcome = ParseHarness.run("* 1 FETCH (BODYSTRUCTURE \(text))\r\n")
        guard case .failure(let description) = outcome else {
            Issue.record("expected a nesting failure, got \(outcome)")
            return
        }
        #expect(description.contains("maxNesting"))
    }
}
