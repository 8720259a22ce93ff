/// How a scalar was written, so consumers can tell `"123"` (a string) from `123` (a number).
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}
