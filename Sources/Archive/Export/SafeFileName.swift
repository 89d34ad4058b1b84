/// Turns untrusted names (attachment file names, folder names) into names that are safe to create
/// inside a chosen folder: no path separators, no `.` or `..`, no leading dot, no control characters,
/// no names Windows reserves (`con`, `nul`, `com1`...), at most 200 bytes with the extension kept.
public enum SafeFileName {
    /// The longest name made, in UTF-8 bytes.
    public static let maximumBytes = 200

    private static let reserved: Set<String> = {
        var names: Set<String> = ["con", "prn", "aux", "nul", "clock$"]
        for n in 1...9 { names.insert("com\(n)"); names.insert("lpt\(n)") }
        return names
    }()

    /// A safe form of `name`; `fallback` when nothing usable is left.
    /// A path keeps only its last component (`../../x` and `C:\\temp\\x` give `x`).
    public static func sanitize(_ name: String?, fallback: String) -> String {
        let lastComponent = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in lastComponent.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                continue  // control characters and bidirectional overrides
            default:
                break
            }
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": scalars.append("_")
            default: scalars.append(scalar)
            }
        }
        var text = String(scalars).trimmingSpacesAndDots()
        if text.isEmpty { text = fallback }
        let stem = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
        if reserved.contains(stem.lowercased()) { text = "_" + text }
        return truncate(text)
    }

    /// `name`, or `name (2).ext`, `name (3).ext`... : the first for which `isTaken` is false.
    public static func unique(_ name: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(name) else { return name }
        let (stem, ext) = split(name)
        var counter = 2
        while true {
            // The stem gives way to the suffix, so that a name at the length limit still changes.
            let candidate = shortened(stem, toFitBefore: " (\(counter))" + ext)
            if !isTaken(candidate) { return candidate }
            counter += 1
        }
    }

    /// `stem` cut (by whole characters) so that it and `tail` fit ``maximumBytes``, then `tail`.
    private static func shortened(_ stem: String, toFitBefore tail: String) -> String {
        guard stem.utf8.count + tail.utf8.count > maximumBytes else { return stem + tail }
        var kept = ""
        for character in stem {
            if kept.utf8.count + character.utf8.count + tail.utf8.count > maximumBytes { break }
            kept.append(character)
        }
        return kept + tail
    }

    private static func split(_ name: String) -> (stem: String, ext: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        let ext = String(name[dot...])
        guard ext.utf8.count <= 16 else { return (name, "") }
        return (String(name[..<dot]), ext)
    }

    private static func truncate(_ name: String) -> String {
        guard name.utf8.count > maximumBytes else { return name }
        let (stem, ext) = split(name)
        return shortened(stem, toFitBefore: ext)
    }
}

private extension String {
    /// Without leading and trailing spaces and dots (so never `.`, `..` or a hidden file).
    func trimmingSpacesAndDots() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "." { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "." { scalars.removeLast() }
        return String(scalars)
    }
}
