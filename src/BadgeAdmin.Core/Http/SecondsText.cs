using System;
using System.Globalization;

namespace BadgeAdmin.Core.Http;

/// <summary>How every message and warning states a duration: seconds to a tenth ("0.4 s", "12.8 s", "60 s").</summary>
internal static class SecondsText
{
    public static string Format(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
