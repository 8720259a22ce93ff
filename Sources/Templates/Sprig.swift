/// Sprig 3.2.3's function library, as Helm ships it.
public enum Sprig {
    public static var table: FunctionTable {
        var t = FunctionTable()
        SprigStrings.register(&t)
        return t
    }
}
