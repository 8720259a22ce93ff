// The text forms Go's parse nodes print with String(), used in error contexts (`at <…>`).

extension ArgNode: CustomStringConvertible {
    var description: String {
        switch self {
        case .field(_, let idents): return idents.map { "." + $0 }.joined()
        case .variable(_, let idents): return idents.joined(separator: ".")
        case .dot: return "."
        case .nilLiteral: return "nil"
        case .bool(_, let value): return value ? "true" : "false"
        case .number(let node): return node.text
        case .string(_, let quoted, _): return quoted
        case .identifier(_, let name): return name
        case .pipe(let pipe): return "(" + pipe.description + ")"
        case .chain(_, let node, let fields):
            var text: String
            if case .pipe(let pipe) = node { text = "(" + pipe.description + ")" } else { text = node.description }
            for field in fields { text += "." + field }
            return text
        }
    }
}

extension CommandNode: CustomStringConvertible {
    var description: String {
        args.map { arg in
            if case .pipe(let pipe) = arg { return "(" + pipe.description + ")" }
            return arg.description
        }.joined(separator: " ")
    }
}

extension PipeNode: CustomStringConvertible {
    var description: String {
        var text = ""
        if !decl.isEmpty {
            text = decl.joined(separator: ", ") + " := "
        }
        return text + cmds.map(\.description).joined(separator: " | ")
    }
}

extension Node: CustomStringConvertible {
    var description: String {
        switch self {
        case .text(let bytes): return GoQuote.quote(String(decoding: bytes, as: UTF8.self))
        case .action(_, _, let pipe): return "{{" + pipe.description + "}}"
        case .ifNode(let branch): return branchText("if", branch)
        case .rangeNode(let branch): return branchText("range", branch)
        case .withNode(let branch): return branchText("with", branch)
        case .template(let call):
            if let pipe = call.pipe { return "{{template \(GoQuote.quote(call.name)) \(pipe)}}" }
            return "{{template \(GoQuote.quote(call.name))}}"
        case .breakNode: return "{{break}}"
        case .continueNode: return "{{continue}}"
        }
    }

    private func branchText(_ name: String, _ branch: BranchNode) -> String {
        var text = "{{\(name) \(branch.pipe)}}" + branch.list.map(\.description).joined()
        if let elseList = branch.elseList { text += "{{else}}" + elseList.map(\.description).joined() }
        return text + "{{end}}"
    }
}
