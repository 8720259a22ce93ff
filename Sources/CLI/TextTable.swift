/// Rows printed as aligned columns under upper-case headers; one column may be cut to fit the
/// terminal (the last error), the others keep their full width.
public struct TextTable: Sendable {
    /// One cell: its text and the colour it is painted in on a colour terminal.
    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        public var text: String
        public var paint: Paint

        public init(_ text: String, paint: Paint = .none) {
            self.text = text
            self.paint = paint
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    public var headers: [String]
    public var rows: [[Cell]] = []
    /// The column shortened (with `…`) when the table is wider than the terminal.
    public var flexibleColumn: Int?
    /// Spaces between columns.
    public var gap = 3

    public init(headers: [String], flexibleColumn: Int? = nil) {
        self.headers = headers
        self.flexibleColumn = flexibleColumn
    }

    public mutating func append(_ row: [Cell]) { rows.append(row) }

    /// The table's lines, fitted to `terminal.width` when it has one.
    public func render(for terminal: Terminal) -> [String] {
        let widths = fittedWidths(limit: terminal.width)
        let header = line(headers.map { Cell($0, paint: .bold) }, widths: widths, colour: terminal.colour)
        return [header] + rows.map { line($0, widths: widths, colour: terminal.colour) }
    }

    func naturalWidths() -> [Int] {
        headers.indices.map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column].text : "" }).map(\.count).max() ?? 0
        }
    }

    func fittedWidths(limit: Int?) -> [Int] {
        var widths = naturalWidths()
        guard let limit, let flexible = flexibleColumn, flexible < widths.count else { return widths }
        let others = widths.enumerated().filter { $0.offset != flexible }.map(\.element).reduce(0, +)
        let available = limit - others - gap * (widths.count - 1)
        widths[flexible] = min(widths[flexible], max(available, headers[flexible].count, 8))
        return widths
    }

    private func line(_ cells: [Cell], widths: [Int], colour: Bool) -> String {
        var parts: [String] = []
        for (column, width) in widths.enumerated() {
            let cell = column < cells.count ? cells[column] : Cell("")
            let text = Self.truncate(cell.text, to: width)
            let padding = column == widths.count - 1 ? "" : String(repeating: " ", count: width - text.count)
            parts.append(cell.paint.apply(text, enabled: colour) + padding)
        }
        var result = parts.joined(separator: String(repeating: " ", count: gap))
        while result.last == " " { result.removeLast() }
        return result
    }

    /// `text` on one line, cut to `width` characters with `…` as the last one when it is longer.
    public static func truncate(_ text: String, to width: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > width else { return flat }
        guard width > 1 else { return String(flat.prefix(width)) }
        return flat.prefix(width - 1) + "…"
    }
}
