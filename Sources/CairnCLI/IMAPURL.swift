import Archive
import Foundation

/// IMAP URLs (RFC 5092) naming a message on a server, for `search --format ids` results that are
/// not archived.
enum IMAPURL {
    /// `imap://user@host:port/folder;UIDVALIDITY=v/;UID=n` (user, host and folder percent-encoded);
    /// `imap://ACCOUNT/...` when the account is no longer configured.
    static func of(_ hit: RemoteHit, account: AccountConfig?) -> String {
        let authority: String
        if let account {
            authority = encode(account.user, allowed: unreserved) + "@" + account.host + ":" + String(account.port)
        } else {
            authority = encode(hit.account, allowed: unreserved)
        }
        return "imap://" + authority + "/" + encode(hit.folder.path, allowed: unreserved.union(["/"]))
            + ";UIDVALIDITY=\(hit.uidValidity.rawValue)/;UID=\(hit.uid.rawValue)"
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encode(_ text: String, allowed: CharacterSet) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
