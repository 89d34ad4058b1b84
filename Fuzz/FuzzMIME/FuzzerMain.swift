// SwiftPM links an executable's `main` to `<Module>_main`, which a fuzzer built with
// -parse-as-library does not have; this one hands control to libFuzzer's driver instead.

@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The process entry point: libFuzzer's driver over `LLVMFuzzerTestOneInput`.
@_cdecl("FuzzMIME_main")
public func fuzzMIMEMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzMIME(data, size)
    }
}
