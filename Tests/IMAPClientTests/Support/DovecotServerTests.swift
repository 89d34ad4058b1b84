import Foundation
import MailModel
import Testing
import TestSupport

@Suite("DovecotServer")
struct DovecotServerTests {
    @Test("starts on free loopback ports, fills folders, stops by pid")
    func startFillStop() throws {
        let server = try DovecotServer.start()
        #expect(server.imapPort != nil && server.imapsPort != nil)
        #expect(server.isRunning)
        try server.deliver(Array("Subject: a\n\nbody\n".utf8), to: MailboxName("Café/Ünter"), flags: [.seen])
        let folder = server.folderPath(MailboxName("Café/Ünter"))
        #expect(folder.hasSuffix("/.Caf&AOk-.&ANw-nter"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/cur")
        #expect(files.count == 1)
        #expect(files.first?.hasSuffix(",S=17,W=20:2,S") == true)
        server.stop()
        #expect(!server.isRunning)
        #expect(!FileManager.default.fileExists(atPath: server.dataDirectory))
    }
}
