import Foundation

/// `capstan status` as a table: APP, SOURCE REVISION, PHASE, OBJECTS, DRIFT, LAST ERROR, AGE.
public enum StatusTable {
    public static func table(_ rows: [AppRow], now: Date = Date()) -> TextTable {
        var table = TextTable(headers: ["APP", "SOURCE REVISION", "PHASE", "OBJECTS", "DRIFT", "LAST ERROR", "AGE"], flexibleColumn: 5)
        for row in rows {
            let revision = row.revision.map { "\(row.source.map { "\($0) " } ?? "")\(ShortNames.revision($0))" } ?? "-"
            table.append([
                TextTable.Cell(row.app), TextTable.Cell(revision), TextTable.Cell(row.phase, paint: Paint.phase(row.phase)),
                TextTable.Cell(row.objects.map(String.init) ?? "-"), TextTable.Cell(row.driftCorrections.map(String.init) ?? "-"),
                TextTable.Cell(row.error ?? "-", paint: row.error == nil ? .none : .red),
                TextTable.Cell(AgeFormatter.age(of: row.updatedAt, now: now)),
            ])
        }
        return table
    }
}
