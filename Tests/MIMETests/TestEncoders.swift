/// Encoders used only to make test inputs (the decoders are what is tested).
enum TestBase64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ data: [UInt8], lineLength: Int = 76) -> String {
        var out: [UInt8] = []
        var index = 0
        var column = 0
        while index < data.count {
            let a = data[index]
            let b = index + 1 < data.count ? data[index + 1] : 0
            let c = index + 2 < data.count ? data[index + 2] : 0
            out.append(alphabet[Int(a >> 2)])
            out.append(alphabet[Int((a & 3) << 4 | b >> 4)])
            out.append(index + 1 < data.count ? alphabet[Int((b & 15) << 2 | c >> 6)] : 61)
            out.append(index + 2 < data.count ? alphabet[Int(c & 63)] : 61)
            index += 3
            column += 4
            if column >= lineLength {
                out.append(contentsOf: [13, 10])
                column = 0
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

enum TestUUEncode {
    static func encode(_ data: [UInt8], name: String) -> String {
        func char(_ value: UInt8) -> Character { value == 0 ? "`" : Character(UnicodeScalar(value + 32)) }
        var out = "begin 644 \(name)\n"
        var index = 0
        while index < data.count {
            let line = Array(data[index..<min(index + 45, data.count)])
            out.append(char(UInt8(line.count)))
            var position = 0
            while position < line.count {
                let a = line[position]
                let b = position + 1 < line.count ? line[position + 1] : 0
                let c = position + 2 < line.count ? line[position + 2] : 0
                out.append(char(a >> 2))
                out.append(char((a & 3) << 4 | b >> 4))
                out.append(char((b & 15) << 2 | c >> 6))
                out.append(char(c & 63))
                position += 3
            }
            out += "\n"
            index += 45
        }
        out += "`\nend\n"
        return out
    }
}
