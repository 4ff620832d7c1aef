using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Coupons;
using EventPlatform.Core.Ordering.Holds;

namespace EventPlatform.Core.Ordering.Checkout;

public sealed record AttendeeDetails(Guid TicketId, string? Name, string? Email, IReadOnlyDictionary<string, string?> Answers);

public sealed record CheckoutDetails(string? BuyerEmail, string? BuyerName, IReadOnlyList<AttendeeDetails> Attendees);

/// <summary>
/// Step 3 of buying: the buyer's email and, per ticket, the attendee and the answers to the
/// event's questions. Field names of errors: <c>BuyerEmail</c>, <c>{ticketId}.Name</c>,
/// <c>{ticketId}.Email</c>, <c>{ticketId}.{questionId}</c>.
/// </summary>
public sealed class SaveCheckoutDetails(IAppDbContextFactory dbFactory, EventDefinitions definitions, AuditTrail audit, TimeProvider clock)
{
    public async Task<CommandResult<bool>> ExecuteAsync(string accessKey, CheckoutDetails details, CancellationToken ct = default)
    {
        if (!OrderViews.IsPlausibleKey(accessKey))
        {
            throw new NotFoundException();
        }

        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
        var order = await db.Locks.OrderByKeyAsync(accessKey, ct) ?? throw new NotFoundException();
        var questions = (await definitions.GetAsync(db, order.EventId, ct))?.Questions ?? [];
        var now = clock.GetUtcNow();
        if (order.Status != OrderStatus.Pending || now >= order.HoldExpiresAt)
        {
            return CommandResult<bool>.Failure(new ValidationFailure("Order",
                order.Status == OrderStatus.Pending ? UserMessages.HoldExpired : UserMessages.OrderNotPending));
        }

        var errors = Validate(order, questions, details);
        if (errors.Count == 0 && order.CouponId is { } couponId
            && await CouponRules.CheckPerBuyerAsync(db, couponId, order.Id, details.BuyerEmail!.Trim(), ct) is { } couponProblem)
        {
            errors.Add(new ValidationFailure(PlaceHold.CouponField, couponProblem));
        }

        if (errors.Count > 0)
        {
            return CommandResult<bool>.Failure(errors);
        }

        order.SetBuyerEmail(details.BuyerEmail);
        order.BuyerName = string.IsNullOrWhiteSpace(details.BuyerName) ? order.BuyerName : details.BuyerName.Trim();
        foreach (var ticket in order.Tickets)
        {
            var attendee = details.Attendees.Single(a => a.TicketId == ticket.Id);
            ticket.AttendeeName = attendee.Name!.Trim();
            ticket.AttendeeEmail = string.IsNullOrWhiteSpace(attendee.Email) ? null : attendee.Email.Trim();
            ticket.Answers = questions
                .Where(q => !string.IsNullOrWhiteSpace(attendee.Answers.GetValueOrDefault(q.Id.ToString())))
                .ToDictionary(q => q.Id.ToString(), q => attendee.Answers[q.Id.ToString()]!.Trim());
        }

        order.DetailsCompleted = true;
        audit.Add(db, order.BuyerUserId, order.OrganizationId, AuditActions.OrderDetailsSaved, "Order", order.Id.ToString(),
            new OrderNumberDetails(order.Number));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult<bool>.Success(true);
    }

    private static List<ValidationFailure> Validate(Order order, IReadOnlyList<EventQuestion> questions, CheckoutDetails details)
    {
        var errors = new List<ValidationFailure>();
        if (details.Attendees.GroupBy(a => a.TicketId).Any(g => g.Count() > 1))
        {
            errors.Add(new("Order", UserMessages.DuplicateAttendee));
            return errors;
        }

        if (!EmailAddress.IsValid(details.BuyerEmail))
        {
            errors.Add(new("BuyerEmail", UserMessages.BuyerEmailInvalid));
        }

        foreach (var ticket in order.Tickets)
        {
            var attendee = details.Attendees.SingleOrDefault(a => a.TicketId == ticket.Id);
            var prefix = ticket.Id + ".";
            if (string.IsNullOrWhiteSpace(attendee?.Name) || attendee.Name.Trim().Length > 200)
            {
                errors.Add(new(prefix + "Name", UserMessages.AttendeeNameRequired));
            }

            if (!string.IsNullOrWhiteSpace(attendee?.Email) && !EmailAddress.IsValid(attendee.Email))
            {
                errors.Add(new(prefix + "Email", UserMessages.AttendeeEmailInvalid));
            }

            foreach (var question in questions)
            {
                var answer = attendee?.Answers.GetValueOrDefault(question.Id.ToString())?.Trim();
                if (string.IsNullOrEmpty(answer))
                {
                    if (question.IsRequired)
                    {
                        errors.Add(new(prefix + question.Id, UserMessages.AnswerRequired));
                    }
                }
                else if (answer.Length > EventQuestion.AnswerMaxLength)
                {
                    errors.Add(new(prefix + question.Id, UserMessages.AnswerTooLong));
                }
                else if ((question.Kind == QuestionKind.Choice && !question.Options.Contains(answer))
                         || (question.Kind == QuestionKind.YesNo && answer is not ("Yes" or "No")))
                {
                    errors.Add(new(prefix + question.Id, UserMessages.AnswerNotAChoice));
                }
            }
        }

        return errors;
    }
}
