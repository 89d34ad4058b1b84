import IMAPClient
import IMAPProtocol
import MailModel
import MailQuery
import MailStore

/// One account's remote search on an open connection: which folders, which UIDs, then the hits.
struct FolderSearch: Sendable {
    let plan: IMAPSearchPlan
    let account: AccountConfig
    let scope: RemoteSearchScope
    let archive: MailArchive?
    let options: RemoteSearchOptions
    /// The archive's sync state of the account's folders.
    let states: [MailboxName: FolderState]

    /// The folders to search, with the lowest UID to ask about in each.
    func run(_ connection: IMAPConnection) async throws -> RemoteSearchReport {
        var report = RemoteSearchReport()
        let key = SearchKey(plan.key)
        for info in try await connection.list(status: [.messages, .uidNext, .uidValidity]) {
            guard info.isSelectable, selects(info.name) else { continue }
            guard let lowest = lowestUID(info.name, status: info.status) else {
                report.upToDateFolders += 1
                continue
            }
            do {
                report.hits += try await search(info.name, key: key, from: lowest, connection: connection)
                report.searchedFolders.append(account.name + "/" + info.name.path)
            } catch let error as IMAPError where error.category == .commandFailed {
                report.failures.append(RemoteSearchFailure(
                    account: account.name, folder: info.name,
                    message: "account '\(account.name)', folder \(info.name.path): the server refused: \(error.message)"))
            }
        }
        return report
    }

    /// Folders named by `folder:` conditions are searched whether or not the account archives them;
    /// without such conditions, the folders the account archives.
    func selects(_ folder: MailboxName) -> Bool {
        guard plan.includes(folder: folder.path) else { return false }
        return !plan.folderGroups.isEmpty || account.selects(folder: folder.path)
    }

    /// The lowest UID worth asking about; nil when the folder has nothing to ask about (empty, or
    /// in auto scope nothing new since the last sync).
    func lowestUID(_ folder: MailboxName, status: MailboxStatus?) -> UID? {
        if status?.messages == 0 { return nil }
        guard scope == .newerThanArchive, let stored = syncedUIDNext(folder, uidValidity: status?.uidValidity) else {
            return UID(1)
        }
        if let next = status?.uidNext, next.rawValue <= stored.rawValue { return nil }
        return stored
    }

    /// The UIDNEXT stored by the last sync, when it is still valid for the server's UIDVALIDITY.
    func syncedUIDNext(_ folder: MailboxName, uidValidity: UIDValidity?) -> UID? {
        guard let state = states[folder], let stored = state.uidValidity, let next = state.uidNext else { return nil }
        if let uidValidity, uidValidity != stored { return nil }
        return next
    }

    /// UID SEARCH in one folder (read-only), then the hits' metadata.
    func search(_ folder: MailboxName, key: SearchKey, from lowest: UID, connection: IMAPConnection) async throws -> [RemoteHit] {
        let mailbox = try await connection.select(folder, readOnly: true)
        var lowest = lowest
        if lowest.rawValue > 1, syncedUIDNext(folder, uidValidity: mailbox.uidValidity) == nil { lowest = UID(1) }
        if lowest.rawValue > 1, let next = mailbox.uidNext, next.rawValue <= lowest.rawValue { return [] }
        let restricted: SearchKey = lowest.rawValue > 1 ? .and([.uid(UIDSet(rawRanges: [lowest.rawValue...UInt32.max])), key]) : key
        // `n:*` also names the highest UID when it is below n (RFC 3501 6.4.8): keep only what is asked.
        let uids = try await connection.search(restricted).elements.filter { $0.rawValue >= lowest.rawValue }
        var hits: [RemoteHit] = []
        var start = 0
        while start < uids.count {
            let batch = Array(uids[start..<min(uids.count, start + max(1, options.fetchBatch))])
            start += batch.count
            hits += try await fetch(batch, folder: folder, uidValidity: mailbox.uidValidity, connection: connection)
        }
        return hits
    }

    /// The hits of one batch of UIDs, labelled with the archived messages seen there.
    func fetch(_ uids: [UID], folder: MailboxName, uidValidity: UIDValidity, connection: IMAPConnection) async throws -> [RemoteHit] {
        let items: [FetchItem] = [.uid, .flags, .internalDate, .rfc822Size, .envelope]
        let result = try await connection.execute(raw: .uidFetch(UIDSet(uids), items, changedSince: nil, vanished: false))
        let name = account.name
        let archived: [UID: MessageRef]
        if let archive {
            archived = try await archive.store.read { try $0.messages(account: name, folder: folder, uidValidity: uidValidity, uids: uids) }
        } else {
            archived = [:]
        }
        var hits = result.fetches.compactMap { RemoteHit($0, account: name, folder: folder, uidValidity: uidValidity) }
        for index in hits.indices { hits[index].archived = archived[hits[index].uid] }
        return hits.sorted { $0.uid < $1.uid }
    }
}
