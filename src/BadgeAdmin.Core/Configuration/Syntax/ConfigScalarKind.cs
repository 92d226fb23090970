namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>What a scalar is: JSON's and YAML's (core schema) kinds of plain values.</summary>
public enum ConfigScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
