namespace BadgeAdmin.Sandbox;

/// <summary>Start-up settings of the sandbox, from the command line or from a test.</summary>
public sealed class SandboxOptions
{
    public const string DefaultPartnerPageKey = "sandbox-partnerpage";
    public const string DefaultSnagKey = "sandbox-snag";

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Loopback address to listen on (127.0.0.1 or ::1).</summary>
    public System.Net.IPAddress Address { get; set; } = System.Net.IPAddress.Loopback;

    public string PartnerPageKey { get; set; } = DefaultPartnerPageKey;

    public string SnagKey { get; set; } = DefaultSnagKey;

    /// <summary>Badges seeded on the Snag main website (default 2,500; benchmarks seed more).</summary>
    public int SnagBadges { get; set; } = Snag.SnagData.DefaultMainWebsiteBadges;

    /// <summary>Latency added to every emulated API request, to make round trips realistic for benchmarks.</summary>
    public int LatencyMs { get; set; }

    /// <summary>API requests a second each service admits before answering 429; 0 = no limit.</summary>
    public int RateLimit { get; set; }

    /// <summary>Requests admitted at once after a quiet spell; null = one second's worth of <see cref="RateLimit"/>.</summary>
    public int? RateLimitBurst { get; set; }

    /// <summary>What a 429 says about waiting: none, seconds (Retry-After) or retry-after-ms.</summary>
    public string RateLimitRetryAfter { get; set; } = Control.RateLimiter.NoRetryAfter;

    /// <summary>The most requests the request log keeps (the oldest are dropped beyond it).</summary>
    public int RequestLogSize { get; set; } = Control.RequestLog.DefaultCapacity;

    /// <summary>A file to write the listening address to once started (for scripts that start the sandbox).</summary>
    public string? AddressFile { get; set; }

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> naming a bad option.</summary>
    public static SandboxOptions Parse(string[] args)
    {
        var options = new SandboxOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {name} needs a value.");
            switch (name)
            {
                case "--urls":
                    options.ApplyUrl(Value());
                    break;
                case "--port":
                    options.Port = ParseInt(name, Value(), 0, 65535);
                    break;
                case "--partnerpage-key":
                    options.PartnerPageKey = NonEmpty(name, Value());
                    break;
                case "--snag-key":
                    options.SnagKey = NonEmpty(name, Value());
                    break;
                case "--latency-ms":
                    options.LatencyMs = ParseInt(name, Value(), 0, 60_000);
                    break;
                case "--snag-badges":
                    options.SnagBadges = ParseInt(name, Value(), 0, 1_000_000);
                    break;
                case "--rate-limit":
                    options.RateLimit = ParseInt(name, Value(), 0, 1_000_000);
                    break;
                case "--rate-limit-burst":
                    options.RateLimitBurst = ParseInt(name, Value(), 1, 1_000_000);
                    break;
                case "--rate-limit-retry-after":
                    var style = Value();
                    options.RateLimitRetryAfter = Control.RateLimiter.RetryAfterStyles.Contains(style)
                        ? style
                        : throw new ArgumentException($"Option {name} needs one of {string.Join(", ", Control.RateLimiter.RetryAfterStyles)}, not '{style}'.");
                    break;
                case "--request-log-size":
                    options.RequestLogSize = ParseInt(name, Value(), 1, 10_000_000);
                    break;
                case "--address-file":
                    options.AddressFile = NonEmpty(name, Value());
                    break;
                case "-h" or "--help":
                    throw new HelpRequestedException();
                default:
                    throw new ArgumentException($"Unknown option '{name}'. Run with --help for the options.");
            }
        }

        return options;
    }

    public const string Usage = """
        BadgeAdmin sandbox: emulates the PartnerPage and Snag APIs on loopback.
          --urls http://127.0.0.1:PORT   address to listen on (loopback only; port 0 picks a free port)
          --port PORT                    the same, port only
          --partnerpage-key KEY          key expected in Authorization (default sandbox-partnerpage)
          --snag-key KEY                 key expected in X-API-KEY (default sandbox-snag)
          --latency-ms N                 delay added to every API request
          --snag-badges N                badges seeded on the Snag main website (default 2500)
          --rate-limit N                 at most N API requests a second per service, then 429 (default 0: no limit)
          --rate-limit-burst N           requests admitted at once after a quiet spell (default: N of --rate-limit)
          --rate-limit-retry-after S     what a 429 says about waiting: none (default), seconds (Retry-After) or retry-after-ms
          --request-log-size N           requests the log keeps before dropping the oldest (default 100000)
          --address-file PATH            write the listening address to PATH once started
        Control routes: GET /_sandbox/seed, POST /_sandbox/reset, GET|DELETE /_sandbox/requests, GET /_sandbox/requests/summary, POST|GET|DELETE /_sandbox/faults, GET|POST /_sandbox/settings, POST /_sandbox/holders
        """;

    private void ApplyUrl(string url)
    {
        var first = url.Split(';')[0].Trim();
        if (!Uri.TryCreate(first.Replace("://*", "://invalid-wildcard").Replace("://+", "://invalid-wildcard"), UriKind.Absolute, out var uri) || uri.Scheme != "http")
        {
            throw new ArgumentException($"--urls '{url}' is not an http:// address.");
        }

        if (uri.IsLoopback && uri.Host == "localhost") Address = System.Net.IPAddress.Loopback;
        else if (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address)) Address = address;
        else throw new ArgumentException($"--urls '{url}': the sandbox listens on loopback only (127.0.0.1, [::1] or localhost).");
        Port = uri.Port;
    }

    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, out var n) && n >= min && n <= max ? n : throw new ArgumentException($"Option {name} needs a whole number from {min} to {max}, not '{value}'.");

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"Option {name} needs a non-empty value.") : value;
}

/// <summary>--help was asked for.</summary>
public sealed class HelpRequestedException : Exception
{
}
