using System.Diagnostics.Metrics;

namespace EventPlatform.Core.Common;

/// <summary>
/// The product's own counters, on the <c>EventPlatform</c> meter (System.Diagnostics.Metrics, so
/// Core stays free of any exporter): the web host exports them with ASP.NET Core's own meters on
/// <c>/metrics</c>. Each is counted after its transaction committed, so a rolled-back attempt is
/// never counted as done. Tag values are a small fixed set (never ids or emails).
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "EventPlatform";

    private readonly Counter<long> _holds;
    private readonly Counter<long> _purchases;
    private readonly Counter<long> _paymentEvents;
    private readonly Counter<long> _paymentStarts;
    private readonly Counter<long> _emails;

    public AppMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _holds = meter.CreateCounter<long>("eventplatform.holds", "{hold}",
            "Hold attempts by outcome: placed, refused (sold out, limits, bad input) or busy (try again).");
        _purchases = meter.CreateCounter<long>("eventplatform.purchases", "{order}",
            "Orders confirmed, by how they were paid: gateway, free or offline.");
        _paymentEvents = meter.CreateCounter<long>("eventplatform.payment.events", "{event}",
            "Payment reports (webhooks, reconciliation, return page) by kind and result: applied, duplicate, ignored or busy.");
        _paymentStarts = meter.CreateCounter<long>("eventplatform.payment.starts", "{attempt}",
            "Checkout's Pay by outcome: started, unavailable (the gateway's circuit is open or it does not answer) or failed.");
        _emails = meter.CreateCounter<long>("eventplatform.emails", "{email}",
            "Outbox send attempts by outcome: sent, retry (will be tried again), failed (given up after two days) " +
            "or paused (the mail server's circuit is open).");
    }

    public void Hold(string outcome) => _holds.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Purchase(string via) => _purchases.Add(1, new KeyValuePair<string, object?>("via", via));

    public void PaymentEvent(string kind, string result) =>
        _paymentEvents.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("result", result));

    public void PaymentStart(string outcome) => _paymentStarts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Email(string outcome) => _emails.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
