// fuzz-seeds: Tests/Fixtures/corpus/*.eml
// fuzz-seeds: Tests/Fixtures/mime-fuzz/*.eml
// fuzz-seeds: shared:*.eml
import MIME
import NIOCore

/// libFuzzer entry point for the MIME reader and message decoder: any bytes must decode without a
/// crash, within the limits, and to the same result whatever the chunk boundaries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var options = MIMEOptions()
    options.maxParts = 200
    options.maxDepth = 20
    options.maxPartTextBytes = 64 * 1024
    options.maxIndexedTextBytes = 128 * 1024

    let whole = MessageDecoder.decode(bytes, options: options)

    // Chunk sizes drawn from the input itself, so a failure reproduces.
    var decoder = MessageDecoder(options: options)
    var index = 0
    var step = 1
    while index < bytes.count {
        step = Int(bytes[index] % 61) + 1
        let end = min(index + step, bytes.count)
        decoder.feed(bytes[index..<end])
        index = end
    }
    let chunked = decoder.finish()
    if chunked.parts != whole.parts || chunked.warnings != whole.warnings || chunked.headers != whole.headers {
        fatalError("the decoded message depends on chunk boundaries")
    }
    if whole.parts.count > options.maxParts || whole.warnings.count > options.maxWarnings {
        fatalError("a limit was not kept")
    }

    // Extracting every attachment must not crash either.
    var extractor = PartExtractor(.attachments, options: options)
    extractor.feed(bytes)
    extractor.finish()
    while extractor.next() != nil {}
    return 0
}
