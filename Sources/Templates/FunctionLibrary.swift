/// The function sets a template can be created with.
public enum FunctionLibrary {
    /// text/template's built-ins only.
    public static let builtin: FunctionTable = Builtins.table

    /// What Helm gives chart templates: built-ins, Sprig (minus env/expandenv) and Helm's own functions.
    public static let helm: FunctionTable = {
        var table = Builtins.table
        table.merge(Sprig.table)
        table.merge(HelmFunctions.table)
        return table
    }()
}
