// The process entry point. SwiftPM points an executable's `main` at `<Module>_main`, which a target
// built with -parse-as-library lacks; this one runs libFuzzer's driver over the test function.
// (Needs -enable-experimental-feature Extern, as Tools/fuzz passes.)

@_extern(c, "LLVMFuzzerRunDriver")
func libFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with ``fuzzIMAPResponse(_:_:)``.
@_cdecl("FuzzIMAPResponse_main")
public func fuzzIMAPResponseMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return libFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzIMAPResponse(data, size)
    }
}
