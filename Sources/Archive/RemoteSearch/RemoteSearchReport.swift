/// What a search on the servers found, and what could not be searched.
public struct RemoteSearchReport: Sendable {
    /// Every message found, by account (in the order asked), folder (in the server's LIST order), UID.
    public var hits: [RemoteHit]
    /// The accounts and folders that could not be searched.
    public var failures: [RemoteSearchFailure]
    /// The folders searched, as `account/folder`.
    public var searchedFolders: [String]
    /// The folders left out because the archive already has all they hold (`--where auto`).
    public var upToDateFolders: Int

    /// An empty report.
    public init(hits: [RemoteHit] = [], failures: [RemoteSearchFailure] = [], searchedFolders: [String] = [],
                upToDateFolders: Int = 0) {
        self.hits = hits
        self.failures = failures
        self.searchedFolders = searchedFolders
        self.upToDateFolders = upToDateFolders
    }

    /// Adds another account's report.
    mutating func absorb(_ other: RemoteSearchReport) {
        hits += other.hits
        failures += other.failures
        searchedFolders += other.searchedFolders
        upToDateFolders += other.upToDateFolders
    }
}
