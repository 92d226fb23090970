using System.Runtime.CompilerServices;

namespace BadgeAdmin.Core.Performance;

/// <summary>
/// For methods that run once per token or item of a large file or listing. A cmdlet runs them once per process, too few
/// calls for tiered compilation to replace their quick first compilation before the work is done (a compare of a 1.5 MB
/// file ran three times slower in pwsh than the same code fully compiled), so they are compiled optimized at once.
/// </summary>
internal static class HotPath
{
    /// <summary>MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name (Windows PowerShell's JIT has no tiers).</summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
