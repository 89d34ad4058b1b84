// fuzz-seeds: Tests/Fixtures/imap/*.server.txt
// fuzz-seeds: Tests/Fixtures/imap/fuzz/*
import IMAPProtocol
import NIOCore

// libFuzzer entry point for the IMAP response parser (built by Tools/fuzz with -sanitize=fuzzer).
//
// Each input is parsed twice: whole, and cut into chunks whose sizes come from the input's first byte.
// Both runs must give the same events (body chunks joined) and the same error, so the fuzzer checks
// chunk-boundary handling as well as crashes, hangs and memory errors.

private struct Outcome: Equatable {
    var events: [ResponseEvent] = []
    var error: String?
}

private func parse(_ bytes: UnsafeBufferPointer<UInt8>, chunk: Int?) -> Outcome {
    var options = ResponseParserOptions()
    options.maxLineLength = 4096
    options.maxInlineLiteralSize = 4096
    options.maxNesting = 40
    options.maxAttributeCount = 200
    options.maxResponseSize = 16384
    var parser = ResponseParser(options: options)
    var buffer = ByteBuffer()
    var outcome = Outcome()
    var offset = 0
    repeat {
        let end = chunk.map { min(bytes.count, offset + $0) } ?? bytes.count
        buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[offset..<end]))
        offset = end
        do {
            while let event = try parser.next(buffer: &buffer) {
                if case .fetch(.streamingBytes(var more)) = event,
                   case .fetch(.streamingBytes(var previous))? = outcome.events.last {
                    // Take the last event out first, so the append does not copy the whole body each time.
                    outcome.events.removeLast()
                    previous.writeBuffer(&more)
                    outcome.events.append(.fetch(.streamingBytes(previous)))
                } else {
                    outcome.events.append(event)
                }
            }
        } catch {
            outcome.error = String(describing: error)
            return outcome
        }
    } while offset < bytes.count
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIMAPResponse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let whole = parse(bytes, chunk: nil)
    let chunk = size > 0 ? Int(bytes[0] % 17) + 1 : 1
    let pieces = parse(bytes, chunk: chunk)
    if whole != pieces {
        fatalError("chunked parse (\(chunk)) differs from whole parse: \(whole) vs \(pieces)")
    }
    return 0
}
