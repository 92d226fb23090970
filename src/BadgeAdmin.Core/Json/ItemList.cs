using System.Collections.Generic;

namespace BadgeAdmin.Core.Json;

/// <summary>
/// A list of a model's parts (a badge's conditions, rewards, user badges…) whose text is its items' text joined by
/// "; ". <c>Export-Csv</c> writes a property's <see cref="ToString"/>, so a badge's Conditions cell reads
/// "points condition; badge condition" instead of a .NET type name; JSON and CLIXML still see a plain list.
/// </summary>
public sealed class ItemList<T> : List<T>
{
    public ItemList()
    {
    }

    public ItemList(IEnumerable<T> items) : base(items)
    {
    }

    public override string ToString() => string.Join("; ", this);
}
