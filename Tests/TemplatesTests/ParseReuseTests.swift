import CapstanCore
import Templates
import Testing

/// Parsed trees are reused across sets (ParseCache); reuse must never change what a set does.
@Suite struct ParseReuseTests {
    func render(_ text: String, functions: FunctionTable, options: TemplateOptions = TemplateOptions()) throws -> String {
        let set = TemplateSet(functions: functions, options: options)
        try set.parse(name: "t", text: text)
        return try set.executeString(name: "t", data: Value.from(.object(["a": .int(1)])).concrete)
    }

    @Test func theSameSourceUnderOtherDelimitersParsesAgain() throws {
        let text = "{{.a}}<<.a>>"
        #expect(try render(text, functions: FunctionLibrary.builtin) == "1<<.a>>")
        let angled = TemplateOptions(leftDelim: "<<", rightDelim: ">>")
        #expect(try render(text, functions: FunctionLibrary.builtin, options: angled) == "{{.a}}1")
    }

    @Test func aSourceThatParsedWithHelmsFunctionsStillFailsWithoutThem() throws {
        let text = "{{ .a | toYaml }}"
        #expect(try render(text, functions: FunctionLibrary.helm) == "1")
        #expect(throws: TemplateError.self) { try render(text, functions: FunctionLibrary.builtin) }
    }

    @Test func aNamedTemplateIsNotServedForAnotherNameWithTheSameSource() throws {
        let set = TemplateSet(functions: FunctionLibrary.builtin)
        try set.parse(name: "first", text: "{{define \"x\"}}A{{end}}{{template \"x\"}}")
        try set.parse(name: "second", text: "{{define \"x\"}}A{{end}}{{template \"x\"}}")
        #expect(set.hasTemplate("first") && set.hasTemplate("second"))
        #expect(try set.executeString(name: "second", data: Value.from(.null).concrete) == "A")
    }
}
