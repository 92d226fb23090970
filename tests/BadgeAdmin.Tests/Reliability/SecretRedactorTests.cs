using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>The redactor on its own: every computable form of the key, any casing, pieces cut at an excerpt's edge, exception chains.</summary>
public sealed class SecretRedactorTests
{
    private const string Key = "sk_live+Canary/Key=0123456789";
    private readonly SecretRedactor _redactor = new(Key);

    [Theory]
    [InlineData("key sk_live+Canary/Key=0123456789 echoed", "key *** echoed")]
    [InlineData("key SK_LIVE+CANARY/KEY=0123456789 echoed", "key *** echoed")]
    [InlineData("?k=sk_live%2BCanary%2FKey%3D0123456789&x", "?k=***&x")]
    [InlineData("?k=sk_live%2bcanary%2fkey%3d0123456789&x", "?k=***&x")]
    [InlineData("{\"k\":\"sk_live\\u002BCanary/Key=0123456789\"}", "{\"k\":\"***\"}")]
    [InlineData("{\"k\":\"sk_live\\u002bCanary\\/Key=0123456789\"}", "{\"k\":\"***\"}")]
    [InlineData("<p>…AAAAsk_live+Can…", "<p>…AAAA***…")]
    [InlineData("cut at the end: sk_li", "cut at the end: ***")]
    [InlineData("y=0123456789 and a start cut", "*** and a start cut")]
    [InlineData("ordinary text, no key", "ordinary text, no key")]
    [InlineData("Location: /?k=sk_live%5Cu002BCanary%5C/Key=0123456789", "Location: /?k=***")]
    [InlineData("<a href=\"?k=sk_live&#43;Canary&#x2F;Key&#61;0123456789&amp;x\">", "<a href=\"?k=***&amp;x\">")]
    public void Every_form_of_the_key_is_masked(string text, string expected) => Assert.Equal(expected, _redactor.Redact(text));

    [Fact]
    public void A_redacted_exception_chain_keeps_each_type_name_and_no_key()
    {
        Exception original;
        try
        {
            throw new InvalidOperationException("outer " + Key, new FormatException("inner " + Uri.EscapeDataString(Key)));
        }
        catch (Exception ex)
        {
            original = ex;
        }

        var redacted = _redactor.RedactChain(original)!;

        Assert.DoesNotContain("Canary", redacted.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("System.InvalidOperationException", redacted.Message);
        Assert.Contains("System.FormatException", redacted.InnerException!.Message);
        Assert.Contains(nameof(A_redacted_exception_chain_keeps_each_type_name_and_no_key), redacted.StackTrace);
    }
}
