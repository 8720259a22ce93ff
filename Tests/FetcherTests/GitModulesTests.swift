@testable import Fetcher
import Testing

@Suite struct GitModulesTests {
    static let text = """
    [submodule "lib"]
    \tpath = vendor/lib
    \turl = ../lib.git
    [submodule "charts"]
    \tpath = "charts/common/"
    \turl = https://git.example.com/org/charts.git
    [submodule "here"]
    \tpath = here
    \turl = ./sub/here.git
    """

    @Test func readsPathsAndResolvesRelativeURLsAgainstTheSource() {
        let modules = GitModules(Self.text)
        #expect(modules.url(for: "vendor/lib", parent: "https://git.example.com/org/app.git") == "https://git.example.com/org/lib.git")
        #expect(modules.url(for: "charts/common", parent: "/srv/app") == "https://git.example.com/org/charts.git")
        #expect(modules.url(for: "here", parent: "file:///srv/app/") == "file:///srv/app/sub/here.git")
        #expect(modules.url(for: "missing", parent: "/srv/app") == nil)
    }
}
