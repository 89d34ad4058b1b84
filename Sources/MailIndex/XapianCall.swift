import CXapian

/// Calls into the shim and turns a filled `cx_error` into an ``IndexError``.
enum XapianCall {
    /// Runs `body` with a fresh error; throws when the shim reported one.
    static func check<T>(_ body: (UnsafeMutablePointer<cx_error>) -> T) throws(IndexError) -> T {
        var error = cx_error(status: CX_OK, type: nil, message: nil, hint: nil)
        let result = body(&error)
        if error.status != CX_OK {
            defer { cx_error_clear(&error) }
            throw indexError(error)
        }
        return result
    }

    /// Like ``check(_:)`` for calls that return a handle: nil without an error is a failure too.
    static func handle<T>(_ body: (UnsafeMutablePointer<cx_error>) -> T?) throws(IndexError) -> T {
        guard let result = try check(body) else { throw IndexError(.failed, "the Xapian shim returned no handle") }
        return result
    }

    private static func indexError(_ error: cx_error) -> IndexError {
        let type = error.type.map { String(cString: $0) } ?? "error"
        let message = error.message.map { String(cString: $0) } ?? ""
        let hint = error.hint.map { String(cString: $0) }
        let code: IndexError.Code
        switch error.status {
        case CX_LOCKED: code = .locked
        case CX_NOT_FOUND: code = .notFound
        case CX_CORRUPT: code = .corrupt
        case CX_MODIFIED: code = .modified
        case CX_VERSION, CX_OPENING: code = .version
        case CX_NETWORK: code = .network
        case CX_INVALID_ARGUMENT, CX_QUERY_SYNTAX, CX_DOC_NOT_FOUND: code = .invalidArgument
        default: code = .failed
        }
        return IndexError(code, "Xapian \(type): \(message)", hint: hint)
    }

    /// A string the shim returned (malloc'ed), freed after reading.
    static func takeString(_ pointer: UnsafeMutablePointer<CChar>?, length: Int) -> String {
        guard let pointer else { return "" }
        defer { cx_free(pointer) }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The strings of a list the shim returned (NUL-terminated, end to end), freed after reading.
    static func takeList(_ pointer: UnsafeMutablePointer<CChar>?, length: Int, count: Int) -> [String] {
        guard let pointer else { return [] }
        defer { cx_free(pointer) }
        var result: [String] = []
        result.reserveCapacity(count)
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            var start = 0
            for index in 0..<length where bytes[index] == 0 {
                result.append(String(decoding: UnsafeBufferPointer(start: bytes + start, count: index - start),
                                     as: UTF8.self))
                start = index + 1
            }
        }
        return result
    }

    /// Calls `body` with a list as the shim takes it: NUL-terminated strings end to end, and a count.
    /// NUL characters inside the strings are dropped.
    static func withList<T>(_ items: [String], _ body: (UnsafePointer<CChar>, Int) throws(IndexError) -> T)
        throws(IndexError) -> T {
        var buffer: [CChar] = []
        buffer.reserveCapacity(items.reduce(1) { $0 + $1.utf8.count + 1 })
        for item in items {
            for byte in item.utf8 where byte != 0 { buffer.append(CChar(bitPattern: byte)) }
            buffer.append(0)
        }
        buffer.append(0)
        let result: Result<T, IndexError> = buffer.withUnsafeBufferPointer { pointer in
            capture { () throws(IndexError) in try body(pointer.baseAddress!, items.count) }
        }
        return try result.get()
    }

    /// Calls `body` with the UTF-8 bytes of a string and their count.
    static func withBytes<T>(_ text: String, _ body: (UnsafePointer<CChar>, Int) throws(IndexError) -> T)
        throws(IndexError) -> T {
        try withBytes(text[...], body)
    }

    /// Calls `body` with the UTF-8 bytes of a substring (of a native string: no copy) and their count.
    static func withBytes<T>(_ text: Substring, _ body: (UnsafePointer<CChar>, Int) throws(IndexError) -> T)
        throws(IndexError) -> T {
        var text = text
        let result: Result<T, IndexError> = text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else {
                    var zero: CChar = 0
                    return withUnsafePointer(to: &zero) { pointer in capture { () throws(IndexError) in try body(pointer, 0) } }
                }
                return capture { () throws(IndexError) in try body(base, chars.count) }
            }
        }
        return try result.get()
    }

    /// The outcome of a throwing body as a value (for closures of APIs that do not rethrow typed errors).
    static func capture<T>(_ body: () throws(IndexError) -> T) -> Result<T, IndexError> {
        do throws(IndexError) { return .success(try body()) } catch { return .failure(error) }
    }
}
