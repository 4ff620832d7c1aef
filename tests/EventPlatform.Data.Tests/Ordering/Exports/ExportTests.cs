using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Exports;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Exports;

namespace EventPlatform.Data.Tests.Ordering.Exports;

/// <summary>The orders and attendees exports over a real database, read back as a spreadsheet would read them.</summary>
public sealed class ExportTests : IAsyncLifetime
{
    private const string Zone = "(Europe/Berlin)";
    private CoreServices _services = default!;
    private SellableEvent _sale = default!;
    private Guid _analystId, _staffId, _outsiderId;
    private Order _ada = default!, _bob = default!, _cy = default!;
    private EventQuestion _shirt = default!;

    private EventExports Exports => _services.Get<EventExports>();
    private Guid Day1Session => _sale.SessionIds[0];
    private Guid Day2Session => _sale.SessionIds[1];

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("exports");
        _analystId = (await _services.Db.AddUserAsync("analyst@riverside.test")).Id;
        _staffId = (await _services.Db.AddUserAsync("staff@riverside.test")).Id;
        _outsiderId = (await _services.Db.AddUserAsync("outsider@elsewhere.test")).Id;
        var organization = await _services.Db.AddOrganizationAsync("riverside", (_analystId, OrgRole.Analyst), (_staffId, OrgRole.CheckInStaff));
        await _services.Db.AddOrganizationAsync("elsewhere", (_outsiderId, OrgRole.Owner));
        _sale = await _services.Db.AddSellableEventAsync(organization.Id, "summer-series", [10, 10],
            new SeedTicketType("Full series", 5000, [0, 1]), new SeedTicketType("Day 1", 5000, [0]), new SeedTicketType("Day 2", 5000, [1]));
        _shirt = await _services.Db.AddQuestionAsync(_sale, "T-shirt size");
        _ada = await _services.Db.AddOrderAsync(_sale, new DateTimeOffset(2026, 5, 10, 10, 0, 0, TimeSpan.Zero), OrderStatus.Paid,
            ("Full series", "Ada Lovelace, Countess", new() { [_shirt.Id.ToString()] = "M, \"fitted\"" }),
            ("Day 1", "=cmd|' /C calc'!A0", new() { [_shirt.Id.ToString()] = "@L" }));
        // 22:30 UTC on 20 May is 00:30 on 21 May in Berlin: the date filter works in the event's zone.
        _bob = await _services.Db.AddOrderAsync(_sale, new DateTimeOffset(2026, 5, 20, 22, 30, 0, TimeSpan.Zero), OrderStatus.Paid,
            ("Day 2", "Bob Builder", new()));
        _cy = await _services.Db.AddOrderAsync(_sale, new DateTimeOffset(2026, 5, 15, 9, 0, 0, TimeSpan.Zero), OrderStatus.Expired,
            ("Day 1", "Cy Expired", new()));
        var adaTicket = _ada.Tickets[0].Id;
        await _services.Db.AddCheckInAsync(_sale, adaTicket, Day1Session, new DateTimeOffset(2027, 3, 1, 17, 55, 0, TimeSpan.Zero));
        await _services.Db.AddCheckInAsync(_sale, adaTicket, Day2Session, new DateTimeOffset(2027, 3, 2, 17, 50, 0, TimeSpan.Zero), undone: true);
        _services.Caller.UserId = _analystId;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AttendeesCsv_HasARowPerTicket_WithItsSessions_Answers_CheckIns_AndAmounts()
    {
        var rows = await CsvAsync(await Exports.AttendeesAsync(_sale.EventId, new ExportFilter()));

        var header = rows[0];
        Assert.Equal(new string?[] { "Attendee name", "Attendee email", "Ticket type", "Ticket status", "Order number", "Order status", "Buyer name",
            "Buyer email", $"Ordered at {Zone}", $"Paid at {Zone}", "Currency", "Unit price", "Discount", "Fee paid", "S1 Day 1", "S2 Day 2",
            "Dietary requirements", "Emergency contact (name and phone)", "T-shirt size", $"Checked in S1 Day 1 {Zone}",
            $"Checked in S2 Day 2 {Zone}" }, header);
        Assert.Equal(5, rows.Count);
        var ada = Row(rows, "Ada Lovelace, Countess");
        Assert.Equal("Full series", ada["Ticket type"]);
        Assert.Equal((_ada.Number, "Paid", "Valid"), (ada["Order number"], ada["Order status"], ada["Ticket status"]));
        Assert.Equal(("yes", "yes"), (ada["S1 Day 1"], ada["S2 Day 2"]));
        Assert.Equal("M, \"fitted\"", ada["T-shirt size"]);
        // In the event's zone; the undone check-in of day 2 is left out.
        Assert.Equal("2027-03-01 18:55:00", ada[$"Checked in S1 Day 1 {Zone}"]);
        Assert.Equal("", ada[$"Checked in S2 Day 2 {Zone}"]);
        Assert.Equal(("EUR", "50.00", "0.00", "4.00"), (ada["Currency"], ada["Unit price"], ada["Discount"], ada["Fee paid"]));
        Assert.Equal("2026-05-10 12:00:00", ada[$"Paid at {Zone}"]);
        // A name that a spreadsheet would run as a formula, and an answer starting with @, come out as text.
        var hostile = Row(rows, "'=cmd|' /C calc'!A0");
        Assert.Equal(("yes", ""), (hostile["S1 Day 1"], hostile["S2 Day 2"]));
        Assert.Equal("'@L", hostile["T-shirt size"]);
        Assert.Equal(("Cy Expired", "Expired", "Void"), (rows[3][0], rows[3][5], rows[3][3]));
    }

    [Fact]
    public async Task TheSessionFilter_LimitsAttendeesAndOrders_ToTicketsThatIncludeIt()
    {
        var attendees = await CsvAsync(await Exports.AttendeesAsync(_sale.EventId, new ExportFilter(SessionId: Day2Session)));
        var orders = await CsvAsync(await Exports.OrdersAsync(_sale.EventId, new ExportFilter(SessionId: Day2Session)));

        Assert.Equal(["Ada Lovelace, Countess", "Bob Builder"], attendees.Skip(1).Select(r => r[0]));
        Assert.Equal([_ada.Number, _bob.Number], orders.Skip(1).Select(r => r[0]));
        var byType = await CsvAsync(await Exports.AttendeesAsync(_sale.EventId, new ExportFilter(TicketTypeId: _sale.TypeIds["Day 1"])));
        Assert.Equal(["'=cmd|' /C calc'!A0", "Cy Expired"], byType.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task StatusAndDates_FilterOrders_ByTheDayInTheEventsZone()
    {
        var paid = await CsvAsync(await Exports.OrdersAsync(_sale.EventId, new ExportFilter(Status: OrderStatus.Paid)));
        var on21st = await CsvAsync(await Exports.OrdersAsync(_sale.EventId, new ExportFilter(From: new(2026, 5, 21), To: new(2026, 5, 21))));
        var until20th = await CsvAsync(await Exports.OrdersAsync(_sale.EventId, new ExportFilter(To: new(2026, 5, 20))));

        Assert.Equal([_ada.Number, _bob.Number], paid.Skip(1).Select(r => r[0]));
        Assert.Equal([_bob.Number], on21st.Skip(1).Select(r => r[0]));
        // Cy's order was never paid: its creation time counts.
        Assert.Equal([_ada.Number, _cy.Number], until20th.Skip(1).Select(r => r[0]));
        var bob = Row(paid, _bob.Number);
        Assert.Equal(("1", "54.00", "54.00", "0.00", "yes"), (bob["Tickets"], bob["Total"], bob["Paid"], bob["Refunded"], bob["Fee paid by buyer"]));
        Assert.Equal("2026-05-21 00:30:00", bob[$"Paid at {Zone}"]);
    }

    [Fact]
    public async Task AttendeesXlsx_ReadBackWithTheSdk_HasNumbersDatesAndTheQuestionColumn()
    {
        var sheet = ExportFiles.ReadXlsx(await BytesAsync(await Exports.AttendeesAsync(_sale.EventId, new ExportFilter(Status: OrderStatus.Paid)),
            ExportFormat.Xlsx));

        Assert.Empty(sheet.ValidationErrors);
        Assert.True(sheet.HeaderFrozen);
        Assert.All(sheet.Header, h => Assert.True(h.IsBold));
        Assert.Equal(3, sheet.Rows.Count);
        var ada = sheet.Rows.Single(r => r["Attendee name"].Text == "Ada Lovelace, Countess");
        Assert.Equal(50, ada["Unit price"].Number);
        Assert.Equal(new DateTime(2027, 3, 1, 18, 55, 0), ada[$"Checked in S1 Day 1 {Zone}"].Date);
        Assert.Equal("M, \"fitted\"", ada["T-shirt size"].Text);
        // XLSX text cells are typed as text, which is never evaluated: no quote is added.
        Assert.Contains(sheet.Rows, r => r["Attendee name"].Text == "=cmd|' /C calc'!A0");
    }

    [Fact]
    public async Task OnlyAnalystsAndAbove_Export_OthersFindNothing_AndBadFiltersAreNamed()
    {
        _services.Caller.UserId = _outsiderId;
        await Assert.ThrowsAsync<NotFoundException>(() => Exports.AttendeesAsync(_sale.EventId, new ExportFilter()));
        _services.Caller.UserId = null;
        await Assert.ThrowsAsync<NotFoundException>(() => Exports.OrdersAsync(_sale.EventId, new ExportFilter()));
        _services.Caller.UserId = _staffId;
        await Assert.ThrowsAsync<AccessDeniedException>(() => Exports.OrdersAsync(_sale.EventId, new ExportFilter()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<CheckInList>().ExecuteAsync(_sale.EventId, Day1Session));

        _services.Caller.UserId = _analystId;
        var bad = await Exports.OrdersAsync(_sale.EventId, new ExportFilter(SessionId: Guid.NewGuid(), TicketTypeId: Guid.NewGuid(),
            From: new(2026, 5, 2), To: new(2026, 5, 1)));
        Assert.Equal(["session", "type", "to"], bad.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task TheCheckInList_HasTheSessionsValidTickets_SortedByName()
    {
        var list = await _services.Get<CheckInList>().ExecuteAsync(_sale.EventId, Day1Session);

        Assert.Equal("S1 Day 1", list.SessionLabel);
        Assert.Equal(["=cmd|' /C calc'!A0", "Ada Lovelace, Countess"], list.Rows.Select(r => r.Name));
        Assert.Equal([false, true], list.Rows.Select(r => r.CheckedIn));
        Assert.All(list.Rows, r => Assert.Equal(_ada.Number, r.OrderNumber));
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<CheckInList>().ExecuteAsync(_sale.EventId, Guid.NewGuid()));
    }

    private static Dictionary<string, string?> Row(IReadOnlyList<string?[]> rows, string first) =>
        rows[0].Zip(rows.Single(r => r[0] == first)).ToDictionary(p => p.First!, p => p.Second);

    private static async Task<IReadOnlyList<string?[]>> CsvAsync(CommandResult<ExportTable> result) =>
        ExportFiles.ReadCsv(await BytesAsync(result, ExportFormat.Csv));

    private static async Task<byte[]> BytesAsync(CommandResult<ExportTable> result, ExportFormat format)
    {
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        using var stream = new MemoryStream();
        await ExportWriter.WriteAsync(result.Value!, format, stream);
        return stream.ToArray();
    }
}
