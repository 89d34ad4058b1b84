/// RFC 2231 parameter value continuations (`name*0=`, `name*1*=`), charsets and languages
/// (`name*=utf-8'en'%E2%82%AC`).
enum RFC2231 {
    private struct Segment {
        var number: Int
        var extended: Bool
        var value: [UInt8]
    }

    /// Joins raw parameters into decoded ones, in order of first appearance.
    static func assemble(_ raw: [ParameterScanner.RawParameter]) -> [MIMEParameters.Parameter] {
        var order: [String] = []
        var plain: [String: ParameterScanner.RawParameter] = [:]
        var segments: [String: [Segment]] = [:]
        for parameter in raw {
            if let star = parameter.name.firstIndex(of: "*") {
                let base = String(parameter.name[..<star])
                let rest = parameter.name[parameter.name.index(after: star)...]
                var segment = Segment(number: 0, extended: false, value: parameter.value)
                if rest.isEmpty {
                    segment.extended = true  // name*=
                } else {
                    var digits = rest
                    if digits.hasSuffix("*") {
                        segment.extended = true
                        digits = digits.dropLast()
                    }
                    guard let number = Int(digits), number >= 0, number < 10_000 else { continue }
                    segment.number = number
                }
                if segments[base] == nil, plain[base] == nil { order.append(base) }
                if !(segments[base]?.contains { $0.number == segment.number } ?? false) {
                    segments[base, default: []].append(segment)
                }
            } else {
                if segments[parameter.name] == nil, plain[parameter.name] == nil { order.append(parameter.name) }
                if plain[parameter.name] == nil { plain[parameter.name] = parameter }
            }
        }
        return order.map { name in
            if let parts = segments[name] { return join(name: name, parts.sorted { $0.number < $1.number }) }
            let parameter = plain[name]!
            return MIMEParameters.Parameter(name: name, value: decodePlain(parameter.value), rawValue: parameter.value)
        }
    }

    private static func join(name: String, _ segments: [Segment]) -> MIMEParameters.Parameter {
        var charset: String?
        var language: String?
        var bytes: [UInt8] = []
        for (position, segment) in segments.enumerated() {
            var value = segment.value[...]
            if segment.extended {
                if position == 0, let first = value.firstIndex(of: UInt8(ascii: "'")),
                   let second = value[(first + 1)...].firstIndex(of: UInt8(ascii: "'")) {
                    let label = String(decoding: value[..<first], as: UTF8.self)
                    charset = label.isEmpty ? nil : label
                    let tag = String(decoding: value[(first + 1)..<second], as: UTF8.self)
                    language = tag.isEmpty ? nil : tag
                    value = value[(second + 1)...]
                }
                bytes.append(contentsOf: percentDecode(value))
            } else {
                bytes.append(contentsOf: value)
            }
        }
        let text: String
        if let charset {
            text = Charset(label: charset).decode(bytes).text
        } else {
            text = decodePlain(bytes)
        }
        return MIMEParameters.Parameter(name: name, value: text, rawValue: bytes, language: language)
    }

    /// A value without RFC 2231 charset: 8-bit bytes read as UTF-8 or Windows-1252, RFC 2047
    /// words (Outlook's way of naming files) decoded.
    static func decodePlain(_ bytes: [UInt8]) -> String {
        let text = HeaderText.decode8Bit(bytes[...], charset: Charset(label: nil))
        return text.contains("=?") ? EncodedWords.decode(text).text : text
    }

    private static func percentDecode(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            if byte == UInt8(ascii: "%"), index + 2 < value.endIndex,
               let high = ASCII.hexValue(value[index + 1]), let low = ASCII.hexValue(value[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }
}
