// fuzz-seeds: shared:*.mbox
// fuzz-seeds: Tests/Fixtures/mime-fuzz/*.mbox
// fuzz-seeds: Tests/Fixtures/corpus/cpython-000*.eml
import MailModel
import MIME
import NIOCore

/// libFuzzer entry point for the mbox reader and writer: any bytes split the same whatever the
/// chunk boundaries, and every message written back and read again comes out unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMbox(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = read(bytes, step: { _ in Int.max })
    let chunked = read(bytes, step: { Int($0 % 37) + 1 })
    if whole != chunked { fatalError("mbox messages depend on chunk boundaries") }

    var writer = MboxWriter(variant: .mboxrd)
    var file: [UInt8] = []
    for message in whole {
        file += writer.beginMessage(sender: "fuzz@example.org", date: Timestamp(rawValue: 0)).readableBytesView
        file += writer.write(ByteBuffer(bytes: message)).readableBytesView
        file += writer.endMessage().readableBytesView
    }
    let again = read(file, step: { _ in Int.max })
    let expected = whole.map { $0.isEmpty || $0.last == 10 ? $0 : $0 + [10] }
    if again != expected { fatalError("mboxrd round trip changed a message") }
    return 0
}

/// The messages of an mbox, fed in steps chosen from the bytes.
private func read(_ bytes: [UInt8], step: (UInt8) -> Int) -> [[UInt8]] {
    var reader = MboxReader()
    var messages: [[UInt8]] = []
    func drain() {
        while let event = reader.next() {
            switch event {
            case .messageBegin: messages.append([])
            case .messageBytes(let chunk): messages[messages.count - 1] += chunk.readableBytesView
            case .messageEnd: break
            }
        }
    }
    var index = 0
    while index < bytes.count {
        let end = min(index + max(1, min(step(bytes[index]), bytes.count - index)), bytes.count)
        reader.feed(bytes[index..<end])
        drain()
        index = end
    }
    reader.finish()
    drain()
    return messages
}
