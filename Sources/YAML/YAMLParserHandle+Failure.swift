import CYAML

extension YAMLParserHandle {
    /// libyaml's error after a failed `yaml_parser_parse`, read at once from the parser.
    func failure() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "libyaml reported an unknown error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(file: file, line: 1, column: 1, reason: "libyaml ran out of memory")
        case YAML_READER_ERROR:
            return readerFailure(problem: problem, offset: state.problem_offset, value: state.problem_value)
        default:
            let mark = Self.mark(state.problem_mark)
            return YAMLError(file: file, line: mark.line, column: mark.column, reason: reason(problem, state))
        }
    }

    private func reason(_ problem: String, _ state: yaml_parser_t) -> String {
        guard let context = state.context.map({ String(cString: $0) }) else { return problem }
        let mark = Self.mark(state.context_mark)
        return "\(problem) (\(context) at line \(mark.line), column \(mark.column))"
    }

    /// Encoding errors come with a byte offset rather than a mark: find its line and column.
    private func readerFailure(problem: String, offset: Int, value: Int32) -> YAMLError {
        var line = 1
        var lineStart = 0
        let end = min(offset, input.count)
        for index in 0..<end where input[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = end - lineStart + 1
        var reason = "\(problem) at byte offset \(offset)"
        if value >= 0 { reason += " (value 0x\(String(value, radix: 16, uppercase: true)))" }
        return YAMLError(file: file, line: line, column: column, reason: reason)
    }
}
