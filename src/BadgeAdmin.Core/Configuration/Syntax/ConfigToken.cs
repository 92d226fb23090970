namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>What the current token of an <see cref="IConfigurationTokens"/> is.</summary>
public enum ConfigToken
{
    /// <summary>Before the first <see cref="IConfigurationTokens.Read"/>.</summary>
    None,
    StartObject,
    EndObject,
    StartArray,
    EndArray,
    PropertyName,
    Scalar,
}
