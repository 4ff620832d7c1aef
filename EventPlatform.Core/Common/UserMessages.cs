using System.Globalization;

namespace EventPlatform.Core.Common;

/// <summary>
/// Every user-facing failure message in one catalogue, so wording stays consistent and a
/// translator (or a test) finds them in one place.
/// </summary>
public static class UserMessages
{
    public const string NotAMember = "You are not a member of this organization.";
    public const string RoleTooLow = "Your role in this organization does not allow this.";
    public const string SignInRequired = "Please sign in first.";

    public const string OrganizationNameLength = "Enter a name of 2 to 100 characters.";
    public const string SlugFormat = "Use 3 to 60 lower-case letters, digits and single hyphens (e.g. riverside-arts).";
    public const string SlugTaken = "This address is already taken. Choose another one.";

    public const string DisplayNameLength = "Enter a display name of 1 to 100 characters.";

    public const string MagicLinkExpired = "This sign-in link has expired.";
    public const string MagicLinkUsed = "This sign-in link has already been used.";
    public const string MagicLinkInvalid = "This sign-in link is not valid.";

    public const string EventTitleLength = "Enter a title of 3 to 200 characters.";
    public const string ShortDescriptionLength = "Keep the short description to 500 characters.";
    public const string EventSlugTaken = "This address is already taken by another event. Choose another one.";
    public const string TimeZoneUnknown = "Choose a time zone from the list (e.g. Europe/Berlin).";
    public const string VenueNameRequired = "Enter the venue's name, or mark the event as online.";
    public const string OnlineLinkInvalid = "Enter the join link as a full https:// address.";
    public const string VenueCapacityPositive = "Venue capacity must be at least 1.";
    public const string RefundHoursRange = "Enter a number of hours from 0 to 8760, or make the event not refundable.";
    public const string PublishAtInFuture = "Choose a publishing time in the future.";

    public const string SessionNameRequired = "Enter a name for the session (1 to 200 characters).";
    public const string SessionEndAfterStart = "The end must be after the start.";
    public const string CapacityPositive = "Capacity must be at least 1.";
    public const string CapacityBelowSold = "Capacity cannot be lower than the {0} places already sold or held.";
    public const string SessionHasSales = "This session has sold or held places and cannot be deleted.";
    public const string SessionInTicketType = "This session is included in a ticket type. Remove it from the ticket types first.";

    public const string TicketNameRequired = "Enter a name for the ticket type (1 to 200 characters).";
    public const string PriceNotNegative = "A price cannot be negative.";
    public const string CurrencyInvalid = "Use a three-letter currency code such as EUR.";
    public const string AtLeastOneSession = "Choose at least one session for this ticket type.";
    public const string MinPerOrderPositive = "The minimum per order must be at least 1.";
    public const string MinAboveMax = "The minimum per order cannot be above the maximum.";
    public const string SalesEndAfterStart = "Sales must end after they start.";
    public const string QuantityCapPositive = "The quantity cap must be at least 1 (or leave it empty).";
    public const string QuantityCapBelowSold = "The cap cannot be lower than the {0} tickets already sold or held.";
    public const string QuantityCapRaced = "Tickets were sold while you edited, so the cap would now be below what is sold or held. " +
        "Reload and try again.";
    public const string EarlyBirdIncomplete = "An early-bird price needs an end date or a quantity.";
    public const string TicketTypeHasSales = "Tickets of this type were sold: deactivate it instead of deleting it.";

    public const string PublishNeedsSessions = "Add at least one session and one active ticket type before publishing.";
    public const string EventHasSales = "This event has sales and cannot be deleted; cancel it instead.";
    public const string EventNotEditable = "A cancelled or completed event cannot be changed.";

    public const string ContactEmailInvalid = "Enter a valid email address, like hello@example.com.";
    public const string BrandColourInvalid = "Use a colour like #4338CA.";
    public const string AboutTooLong = "Keep the about text to 5,000 characters.";
    public const string MemberEmailInvalid = "Enter a valid email address, like name@example.com.";
    public const string MemberAlreadyListed = "This person is already a member.";

    public const string CoverTooLarge = "The image is larger than 5 MB. Choose a smaller one.";
    public const string CoverWrongType = "Use a JPEG, PNG or WebP image.";

    public const string TooManyAttempts = "Too many attempts. Please wait a minute and try again.";

    public const string SessionsFixedAfterSales = "The sessions of a ticket type cannot change once places are sold or held. " +
        "Create a new ticket type instead.";
    public const string TicketTypeHasOrders = "This ticket type has orders (some may have expired), so it cannot be deleted. " +
        "Make it inactive instead.";
    public const string CouponUnlockedTickets = "This code unlocked tickets in your order, so it cannot be removed or replaced.";
    public const string DuplicateAttendee = "Each ticket needs its own attendee details.";
    public const string ChooseTickets = "Choose at least one ticket.";
    public const string TooManyTickets = "You can buy at most {0} tickets in one order.";
    public const string TicketTypeNotOffered = "This ticket is not on sale.";
    public const string BelowMinPerOrder = "Choose at least {0} of these.";
    public const string AboveMaxPerOrder = "You can buy at most {0} of these in one order.";
    public const string OnlyFewLeft = "Only {0} left.";
    public const string NotEnoughPlaces = "Sorry, there are not enough places left for this selection. Please choose fewer tickets.";
    public const string CheckInAccessEnded = "This check-in station has ended.";
    public const string TooManyOpenHolds = "You already have {0} unpaid orders in progress. " +
        "Finish or cancel one of them (or wait until its reservation runs out), then try again.";
    public const string TooManyHeldFromAddress = "Too many tickets for this event are reserved from your network right now. " +
        "Please try again in a few minutes.";
    public const string TooManyHoldAttempts = "You have tried to reserve tickets very often. Please wait a minute and try again.";
    public const string Busy = "Many people are buying right now. Please try again in a moment.";
    public const string PaymentsUnavailable = "Payments are briefly unavailable. " +
        "Your tickets are still reserved for you: please try again in a minute.";
    public const string PaymentNotStarted = "The payment could not be started. Please try again in a moment.";
    public const string HoldExpired = "Your reservation has run out. Please choose your tickets again.";
    public const string OrderNotPending = "This order can no longer be changed.";

    public const string CouponUnknown = "This code is not valid.";
    public const string CouponTooManyGuesses = "Too many codes that did not work. Please wait 15 minutes and try again.";
    public const string CouponNotValidNow = "This code is not valid at the moment.";
    public const string CouponNotForTheseTickets = "This code does not apply to these tickets.";
    public const string CouponMinimumOrder = "This code needs an order of at least {0}.";
    public const string CouponUsedUp = "This code has been used up.";
    public const string CouponPerBuyerLimit = "You have already used this code as often as it allows.";

    public const string BuyerEmailInvalid = "Enter a valid email address.";
    public const string AttendeeNameRequired = "Enter the attendee's name.";
    public const string AttendeeEmailInvalid = "Enter a valid email address, or leave it empty.";
    public const string AnswerRequired = "This question needs an answer.";
    public const string AnswerTooLong = "Keep the answer to 500 characters.";
    public const string AnswerNotAChoice = "Choose one of the options.";
    public const string DetailsIncomplete = "Fill in the details first.";

    public const string CardNumberInvalid = "Enter a valid card number.";
    public const string CardExpiryInvalid = "Enter the expiry as MM/YY, in the future.";
    public const string CardCvcInvalid = "Enter the 3 or 4 digit security code.";

    public const string RefundWindowClosed = "This order can no longer be cancelled online. Please contact the organizer.";
    public const string NotRefundable = "Tickets for this event cannot be cancelled online. Please contact the organizer.";
    public const string NothingToCancel = "These tickets are already cancelled.";
    public const string RefundNotRetryable = "This refund cannot be sent again: it did not fail, or it was sent again already.";
    public const string RefundRefusedAgain = "Sent again, and refused again: {0} Pay the buyer back another way, then mark this resolved.";
    public const string RefundTooLarge = "The refund cannot be more than what is left of the payment ({0}).";
    public const string AttendeeChangesClosed = "Attendee details can no longer be changed: the event has started.";

    // Payments, coupons, questions, kiosks and payment settings (moved here from their use cases).
    public const string PaymentAmountChanged = "The amount to pay changed. Your payment is being refunded; please pay again.";
    public const string PaymentFailed = "The payment did not go through.";
    public const string RefundFailedAtProvider = "The payment provider could not make the refund.";
    public const string AttentionRefundFailed = "Send it again, or mark this resolved once the buyer has been paid back another way.";
    public const string AttentionRefundedOutsidePartly = "Cancel the tickets it paid for (with no further refund), or mark this resolved.";
    public const string AttentionDisputeOpened =
        "Answer with evidence in the Stripe dashboard; its tickets are refused at check-in until the dispute is decided.";
    public const string AttentionDisputeLost = "Its tickets stay refused at check-in.";
    public const string MixedCurrencies = "Tickets in different currencies must be bought in separate orders.";
    public const string QuestionLabelLength = "Enter a question of 1 to 200 characters.";
    public const string QuestionOptionsCount = "Enter 2 to 20 options, one per line, each up to 100 characters.";
    public const string CouponCodeTaken = "Another coupon already has this code.";
    public const string CouponCodeFormat = "Use 3 to 40 letters, digits, hyphens or underscores.";
    public const string CouponPercentRange = "Enter a percentage from 0.01 to 100.";
    public const string CouponAmountPositive = "Enter an amount greater than zero.";
    public const string CouponCurrencyRequired = "Choose the currency of the amount.";
    public const string LimitAtLeastOne = "Enter at least 1, or leave empty for no limit.";
    public const string ZeroOrMore = "Enter zero or more.";
    public const string CouponEventsOfOrganization = "Choose events of this organization.";
    public const string CouponTypesOfEvents = "Choose ticket types of the chosen events.";
    public const string KioskStationName = "Name the station (1 to 100 characters), e.g. Main entrance.";
    public const string KioskHours = "Choose a validity of 1 to 8 hours.";
    public const string KioskSession = "Choose a session of this event, or all sessions.";
    public const string StripeAccountIdFormat = "Enter the connected account id from Stripe, e.g. acct_1Nv0FGQ9RKHgCVdK.";
    public const string FeeAdminOnly = "Only platform administrators change the fee.";
    public const string FeePercentRange = "Enter a percentage from 0 to 100, or leave empty for the platform's fee.";
    public const string FeeFixedRange = "Enter zero or more, or leave empty for the platform's fee.";
    public const string PageTitleLength = "Enter a title of 1 to 120 characters.";
    public const string PageBodyTooLong = "Keep the page to 100,000 characters.";
    public const string PageSlugTaken = "Another page of this organization already has this address.";
    public const string PageSlugReserved = "This address is kept for the site's own pages. Choose another one.";
    public const string ExportSessionUnknown = "Choose a session of this event, or all sessions.";
    public const string ExportTicketTypeUnknown = "Choose a ticket type of this event, or all ticket types.";
    public const string ExportDatesReversed = "The end date must be on or after the start date.";

    public const string TemplateFieldLength = "Enter 1 to {0} characters.";
    public const string TemplateUnknownPlaceholder = "{0} is not a placeholder of this email. Use one from the list below the editor.";
    public const string TemplateAddedBelow = "Here the email adds the order summary and one QR code per ticket; the calendar file is attached.";
    public const string TemplateChangedMeanwhile = "Someone else saved this template just now. Reload it and make your change again.";

    public const string MessageNoRecipients = "Nobody matches these filters yet. Change them to choose who gets the message.";
    public const string MessageStatusRequired = "Choose at least one order status: paid, cancelled or pending.";
    public const string MessageAudienceUnknown = "Choose who gets the message: buyers, attendees or both.";
    public const string MessageSendAtInvalid = "Enter a date and time in the future, in the event's time zone ({0}).";
    public const string MessageAuthorNoLongerAllowed =
        "Its author is no longer a Manager (or above) of the organization, so it was not sent. Someone who is can send it again.";
    public const string MessagePreviewRecipientUnknown = "This address is not among the message's recipients any more. Choose another one.";

    public static string MessageNeedsAdmin(int count, int limit) => string.Format(CultureInfo.InvariantCulture,
        "This message goes to {0:N0} people. Above {1:N0}, an Admin or Owner of the organization has to send it.", count, limit);

    public static string MessageDailyLimit(int count, int limit, int sentToday) => string.Format(CultureInfo.InvariantCulture,
        "Your organization can send {1:N0} message emails in 24 hours and has sent {2:N0}; this one would add {0:N0}. " +
        "Send it later, or to fewer people.", count, limit, sentToday);

    public const string ReminderAmountRange = "Enter a whole number from 0 up to 4 weeks (40320 minutes, 672 hours or 28 days).";
    public const string ReminderChoice = "Choose one of the options.";
    public const string ReminderSession = "Choose a session of this event.";
    public const string ReminderExists = "This event already has this reminder.";
    public const string TeamRoleAboveYours = "You can give only roles your own includes; only an Owner makes Owners.";
    public const string TeamMemberAboveYou = "This member's role is above yours: only an Owner can change or remove an Owner.";
    public const string TeamLastOwner =
        "The organization's last Owner cannot step down, be removed or leave. Make another member Owner first.";
    public const string ReminderLimit = "An event can have at most 5 reminders. Remove or change one first.";

    public const string CouponAlreadyUsedTimes = "It has already been used {0} times; the limit cannot be lower.";
    public const string StatusCannotChange = "This event is {0} and cannot become {1}.";
}
