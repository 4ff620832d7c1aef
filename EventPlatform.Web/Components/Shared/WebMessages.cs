using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Ordering.Checkout;

namespace EventPlatform.Web.Components.Shared;

/// <summary>
/// The web app's own user-facing messages (feedback, errors, confirmations) in one catalogue, like
/// Core's <see cref="UserMessages"/>: those of the use cases are there, and are not repeated here.
/// </summary>
public static class WebMessages
{
    // Accounts: signing in, registering, confirming the email, resetting the password.
    public const string EmailRequired = "Enter your email address.";
    /// <summary>The same words as Core's check of a member's email.</summary>
    public const string EmailInvalid = UserMessages.MemberEmailInvalid;
    public const string EmailTooLong = "An email address has at most 256 characters.";
    public const string NameRequired = "Enter your name.";
    public const string NameTooLong = "Your name can have at most 100 characters.";
    public const string PasswordRequired = "Enter your password.";
    public const string NewPasswordRequired = "Choose a password.";
    public const string PasswordLength = "Use at least 8 characters (and at most 100).";
    public const string PasswordRepeatRequired = "Type the password again.";
    public const string PasswordsDiffer = "The two passwords do not match.";
    public const string EmailAlreadyRegistered = "An account with this email already exists. Sign in, or reset your password.";
    public const string SignInFailed = "The email or password is incorrect.";
    public const string EmailNotConfirmed = "Please confirm your email address first. We can send the confirmation email again.";
    public const string AccountLockedOut = "Too many failed sign-in attempts. For your security, this account is locked for 15 minutes.";
    public const string ConfirmationLinkInvalid = "This confirmation link is invalid or has expired.";
    public const string ConfirmationPasswordWrong =
        "That is not the password of this account. Try again, or sign in with an email link instead.";
    public const string ConfirmationLinkResent =
        "If an unconfirmed account exists for that email, a new confirmation link is on its way.";
    public const string ResetLinkSent =
        "If an account exists for that email, we sent a link to reset the password. It is valid for one day.";
    public const string ResetLinkIncomplete = "This reset link is incomplete. Ask for a new one.";
    public const string ResetLinkInvalid = "This reset link is invalid or has expired. Ask for a new one.";
    public const string PasswordReset = "Your password has been reset. Sign in with the new one.";

    // Profile.
    public const string DisplayNameRequired = "Enter a display name.";
    public const string ProfileSaved = "Profile saved.";

    // Pages the person may not open.
    public const string AccessDenied = "You do not have access to this page with your current role.";

    // Organizations: settings, payments, customer members.
    public const string SettingsSaved = "Settings saved.";
    public const string LogoSaved = "Logo saved.";
    public const string PaymentSettingsSaved = "Payment settings saved.";

    public static string MemberAdded(string email) => $"{email} added.";

    // Searching events.
    public const string SearchDatesReversed = "The “to” date is before the “from” date, so the dates were ignored.";

    // Choosing tickets on the event page, when live availability changes under the choice.
    public const string SelectionNoLongerAvailable = "No longer available: we removed it from your selection.";

    public static string SelectionLowered(int left) =>
        left == 1 ? "Only 1 left: we changed your selection." : $"Only {left} left: we changed your selection.";

    // Editing events, their sessions and ticket types.
    public const string EventSaved = "Event saved.";
    public const string EventPublished = "Event published.";
    public const string PublicationScheduled = "Publication scheduled.";
    public const string PublishAtRequired = "Choose a date and time.";
    public const string EventCancelled = "Event cancelled.";
    public const string EventDeleted = "Event deleted.";
    public const string SessionStartInvalid = "Enter a start date and time (that exists in this time zone).";
    public const string SessionEndInvalid = "Enter an end date and time (that exists in this time zone).";
    public const string PriceRequired = "Enter a price, like 25.00 (0 for free).";

    /// <summary>"S2 saved." for a session, "Early bird saved." for a ticket type.</summary>
    public static string Saved(string name) => $"{name} saved.";

    // Amounts and date-times as organizers type them (MoneyInput, LocalDateTimeInput).
    public const string WholeAmountRequired = "Enter a whole amount, like 500.";
    public const string DateTimeNotInZone = "Enter a date and time that exists in this time zone.";

    public static string AmountFormat(string example, int decimals) => $"Enter an amount like {example} (at most {decimals} decimals).";

    // Coupons.
    public const string CouponDeletedMeanwhile = "This coupon was deleted meanwhile.";

    public static string CouponSaved(string code) => $"Coupon {code} saved.";
    public static string CouponDeleted(string code) => $"Coupon {code} deleted.";
    public static string CouponDeactivated(string code) => $"Coupon {code} deactivated: orders use it.";

    // An organization's content pages.
    public const string PageDeletedMeanwhile = "That page was deleted meanwhile.";

    public static string PageSaved(string title) => $"Page \"{title}\" saved.";
    public static string TemplateSaved(string title) => $"\"{title}\" saved: buyers get your wording from now on.";
    public static string TemplateReset(string title) => $"\"{title}\" is back to the default wording.";
    public static string PageDeleted(string title) => $"Page \"{title}\" deleted.";
    public static string PagePublished(string title) => $"Page \"{title}\" published.";
    public static string PageUnpublished(string title) => $"Page \"{title}\" is a draft again.";

    // Checkout questions.
    public const string QuestionDeleted = "Question deleted.";
    public const string QuestionDeletedMeanwhile = "That question was deleted meanwhile.";

    public static string QuestionSaved(string label) => $"Question \"{label}\" saved.";

    // An event's reminders.
    public const string ReminderAdded = "Reminder added.";
    public const string ReminderRemoved = "Reminder removed.";
    public const string ReminderAmountRequired = "Enter a whole number, like 24.";

    public static string ReminderSwitched(bool on) => on ? "Reminder turned on." : "Reminder turned off: it sends nothing more.";

    // Paying at checkout.
    public static string CardDeclined(string reason) => $"{reason} You can try again with another card while your reservation lasts.";
    public static string CardFormNotLoaded(string reason) => "The card form could not be loaded: " + reason;

    // A buyer's order.
    public const string AttendeeSaved = "Attendee details saved.";
    public const string AttendeeSavedWithNewCode =
        "Attendee details saved. The ticket has a new code: its old QR code no longer works, and we emailed you the new one.";
    public const string TicketsResentTooOften =
        "We have already sent your tickets several times in the last hour. Please check your spam folder, or try again later.";

    public static string TicketsResent(string? email) => $"We sent your tickets to {email} again.";

    /// <summary>
    /// "€50.00 + €4.00 service fee", "€50.00 − €10.00 discount + €3.20 service fee", "Free": a ticket's price and its
    /// shares of the order's discount and fee, the lines of the order's payment summary (never one sum of them).
    /// </summary>
    public static string TicketPrice(OrderTicketView ticket)
    {
        var text = ticket.UnitPrice.IsZero ? "Free" : ticket.UnitPrice.Format();
        if (!ticket.Discount.IsZero)
        {
            text += $" − {ticket.Discount.Format()} discount";
        }

        return ticket.Fee.IsZero ? text : $"{text} + {ticket.Fee.Format()} service fee";
    }

    /// <summary>"2 tickets cancelled. €40.00 is on its way back to you." (nothing after the full stop without a refund).</summary>
    public static string CancelledByBuyer(CancellationDone done)
    {
        var refund = done.Refund.IsZero ? "" : $"{done.Refund.Format()} is on its way back to you.";
        return $"{Tickets(done.TicketsCancelled)} cancelled. {refund}";
    }

    public static string LatePaymentRefunded(Money refunded) =>
        "Your payment arrived after your reservation had run out and the places were taken. " +
        $"No tickets were issued and the full {refunded.Format()} is being refunded.";

    // Orders, for their organizers.
    public const string OrderGone = "This order no longer exists.";

    public static string ConfirmationResent(string? email) => $"Confirmation sent again to {email}.";
    public static string OrderMarkedPaid(string number) => $"Order {number} marked paid.";
    public static string OrderMarkedResolved(string number) => $"Order {number} marked resolved.";
    public static string RefundSentAgain(Money amount) => $"The refund of {amount.Format()} was sent again.";
    public static string EmailSendingAgain(string to) => $"The email to {to} is being sent again.";

    public static string AttendeeChanged(int position, string name, bool newCode) =>
        $"Attendee of ticket {position} changed to {name}."
        + (newCode ? " The ticket has a new code (the old QR no longer works); the buyer was emailed the new one." : "");

    /// <summary>"2 tickets cancelled, €40.00 refunded." / "1 ticket cancelled, nothing refunded."</summary>
    public static string CancelledByOrganizer(CancellationDone done) => done.Refund.IsZero
        ? $"{Tickets(done.TicketsCancelled)} cancelled, nothing refunded."
        : $"{Tickets(done.TicketsCancelled)} cancelled, {done.Refund.Format()} refunded.";

    /// <summary>"1 ticket", "3 tickets".</summary>
    public static string Tickets(int count) => count == 1 ? "1 ticket" : $"{count} tickets";

    // Check-in.
    public const string CheckInNoLongerUndoable = "This check-in can no longer be undone.";

    public static string CheckInUndone(string? attendee) => $"Check-in of {attendee} undone.";
    public static string CameraNotStarted(string reason) => $"The camera could not be started: {reason} A scanner or the search below still work.";

    // Platform administration.
    public const string EmailQueuedAgain = "Queued to be sent again.";
    public const string EmailAlreadyQueuedAgain = "Already queued again by someone else.";

    // The development mailbox.
    public const string MailNotInMailbox = "That email is not in the mailbox.";
}
