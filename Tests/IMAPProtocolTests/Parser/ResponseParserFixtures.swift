import IMAPProtocol
import MailModel
import NIOCore
import Testing

/// One parser fixture: input text (with a trailing terminator line that must stay unconsumed) and the
/// expected outcome.
struct ParseFixture: CustomTestStringConvertible, Sendable {
    enum Expected: Sendable {
        case success([ResponseEvent])
        /// Needs more bytes: nothing comes out and everything is left over.
        case incomplete
        /// A grammar or limit error whose description contains this text.
        case failure(String)
    }

    var name: String
    var input: String
    var expected: Expected
    var options = ResponseParserOptions()

    var testDescription: String { name }

    static func success(_ name: String, _ input: String, _ events: [ResponseEvent]) -> ParseFixture {
        ParseFixture(name: name, input: input, expected: .success(events))
    }

    static func untagged(_ name: String, _ input: String, _ response: UntaggedResponse) -> ParseFixture {
        ParseFixture(name: name, input: input, expected: .success([.untagged(response)]))
    }

    static func incomplete(_ name: String, _ input: String) -> ParseFixture {
        ParseFixture(name: name, input: input, expected: .incomplete)
    }

    static func failure(_ name: String, _ input: String, _ text: String,
                        options: ResponseParserOptions = .init()) -> ParseFixture {
        ParseFixture(name: name, input: input, expected: .failure(text), options: options)
    }
}

extension ByteBuffer {
    init(text: String) { self.init(string: text) }
}
