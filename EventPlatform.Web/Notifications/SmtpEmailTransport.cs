using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace EventPlatform.Web.Notifications;

/// <summary>
/// Sends through an SMTP server with MailKit; one connection per message (the outbox batches are
/// small). Each send runs in a resilience pipeline: a timeout for the whole conversation and a
/// circuit breaker. There are no retries here — the outbox retries with backoff over two days —
/// but while the circuit is open the outbox stops its pass without spending an attempt, so a
/// server that is down costs one quick check per pass instead of a timeout per email.
/// </summary>
internal sealed class SmtpEmailTransport : IEmailTransport
{
    private readonly IOptions<SmtpOptions> _options;
    private readonly ResiliencePipeline _pipeline;

    public SmtpEmailTransport(IOptions<SmtpOptions> options, TimeProvider clock)
    {
        _options = options;
        var smtp = options.Value;
        // The breaker runs on the app's clock, so the outbox tests (fake clock) see it close again.
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Three sends within a minute of which at least half failed open it.
                FailureRatio = 0.5,
                MinimumThroughput = 3,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(smtp.CircuitBreakSeconds),
                // Not when the app is stopping (the caller cancelled); a conversation that ran out of time counts.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && !args.Context.CancellationToken.IsCancellationRequested && IsServerFault(ex)),
            })
            .Build();
    }

    public string Name => "smtp";

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.ExecuteAsync(async ct => await SendOnceAsync(message, ct), cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            // Not attempted at all: the outbox keeps the email as it was.
            throw new ProviderUnavailableException("SMTP", ex);
        }
    }

    private async Task SendOnceAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = _options.Value;
        var mime = MimeMessages.Create(message, smtp.FromName, smtp.FromAddress);
        // The whole conversation (connect, authenticate, send, quit) in wall-clock time; MailKit's own timeout bounds each step.
        using var conversation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        conversation.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds * 2));
        cancellationToken = conversation.Token;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>
    /// The server is down, slow or refusing everyone (counts toward opening the circuit); a
    /// permanent refusal of one message or recipient (5xx) is that email's problem, not the server's.
    /// </summary>
    private static bool IsServerFault(Exception ex) => ex switch
    {
        SmtpCommandException command => (int)command.StatusCode < 500,
        _ => true,
    };
}
