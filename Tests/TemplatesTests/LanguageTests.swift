import CapstanCore
import Templates
import Testing

/// Behaviour beyond the Go 1.19 corpus: what current Helm (Go ≥ 1.23) accepts, and the public API.
@Suite struct LanguageTests {
    func render(_ text: String, _ data: JSONValue = .null, helm: Bool = true) throws -> String {
        let set = TemplateSet(functions: helm ? FunctionLibrary.helm : FunctionLibrary.builtin)
        try set.parse(name: "t", text: text)
        return try set.executeString(name: "t", data: Value.from(data).concrete)
    }

    @Test func rangeOverAnIntegerCountsFromZero() throws {
        #expect(try render("{{range 3}}{{.}}{{end}}|{{range $i := 2}}{{$i}}{{end}}|{{range 0}}x{{else}}none{{end}}") == "012|01|none")
    }

    @Test func elseWithChainsLikeElseIf() throws {
        let text = "{{with .a}}a={{.}}{{else with .b}}b={{.}}{{else}}neither{{end}}"
        #expect(try render(text, ["b": 2]) == "b=2")
        #expect(try render(text, [:]) == "neither")
    }

    @Test func mapsAreSharedReferencesLikeGoMaps() throws {
        #expect(try render("{{$d := dict}}{{$_ := set $d \"k\" \"v\"}}{{$d.k}}") == "v")
    }

    @Test func rangeOverAMapReadsEachValueWhenItsTurnComes() throws {
        // Go sorts the keys first and looks each value up as it goes, so a `set` in the body shows.
        let text = "{{$m := dict \"a\" 1 \"b\" 2 \"c\" 3}}{{range $k, $v := $m}}{{$_ := set $m \"c\" 9}}{{$k}}={{$v}} {{end}}"
        #expect(try render(text) == "a=1 b=2 c=9 ")
        #expect(try render("{{$m := dict \"x\" 1 \"y\" 2}}{{range $m}}{{.}}{{end}}{{range $m}}{{.}}{{end}}") == "1212")
    }

    @Test func wholeFloatsPrintLikeGoV() throws {
        #expect(try render("{{80.0}} {{999999.0}} {{1000000.0}} {{-5.0}} {{0.5}} {{1e6}} {{0.0}}") == "80 999999 1e+06 -5 0.5 1e+06 0")
        #expect(try render("{{.a}} {{.b}} {{.c}}", ["a": .double(-0.0), "b": .double(123456), "c": .double(-999999)]) == "-0 123456 -999999")
    }

    @Test func printfPlainVerbsAndEverythingElse() throws {
        // The byte fast path (plain %v/%s/%q of strings, %v/%d of ints) and what must fall back.
        #expect(try render(#"{{printf "%v-%s|%q|%d/%v" "a" "é" "x\"y" 42 -7}}"#) == #"a-é|"x\"y"|42/-7"#)
        #expect(try render(#"{{printf "%v %v" "a"}}|{{printf "%v" "a" "b"}}|{{printf "100%%"}}|{{printf "%5s|%-3d|" "ab" 1}}"#)
            == #"a %!v(MISSING)|a%!(EXTRA string=b)|100%|   ab|1  |"#)
        #expect(try render(#"{{printf "%d" "s"}}|{{printf "%q" 3}}|{{printf "%v" 1.5}}|{{printf "end%"}}"#) == #"%!d(string=s)|'\x03'|1.5|end%!(NOVERB)"#)
    }

    @Test func parseErrorsNameTheTemplateAndLine() {
        #expect(throws: TemplateError.self) { try render("line1\n{{ .a ") }
        do {
            _ = try render("line1\n{{ .a ")
        } catch let error as TemplateError {
            #expect(error.phase == .parse)
            #expect(error.message == "template: t:2: unclosed action")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func execErrorsNameTemplateLineAndColumn() {
        do {
            _ = try render("x\n  {{index .l 5}}", ["l": [1]])
            Issue.record("expected an error")
        } catch let error as TemplateError {
            #expect(error.phase == .exec)
            #expect(error.message == "template: t:2:4: executing \"t\" at <index .l 5>: error calling index: index out of range: 5")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func includeRecursionStopsWithHelmsError() {
        do {
            _ = try render("{{define \"r\"}}{{include \"r\" .}}{{end}}{{include \"r\" .}}")
            Issue.record("expected an error")
        } catch let error as TemplateError {
            #expect(error.message.hasSuffix("rendering template has a nested reference name: r: unable to execute template"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func goTemplateRunAppliesHelmMode() throws {
        var run = GoTemplateRun()
        run.mode = .helm
        let out = try run.run(template: Array("[{{.missing}}]{{required \"x\" .y}}".utf8), data: Array("{\"y\":1}".utf8))
        #expect(String(decoding: out, as: UTF8.self) == "[]1")
    }
}

extension LanguageTests {
    @Test func regexFlagsAndNamedGroupsAreNotSyntaxErrors() throws {
        #expect(try render(#"{{regexMatch "(?i)^ab+c$" "ABBC"}} {{regexReplaceAll "(?P<x>a)(b)" "ab" "${x}-$2"}}"#) == "true a-b")
    }
}

extension LanguageTests {
    @Test func outputStopsAtTheConfiguredBound() throws {
        let set = TemplateSet(functions: FunctionLibrary.helm, options: TemplateOptions(maxDepth: 100))
        set.options.maxOutputBytes = 1000
        try set.parse(name: "t", text: "{{range until 200}}0123456789{{end}}")
        #expect(throws: TemplateError.self) { try set.execute(name: "t", data: .missing) }
    }

    @Test func hostileSizesFailInsteadOfExhaustingMemory() {
        #expect(throws: TemplateError.self) { try render(#"{{repeat 1000000000 "xx"}}"#) }
        #expect(throws: TemplateError.self) { try render("{{range until 100000000000}}{{end}}") }
        #expect(throws: TemplateError.self) { try render(#"{{nindent 2000000000 "x"}}"#) }
        #expect((try? render("{{div -9223372036854775807 -1}}")) == "9223372036854775807")
    }
}
