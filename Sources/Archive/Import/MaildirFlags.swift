import Foundation
import MailModel

/// The flags a Maildir file name carries in its info part (`...:2,FRS`).
///
/// - SeeAlso: https://cr.yp.to/proto/maildir.html
public enum MaildirFlags {
    /// The flags of a file name; empty when it has no `:2,` info.
    public static func flags(ofFileName name: String) -> [Flag] {
        guard let range = name.range(of: ":2,", options: .backwards) else { return [] }
        var flags: [Flag] = []
        for letter in name[range.upperBound...] {
            switch letter {
            case "D": flags.append(.draft)
            case "F": flags.append(.flagged)
            case "R": flags.append(.answered)
            case "S": flags.append(.seen)
            case "T": flags.append(.deleted)
            case "P": flags.append(Flag("$forwarded"))
            default: break
            }
        }
        return flags
    }

    /// The info suffix (`:2,FS`) for flags, letters in ASCII order as the specification asks.
    public static func info(for flags: [Flag]) -> String {
        var letters: [Character] = []
        for flag in flags {
            switch flag {
            case .draft: letters.append("D")
            case .flagged: letters.append("F")
            case .answered: letters.append("R")
            case .seen: letters.append("S")
            case .deleted: letters.append("T")
            case Flag("$forwarded"): letters.append("P")
            default: break
            }
        }
        return ":2," + String(Set(letters).sorted())
    }
}
