import CapstanCore
import Testing

/// One bad config and the exact report it must produce.
struct BadConfig: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: String

    var testDescription: String { name }
}

@Suite struct ConfigErrorTests {
    static let source = "sources: [{name: s, url: /s}]\n"

    static let cases: [BadConfig] = [
        BadConfig(
            name: "unknown top-level field", text: "sorces: []\n",
            expected: "c.yaml:1:1: sorces: unknown field (known fields: sources, apps, stages, limits)"),
        BadConfig(
            name: "unknown source field", text: "sources:\n  - name: s\n    url: /s\n    branch: main\n",
            expected: "c.yaml:4:5: sources[0].branch: unknown field (known fields: name, url, ref, interval, timeout, secretRef, ignore, webhookSecret, includeSubmodules)"),
        BadConfig(
            name: "list written as a mapping", text: "sources: {name: s}\n",
            expected: "c.yaml:1:10: sources: must be a list, not a mapping"),
        BadConfig(
            name: "missing required fields", text: "sources:\n  - url: /s\napps:\n  - name: a\n",
            expected: "c.yaml:2:5: sources[0].name: required field is missing\nc.yaml:4:5: apps[0].source: required field is missing"),
        BadConfig(
            name: "interval with an unknown unit", text: "sources:\n  - {name: s, url: /s, interval: 5x}\n",
            expected: "c.yaml:2:34: sources[0].interval: invalid duration \"5x\": unknown unit \"x\" (use ns, us, ms, s, m or h, as in 1m30s)"),
        BadConfig(
            name: "interval without a unit", text: source + "apps: [{name: a, source: s, timeout: 10}]\n",
            expected: "c.yaml:2:38: apps[0].timeout: invalid duration \"10\": a missing unit (use ns, us, ms, s, m or h, as in 1m30s)"),
        BadConfig(
            name: "zero interval", text: "sources: [{name: s, url: /s, interval: 0s}]\n",
            expected: "c.yaml:1:40: sources[0].interval: must be longer than zero"),
        BadConfig(
            name: "ref naming no kind", text: "sources:\n  - name: s\n    url: /s\n    ref: {}\n",
            expected: "c.yaml:4:10: sources[0].ref: name exactly one of branch, tag, semver or commit"),
        BadConfig(
            name: "ref naming two kinds", text: "sources:\n  - name: s\n    url: /s\n    ref: {branch: main, tag: v1}\n",
            expected: "c.yaml:4:10: sources[0].ref: names branch and tag; name exactly one of branch, tag, semver or commit"),
        BadConfig(
            name: "bad semver range", text: "sources:\n  - name: s\n    url: /s\n    ref: {semver: \">=1.x.y.z\"}\n",
            expected: "c.yaml:4:19: sources[0].ref.semver: invalid semver range \">=1.x.y.z\": \"1.x.y.z\" is not a version like 1, 1.2, 1.2.3 or 1.2.x"),
        BadConfig(
            name: "short commit sha", text: "sources:\n  - name: s\n    url: /s\n    ref: {commit: abc123}\n",
            expected: "c.yaml:4:19: sources[0].ref.commit: \"abc123\" is not a commit id: write the full 40-hex-digit sha"),
        BadConfig(
            name: "name that is not a DNS label", text: "sources: [{name: Web_1, url: /s}]\n",
            expected: "c.yaml:1:18: sources[0].name: \"Web_1\" is not a valid name: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit"),
        BadConfig(
            name: "unsupported url", text: "sources: [{name: s, url: \"ftp://x/y\"}]\n",
            expected: "c.yaml:1:26: sources[0].url: unsupported git URL \"ftp://x/y\": use https://, http://, ssh://, git://, file://, user@host:path or a local path"),
        BadConfig(
            name: "duplicate source names", text: "sources:\n  - {name: s, url: /a}\n  - {name: s, url: /b}\n",
            expected: "c.yaml:3:12: sources[1].name: duplicate source name \"s\" (first defined at line 2)"),
        BadConfig(
            name: "duplicate app names", text: source + "apps:\n  - {name: a, source: s}\n  - {name: a, source: s}\n",
            expected: "c.yaml:4:12: apps[1].name: duplicate app name \"a\" (first defined at line 3)"),
        BadConfig(
            name: "app naming an unknown source", text: source + "apps:\n  - {name: a, source: platfrom}\n",
            expected: "c.yaml:3:23: apps[0].source: unknown source \"platfrom\" (sources: s)"),
        BadConfig(
            name: "dependsOn an unknown app", text: source + "apps:\n  - {name: a, source: s, dependsOn: [infra]}\n",
            expected: "c.yaml:3:38: apps[0].dependsOn[0]: unknown app \"infra\""),
        BadConfig(
            name: "dependsOn cycle",
            text: source + "apps:\n  - {name: a, source: s, dependsOn: [b]}\n  - {name: b, source: s, dependsOn: [c]}\n  - {name: c, source: s, dependsOn: [a]}\n",
            expected: "c.yaml:3:38: apps[0].dependsOn[0]: dependency cycle: a -> b -> c -> a"),
        BadConfig(
            name: "app depending on itself", text: source + "apps:\n  - {name: a, source: s, dependsOn: [a]}\n",
            expected: "c.yaml:3:38: apps[0].dependsOn[0]: dependency cycle: a -> a"),
        BadConfig(
            name: "yes is not a boolean", text: source + "apps: [{name: a, source: s, prune: yes}]\n",
            expected: "c.yaml:2:36: apps[0].prune: must be true or false"),
        BadConfig(
            name: "path leaving the source", text: source + "apps: [{name: a, source: s, path: ../other}]\n",
            expected: "c.yaml:2:35: apps[0].path: \"../other\" leaves the source's root"),
        BadConfig(
            name: "substitution variable with a dash", text: source + "apps: [{name: a, source: s, substitute: {my-var: x}}]\n",
            expected: "c.yaml:2:42: apps[0].substitute.my-var: \"my-var\" is not a valid variable name: use letters, digits and '_', not starting with a digit"),
        BadConfig(
            name: "field of another stage", text: "stages:\n  fetcher: {kubeconfig: /k}\n",
            expected: "c.yaml:2:13: stages.fetcher.kubeconfig: unknown field (known fields: pub, router, http, data, insecure, concurrency, curve, shards, keepArtifacts)"),
        BadConfig(
            name: "bad endpoint", text: "stages:\n  renderer: {pub: \"fetcher:7411\"}\n",
            expected: "c.yaml:2:19: stages.renderer.pub: \"fetcher:7411\" is not a ZeroMQ endpoint: write it like tcp://fetcher:7401"),
        BadConfig(
            name: "bad CURVE key", text: "stages:\n  applier:\n    curve: {serverSecretKeyFile: /k, serverPublicKeyFile: /p, allowedClientKeys: [short]}\n",
            expected: "c.yaml:3:83: stages.applier.curve.allowedClientKeys[0]: \"short\" is not a CURVE public key: expected 40 characters of Z85 text (see capstan keygen)"),
        BadConfig(
            name: "bad size", text: "limits: {artifactBytes: 12Q}\n",
            expected: "c.yaml:1:25: limits.artifactBytes: must be a positive size in bytes, like 1048576, 512Ki, 16Mi or 1Gi"),
        BadConfig(
            name: "root that is not a mapping", text: "- sources\n",
            expected: "c.yaml:1:1: must be a mapping, not a list"),
        BadConfig(
            name: "two documents", text: source + "---\napps: []\n",
            expected: "c.yaml:2:1: the config must be a single YAML document"),
        BadConfig(
            name: "YAML syntax error", text: "sources: a: b\n",
            expected: "c.yaml:1:11: mapping values are not allowed in this context"),
        BadConfig(
            name: "duplicate YAML key", text: "sources: []\napps: []\nsources: []\n",
            expected: "c.yaml:3:1: mapping key \"sources\" already defined at line 1"),
        BadConfig(
            name: "every mistake at once, in file order",
            text: """
                sources:
                  - {name: s, url: /s, interval: 5x}
                  - {name: s, url: /t, ref: {tag: v1, commit: abc}}
                apps:
                  - {name: a, source: nope, wait: maybe, dependsOn: [ghost]}
                stages: {fetcher: {pub: x}}

                """,
            expected: """
                c.yaml:2:34: sources[0].interval: invalid duration "5x": unknown unit "x" (use ns, us, ms, s, m or h, as in 1m30s)
                c.yaml:3:12: sources[1].name: duplicate source name "s" (first defined at line 2)
                c.yaml:3:29: sources[1].ref: names tag and commit; name exactly one of branch, tag, semver or commit
                c.yaml:5:23: apps[0].source: unknown source "nope" (sources: s)
                c.yaml:5:35: apps[0].wait: must be true or false
                c.yaml:5:54: apps[0].dependsOn[0]: unknown app "ghost"
                c.yaml:6:25: stages.fetcher.pub: "x" is not a ZeroMQ endpoint: write it like tcp://fetcher:7401
                """),
    ]

    @Test(arguments: cases)
    func reportsEachMistakeWithFileLineColumnAndField(_ bad: BadConfig) {
        do {
            let config = try CapstanConfig.decode(bad.text, file: "c.yaml")
            Issue.record("decoded without error: \(config)")
        } catch {
            #expect(error.description == bad.expected)
        }
    }
}
