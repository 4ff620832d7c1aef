namespace EventPlatform.Core.Common;

/// <summary>
/// An outside service (the payment gateway, the SMTP server) is failing or too slow, or its
/// circuit breaker is open: the call was not made or gave up quickly. Nothing was changed on our
/// side, so the caller can say "briefly unavailable" and keep what it holds (places, emails).
/// </summary>
public sealed class ProviderUnavailableException(string provider, Exception? inner = null)
    : Exception($"{provider} is unavailable right now.", inner)
{
    public string Provider { get; } = provider;
}
