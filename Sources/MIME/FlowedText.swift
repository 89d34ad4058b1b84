/// Reading `format=flowed` plain text (RFC 3676): soft line breaks joined, space-stuffing removed.
public enum FlowedText {
    /// Joins the flowed lines of `text` (lines already split on LF, CR removed).
    ///
    /// A line ending in a space continues on the next line of the same quote depth; with
    /// `delSp`, that space is deleted (RFC 3676 4.2). The signature separator `-- ` is never flowed.
    public static func unflow(_ text: String, delSp: Bool) -> String {
        var output: [Substring] = []
        var paragraph = ""
        var paragraphDepth = -1
        var open = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }  // space-stuffing
            let quotePrefix = depth > 0 ? String(repeating: ">", count: depth) + " " : ""
            if open && depth != paragraphDepth {
                output.append(Substring(paragraph))
                open = false
            }
            let flowed = line.last == " " && line != "-- "
            if open {
                paragraph += flowed && delSp ? line.dropLast() : line
            } else {
                paragraph = quotePrefix + (flowed && delSp ? String(line.dropLast()) : String(line))
                paragraphDepth = depth
            }
            open = flowed
            if !flowed {
                output.append(Substring(paragraph))
                paragraph = ""
            }
        }
        if open { output.append(Substring(paragraph)) }
        return output.joined(separator: "\n")
    }
}
