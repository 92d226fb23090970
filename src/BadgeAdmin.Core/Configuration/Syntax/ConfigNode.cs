namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// A value of a configuration document built in memory to be written (an export): an object, a list or a scalar.
/// Files are read as tokens (<see cref="IConfigurationTokens"/>), never into nodes.
/// </summary>
public abstract class ConfigNode
{
}
