import CapstanCore
import Testing

@testable import Renderer

@Suite struct SubstitutionTests {
    static let variables = [
        "CLUSTER": "prod", "EMPTY": "", "N": "3", "DEFAULT": "fallback", "UPPER": "ABC",
        "PATH_NAME": "/home/bozo/ideas/thoughts.for.today", "STRINGZ": "abcABC123ABCabc", "SLASHED": "foo/bar",
        "FILE": "bash.string.txt", "NESTED": "path/to/file",
    ]

    static let table: [(input: String, output: String)] = [
        ("${CLUSTER}", "prod"),
        ("x-${CLUSTER}-y", "x-prod-y"),
        ("${MISSING:=dev}", "dev"),
        ("${MISSING:-dev}", "dev"),
        ("${MISSING=dev}", "dev"),
        ("${EMPTY:=dev}", "dev"),
        ("${EMPTY:-dev}", "dev"),
        ("${EMPTY=dev}", "dev"),
        ("${CLUSTER:=dev}", "prod"),
        ("${MISSING:=${DEFAULT}}", "fallback"),
        ("${MISSING:=pre-${CLUSTER}-post}", "pre-prod-post"),
        ("$${CLUSTER}", "${CLUSTER}"),
        ("$$", "$"),
        ("$CLUSTER", "$CLUSTER"),
        ("price $5", "price $5"),
        ("a}b", "a}b"),
        ("${#CLUSTER}", "4"),
        ("${CLUSTER^}", "Prod"),
        ("${CLUSTER^^}", "PROD"),
        ("${UPPER,}", "aBC"),
        ("${UPPER,,}", "abc"),
        ("${PATH_NAME:11}", "ideas/thoughts.for.today"),
        ("${PATH_NAME:11:5}", "ideas"),
        ("${STRINGZ/abc/xyz}", "xyzABC123ABCabc"),
        ("${STRINGZ//abc/xyz}", "xyzABC123ABCxyz"),
        ("${STRINGZ/#abc/XYZ}", "XYZABC123ABCabc"),
        ("${STRINGZ/%abc/XYZ}", "abcABC123ABCXYZ"),
        ("${SLASHED/\\//-}", "foo-bar"),
        ("${FILE#*.}", "string.txt"),
        ("${FILE##*.}", "txt"),
        ("${FILE%.*}", "bash.string"),
        ("${FILE%%.*}", "bash"),
        ("${NESTED#*/}", "to/file"),
        ("${NESTED##*/}", "file"),
    ]

    @Test(arguments: table) func expandsLikeFlux(_ row: (input: String, output: String)) throws {
        let output = try VariableExpander(variables: Self.variables).expand(Array(row.input.utf8))
        #expect(String(decoding: output, as: UTF8.self) == row.output)
    }

    @Test func missingVariableWithoutDefaultNamesTheObject() throws {
        let object: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "shop"], "spec": ["x": "${NOPE}"]]
        let error = #expect(throws: RenderError.self) {
            try PostBuildSubstitution(variables: ["A": "1"]).apply(to: [object])
        }
        #expect(error?.kind == .substitution)
        #expect(error?.location == "Deployment/shop/web")
        #expect(error?.reason == "variable 'NOPE' is not set")
    }

    @Test func substitutedNumbersBecomeNumbersAsInFlux() throws {
        let object: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"], "spec": ["replicas": "${N}"]]
        let result = try PostBuildSubstitution(variables: Self.variables).apply(to: [object])
        #expect(result[0].value(at: ["spec", "replicas"]) == .int(3))
    }

    @Test(arguments: ["annotations", "labels"]) func disabledObjectsAreLeftAlone(_ field: String) throws {
        let object: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": "x", .init(stringLiteral: field): [PostBuildSubstitution.disableKey: "disabled"]],
            "data": ["script": "echo ${HOME} $${X}"],
        ]
        #expect(try PostBuildSubstitution(variables: ["A": "1"]).apply(to: [object]) == [object])
    }

    @Test func noVariablesMeansNoSubstitution() throws {
        let object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "x"], "data": ["a": "${MISSING}"]]
        #expect(try PostBuildSubstitution(variables: [:]).apply(to: [object]) == [object])
    }

    @Test func invalidVariableNameIsRefused() throws {
        let error = #expect(throws: RenderError.self) { try PostBuildSubstitution(variables: ["1X": "a"]).apply(to: []) }
        #expect(error?.reason == "'1X' is not a valid variable name")
    }

    @Test func unterminatedAndUnsupportedExpressionsFail() throws {
        let expander = VariableExpander(variables: Self.variables)
        #expect(throws: VariableExpander.Problem.unterminated) { try expander.expand(Array("${CLUSTER".utf8)) }
        #expect(throws: VariableExpander.Problem.missing("NOPE")) { try expander.expand(Array("${NOPE^^}".utf8)) }
        #expect(throws: VariableExpander.Problem.missing("NOPE")) { try expander.expand(Array("${#NOPE}".utf8)) }
        #expect(throws: VariableExpander.Problem.unsupported("${MISSING-dev}")) { try expander.expand(Array("${MISSING-dev}".utf8)) }
    }

    @Test func renderAppliesSubstitutionToPlainDirectories() throws {
        let tree = try TreeFixture(["m.yaml": configMap("app-${CLUSTER}", data: "env: ${ENV:=staging}")])
        let bundle = try Renderer().render(RenderRequest(root: tree.root, substitute: ["CLUSTER": "prod"]))
        #expect(bundle.yaml == "apiVersion: v1\ndata:\n  env: staging\nkind: ConfigMap\nmetadata:\n  name: app-prod\n")
    }
}
