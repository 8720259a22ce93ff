import Git
import Testing

@Suite struct RemoteURLTests {
    @Test func parsesEveryTransport() {
        #expect(RemoteURL("https://user:tok@git.example.com/org/repo.git") == RemoteURL.init("https://user@git.example.com:443/x"))
        #expect(RemoteURL("git@github.com:org/repo.git").transport == .ssh)
        #expect(RemoteURL("git@github.com:org/repo.git").user == "git")
        #expect(RemoteURL("ssh://git@127.0.0.1:2222/srv/repo.git").port == 2222)
        #expect(RemoteURL("git://127.0.0.1:9418/repo").transport == .git)
        #expect(RemoteURL("/srv/repo").transport == .local)
        #expect(RemoteURL("file:///srv/repo").transport == .local)
        #expect(RemoteURL("./relative/repo").transport == .local)
    }

    @Test func redactsPasswordsAndTokens() {
        #expect(RemoteURL.redact("https://bot:s3cr3t@git.example.com/org/repo.git") == "https://bot:***@git.example.com/org/repo.git")
        #expect(RemoteURL.redact("https://git.example.com/org/repo.git") == "https://git.example.com/org/repo.git")
        #expect(RemoteURL.redact("git@github.com:org/repo.git") == "git@github.com:org/repo.git")
    }
}
