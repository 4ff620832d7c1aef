using EventPlatform.Core.Common;

namespace EventPlatform.Data.Payments.Simulated;

/// <param name="DisputedLater">The payment succeeds, then the card holder's bank disputes it (Stripe's 4000 0000 0000 0259).</param>
/// <param name="RefundsFailLater">The payment succeeds; a refund of it is accepted, then fails (Stripe's 4000 0000 0000 5126).</param>
public sealed record SimulatedCardOutcome(bool Succeeded, string? DeclineCode, string? Message, bool DisputedLater = false,
    bool RefundsFailLater = false);

/// <summary>A card as typed into the demo payment form.</summary>
public sealed record SimulatedCard(string? Number, string? Expiry, string? Cvc);

/// <summary>
/// Stripe's test cards, behaving as they do in Stripe's test mode: 4242… succeeds,
/// 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient funds, 4000 0000 0000 0259
/// succeeds and is then disputed, 4000 0000 0000 5126 succeeds but its refunds fail. Other valid
/// numbers are declined with a hint, as Stripe's test mode refuses real cards.
/// </summary>
public static class SimulatedCards
{
    public const string Success = "4242424242424242";
    public const string Declined = "4000000000000002";
    public const string InsufficientFunds = "4000000000009995";
    public const string Disputed = "4000000000000259";
    public const string RefundFails = "4000000000005126";

    public static IReadOnlyList<ValidationFailure> Validate(SimulatedCard card, DateTimeOffset now)
    {
        var errors = new List<ValidationFailure>();
        var digits = Digits(card.Number);
        if (digits.Length is < 13 or > 19 || !PassesLuhn(digits))
        {
            errors.Add(new(nameof(card.Number), UserMessages.CardNumberInvalid));
        }

        if (!TryParseExpiry(card.Expiry, out var year, out var month) || year < now.Year || (year == now.Year && month < now.Month))
        {
            errors.Add(new(nameof(card.Expiry), UserMessages.CardExpiryInvalid));
        }

        var cvc = card.Cvc?.Trim() ?? "";
        if (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit))
        {
            errors.Add(new(nameof(card.Cvc), UserMessages.CardCvcInvalid));
        }

        return errors;
    }

    public static SimulatedCardOutcome Outcome(string? number) => Digits(number) switch
    {
        Success => new(true, null, null),
        Disputed => new(true, null, null, DisputedLater: true),
        RefundFails => new(true, null, null, RefundsFailLater: true),
        Declined => new(false, "card_declined", "Your card was declined."),
        InsufficientFunds => new(false, "insufficient_funds", "Your card has insufficient funds."),
        _ => new(false, "card_declined", "Your card was declined. In demo mode, use the test card 4242 4242 4242 4242."),
    };

    private static string Digits(string? number) => new((number ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    private static bool PassesLuhn(string digits)
    {
        if (!digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool TryParseExpiry(string? value, out int year, out int month)
    {
        year = month = 0;
        var parts = (value ?? "").Replace(" ", "", StringComparison.Ordinal).Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out month) || !int.TryParse(parts[1], out var yy) || month is < 1 or > 12)
        {
            return false;
        }

        year = yy < 100 ? 2000 + yy : yy;
        return true;
    }
}
