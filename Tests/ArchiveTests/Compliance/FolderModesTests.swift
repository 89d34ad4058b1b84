@testable import Archive
import Foundation
import MailQuery
import MailStore
import Testing

@Suite("Private archive files")
struct FolderModesTests {
    static func mode(_ path: String) -> UInt32? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o7777
    }

    @Test("every folder and file Cairn makes in the archive folder is 0700 / 0600, index and lock included")
    func everythingIsPrivate() throws {
        let temp = try TemporaryArchive()
        try temp.archive(HoldTests.old)
        try temp.archive.placeHold(name: "h", query: try SearchQuery.parse("from:ann@example.org", now: ComplianceTime.now),
                                   reason: nil)
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        _ = try temp.archive.purge(at: ComplianceTime.now)
        try temp.closeWriter()
        let home = temp.home.path
        #expect(FolderModesTests.mode(home) == 0o700)
        for name in ["cairn.sqlite", "cairn.lock", "index/shards.conf", "index/main/iamglass", "index/main/postlist.glass",
                     "index/main/termlist.glass", "index/main/position.glass", "index/main/flintlock"] {
            #expect(FolderModesTests.mode(home + "/" + name) == 0o600, "\(name)")
        }
        #expect(FolderModesTests.mode(home + "/index") == 0o700)
        #expect(FolderModesTests.mode(home + "/index/main") == 0o700)
        let loose = ArchiveFolderModes.loosePaths(temp.home)
        #expect(loose.isEmpty, "\(loose)")
        try temp.reopen()
    }

    @Test("loose modes are found and made private; files that are not Cairn's are left alone")
    func secureFixesOnlyCairnFiles() throws {
        let temp = try TemporaryArchive()
        try temp.closeWriter()
        let home = temp.home.path
        chmod(home + "/index/shards.conf", 0o644)
        chmod(home + "/index/main", 0o755)
        chmod(home, 0o755)
        let mine = home + "/notes.txt"
        _ = FileManager.default.createFile(atPath: mine, contents: Data("mine".utf8), attributes: [.posixPermissions: 0o644])
        let loose = Set(ArchiveFolderModes.loosePaths(temp.home).map(\.path))
        #expect(loose == [home, home + "/index/shards.conf", home + "/index/main"])
        let report = try temp.verify()
        #expect(report.isIntact)
        #expect(report.notes.filter { $0.contains("not private") }.count == 3)
        try ArchiveFolderModes.secure(temp.home)
        #expect(ArchiveFolderModes.loosePaths(temp.home).isEmpty)
        #expect(FolderModesTests.mode(mine) == 0o644)
        try temp.reopen()
    }
}
