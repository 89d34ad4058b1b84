#if canImport(Glibc)
import Glibc
#endif
import MailModel
import Testing

@Suite struct ProcessEnvironmentTests {
    @Test func setUnsetAndEmpty() {
        let name = "CAIRN_TEST_ENVIRONMENT_\(getpid())"
        defer { unsetenv(name) }
        #expect(ProcessEnvironment.value(name) == nil)
        setenv(name, "/tmp/a b/é", 1)
        #expect(ProcessEnvironment.value(name) == "/tmp/a b/é")
        setenv(name, "", 1)
        #expect(ProcessEnvironment.value(name) == nil, "empty counts as unset, as the CLI's fallbacks want")
    }
}
