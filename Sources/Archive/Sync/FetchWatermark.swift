import MailModel

/// How far a body fetch has come, whatever order the server answers in: the lowest UID of the fetch
/// not received yet. Every UID of the fetch below it has arrived, so a checkpoint may say UIDNEXT is
/// that UID.
///
/// Servers may run pipelined FETCH commands in parallel and interleave their answers (Dovecot does:
/// four pipelined batches of 1-800 can arrive as 1-47, 601-800, 401-600, 201-400, 48-200), so the
/// last UID received says nothing about the ones below it.
struct FetchWatermark {
    private let uids: [UID]
    private var next = 0
    private var early = Set<UID>()
    /// The highest UID received.
    private(set) var highest: UID?

    /// A watermark over the UIDs of a fetch.
    init(_ list: UIDList) {
        uids = list.uids
    }

    /// Records a UID received.
    mutating func received(_ uid: UID) {
        if highest.map({ uid > $0 }) ?? true { highest = uid }
        guard next < uids.count else { return }
        if uids[next] == uid {
            next += 1
            while next < uids.count, early.remove(uids[next]) != nil { next += 1 }
        } else if uid > uids[next] {
            early.insert(uid)
        }
    }

    /// The lowest UID not received yet; past the last one when every UID was received.
    var low: UID? {
        if next < uids.count { return uids[next] }
        return uids.last.map { UID($0.rawValue &+ 1) }
    }
}
