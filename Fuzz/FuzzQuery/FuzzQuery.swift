// fuzz-seed-lines: Tests/Fixtures/query/seeds.txt
// libFuzzer entry point for the query language (built by Tools/fuzz with -sanitize=fuzzer).
//
// Properties checked on every input: parsing never crashes; an error points into the text; a
// parsed query's canonical text parses back to the same tree; explanation and IMAP translation
// never crash.
import MailModel
import MailQuery

private let now = Timestamp(year: 2024, month: 3, day: 10, hour: 12)!
private let saved = ["a": "from:ann OR subject:\"x y\"", "b": "query:a -flag:seen", "loop": "query:loop"]
private let options = QueryParser.Options(maxLength: 4_096, maxDepth: 64, maxTerms: 512)
private let roomy = QueryParser.Options(maxLength: 1 << 20, maxDepth: 64, maxTerms: 512)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let query = try SearchQuery.parse(text, now: now, options: options, savedQuery: { saved[$0] })
        let canonical = query.description
        let again: SearchQuery
        do {
            again = try SearchQuery.parse(canonical, now: now, options: roomy, savedQuery: { saved[$0] })
        } catch {
            fatalError("canonical text \(canonical) of \(text) does not parse: \(error)")
        }
        precondition(again.description == canonical, "canonical text changes: \(canonical) -> \(again.description)")
        precondition(again.root.terms.map(\.value) == query.root.terms.map(\.value), "terms change: \(canonical)")
        _ = query.explanation
        _ = try? query.imapSearch()
    } catch {
        let length = text.count
        precondition(error.range.lowerBound >= 0 && error.range.lowerBound <= length, "error outside the text")
        precondition(!error.message.isEmpty)
        _ = error.marker(under: text)
    }
    return 0
}

// SwiftPM links an executable target on Linux with `--defsym main=<Target>_main`, which
// `-parse-as-library` never emits; give it that symbol and hand control to libFuzzer's driver
// (so `swift build -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library` works as well as a plain
// swiftc link, where libFuzzer's own main is used and this function is simply unused).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzQuery_main")
public func fuzzQueryMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzQuery(data, size) }
}
