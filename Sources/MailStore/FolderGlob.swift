import MailModel

/// Glob matching of folder names: `*` matches any run of characters (also across `/`), `?` one.
enum FolderGlob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let pattern = Array(MailboxName(pattern).path.unicodeScalars)
        let name = Array(name.unicodeScalars)
        var p = 0, n = 0
        var star = -1, resume = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = n
                p += 1
            } else if star >= 0 {
                p = star + 1
                resume += 1
                n = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
