using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Organizations;
using EventPlatform.Data.Tests.Ordering;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EventPlatform.Data.Tests.CheckIn;

public sealed class CheckInTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tablet = "front-door-tablet-0000";
    private readonly RecordedEvents _events = new();
    private CoreServices _services = default!;
    private SellableEvent _event = default!;
    private Guid _managerId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("check-in", s => s.AddSingleton<IAfterCommitHandler>(_events));
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        _managerId = manager.Id;
        var organization = await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager));
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "door-night", [2000, 2000],
            new SeedTicketType("Both days", 1000, [0, 1]),
            new SeedTicketType("Day 1", 500, [0]));
        _services.Caller.UserId = _managerId;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task EveryRefusalReason_IsReported_AndNothingIsCheckedIn()
    {
        var kiosk = await KioskAsync("Main entrance");
        var day1 = _event.SessionIds[0];
        var day2 = _event.SessionIds[1];
        var check = _services.Get<CheckInTicket>();
        _services.Caller.UserId = null;
        var valid = await PaidTicketCodeAsync(_event.TypeIds["Day 1"]);

        Assert.Equal(CheckInOutcome.UnknownCode, (await check.ExecuteAsync(kiosk, "", day1)).Outcome);
        Assert.Equal(CheckInOutcome.UnknownCode, (await check.ExecuteAsync(kiosk, new string('x', 5000), day1)).Outcome);
        Assert.Equal(CheckInOutcome.UnknownCode, (await check.ExecuteAsync(kiosk, "<script>alert(1)</script>", day1)).Outcome);
        Assert.Equal(CheckInOutcome.UnknownCode, (await check.ExecuteAsync(kiosk, Core.Common.SecureToken.Create(), day1)).Outcome);
        Assert.Equal(CheckInOutcome.SessionNotIncluded, (await check.ExecuteAsync(kiosk, valid, day2)).Outcome);

        var first = await check.ExecuteAsync(kiosk, valid, day1);
        Assert.Equal(CheckInOutcome.CheckedIn, first.Outcome);
        Assert.Equal("Attendee 1", first.AttendeeName);
        var again = await check.ExecuteAsync(kiosk, " " + valid + "\n", day1);
        Assert.Equal(CheckInOutcome.AlreadyCheckedIn, again.Outcome);
        Assert.Equal("Main entrance", again.PreviousStation);

        // Announced after the commit with the ticket, for live pages and (later) webhooks.
        var announced = Assert.Single(_events.Of<TicketCheckedIn>());
        Assert.Equal((_event.EventId, day1, first.CheckInId!.Value), (announced.EventId, announced.SessionId, announced.CheckInId));

        // Undo within five minutes lets it in again; not after.
        Assert.True(await check.UndoAsync(kiosk, first.CheckInId!.Value));
        Assert.Equal(new CheckInUndone(_event.EventId, day1, announced.TicketId, first.CheckInId.Value), Assert.Single(_events.Of<CheckInUndone>()));
        var readmitted = await check.ExecuteAsync(kiosk, valid, day1);
        Assert.Equal(CheckInOutcome.CheckedIn, readmitted.Outcome);
        _services.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(await check.UndoAsync(kiosk, readmitted.CheckInId!.Value));

        // Cancelled, not paid, another event's ticket.
        var cancelledKey = await PaidOrderKeyAsync(_event.TypeIds["Day 1"]);
        await _services.Get<CancelTickets>().ByBuyerAsync(cancelledKey, []);
        Assert.Equal(CheckInOutcome.Cancelled,
            (await check.ExecuteAsync(kiosk, (await _services.OrderAsync(cancelledKey)).Tickets[0].Code, day1)).Outcome);
        var pending = await _services.HeldAsync(_event.EventId, (_event.TypeIds["Day 1"], 1));
        Assert.Equal(CheckInOutcome.NotPaid,
            (await check.ExecuteAsync(kiosk, (await _services.OrderAsync(pending.AccessKey)).Tickets[0].Code, day1)).Outcome);
        var other = await _services.Db.AddSellableEventAsync((await OrganizationAsync()), "other-night", [10], new SeedTicketType("Entry", 500, [0]));
        var otherHold = await _services.HeldAsync(other.EventId, (other.TypeIds["Entry"], 1));
        await _services.PayAsync(otherHold.AccessKey);
        var wrong = await check.ExecuteAsync(kiosk, (await _services.OrderAsync(otherHold.AccessKey)).Tickets[0].Code, day1);
        Assert.Equal(CheckInOutcome.WrongEvent, wrong.Outcome);
        Assert.Null(wrong.AttendeeName);

        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(1, await db.CheckIns.CountAsync(c => c.UndoneAt == null));
        Assert.True(await db.AuditEntries.CountAsync(a => a.ActorLabel == "Main entrance") >= 12);
    }

    [Fact]
    public async Task AKioskForOneSession_RefusesOthers_AndRevokedOrExpiredKiosksStop()
    {
        _services.Caller.UserId = _managerId;
        var create = _services.Get<CreateKiosk>();
        var created = await create.ExecuteAsync(_event.EventId, "Side door", 2, _event.SessionIds[1]);
        Assert.Equal("Choose a validity of 1 to 8 hours.", (await create.ExecuteAsync(_event.EventId, "X", 9, null)).ErrorFor("Hours"));
        var stations = _services.Get<CheckInStations>();
        var station = (await stations.ForKioskAsync(created.Value!.Token, Tablet))!;
        _services.Caller.UserId = null;
        var code = await PaidTicketCodeAsync(_event.TypeIds["Both days"]);
        var check = _services.Get<CheckInTicket>();

        Assert.Equal(CheckInOutcome.KioskNotAllowedForSession, (await check.ExecuteAsync(station, code, _event.SessionIds[0])).Outcome);
        Assert.Equal(CheckInOutcome.CheckedIn, (await check.ExecuteAsync(station, code, _event.SessionIds[1])).Outcome);
        Assert.Null(await stations.ForKioskAsync("forged-token-" + Guid.NewGuid(), Tablet));

        _services.Caller.UserId = _managerId;
        await _services.Get<RevokeKiosk>().ExecuteAsync(created.Value.KioskId);
        Assert.Equal(KioskState.Revoked, (await _services.Get<ListKiosks>().ExecuteAsync(_event.EventId)).Single().State);
        Assert.Equal(CheckInOutcome.KioskEnded, (await check.ExecuteAsync(station, code, _event.SessionIds[1])).Outcome);
        Assert.False(await stations.IsActiveAsync(station));
        Assert.Null(await stations.ForKioskAsync(created.Value.Token, Tablet));

        var timed = await create.ExecuteAsync(_event.EventId, "Timed", 1, null);
        var timedStation = (await stations.ForKioskAsync(timed.Value!.Token, Tablet))!;
        _services.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(CheckInOutcome.KioskEnded, (await check.ExecuteAsync(timedStation, code, _event.SessionIds[0])).Outcome);
    }

    [Fact]
    public async Task TwoKiosksScanningTheSame1000TicketsInParallel_AdmitEachExactlyOncePerSession()
    {
        var codes = await ManyPaidCodesAsync(1000);
        var a = await KioskAsync("North");
        var b = await KioskAsync("South");
        var session = _event.SessionIds[0];
        var check = _services.Get<CheckInTicket>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var scans = new[] { a, b }.SelectMany(kiosk => Enumerable.Range(0, 10).Select(worker => Task.Run(async () =>
        {
            await start.Task;
            var outcomes = new List<CheckInOutcome>();
            for (var i = worker; i < codes.Count; i += 10)
            {
                outcomes.Add((await check.ExecuteAsync(kiosk, codes[i], session)).Outcome);
            }

            return outcomes;
        }))).ToList();
        start.SetResult();
        var all = (await Task.WhenAll(scans)).SelectMany(o => o).ToList();
        clock.Stop();

        await using var db = await _services.Db.CreateAsync();
        var admitted = await db.CheckIns.CountAsync(c => c.SessionId == session && c.UndoneAt == null);
        var distinct = await db.CheckIns.Where(c => c.SessionId == session).Select(c => c.TicketId).Distinct().CountAsync();
        output.WriteLine($"2 kiosks × 10 workers scanned 1000 tickets each ({all.Count} scans) in {clock.ElapsedMilliseconds} ms: " +
            $"{all.Count(o => o == CheckInOutcome.CheckedIn)} admitted, {all.Count(o => o == CheckInOutcome.AlreadyCheckedIn)} already checked in; " +
            $"rows {admitted}, distinct tickets {distinct}");
        Assert.Equal(1000, all.Count(o => o == CheckInOutcome.CheckedIn));
        Assert.Equal(1000, all.Count(o => o == CheckInOutcome.AlreadyCheckedIn));
        Assert.Equal(1000, admitted);
        Assert.Equal(1000, distinct);
    }

    [Fact]
    public async Task CheckInStaff_UseTheScreenSignedIn_AnalystsAndOutsidersCannot()
    {
        var staff = await _services.Db.AddUserAsync("door@riverside.test", displayName: "Dora Door");
        var analyst = await _services.Db.AddUserAsync("numbers@riverside.test");
        await using (var db = await _services.Db.CreateAsync())
        {
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = _event.OrganizationId, UserId = staff.Id,
                Role = OrgRole.CheckInStaff, JoinedAt = _services.Clock.GetUtcNow() });
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = _event.OrganizationId, UserId = analyst.Id, Role = OrgRole.Analyst,
                JoinedAt = _services.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var code = await PaidTicketCodeAsync(_event.TypeIds["Day 1"]);
        var stations = _services.Get<CheckInStations>();
        _services.Caller.UserId = staff.Id;
        var station = await stations.ForStaffAsync(_event.EventId);
        Assert.Equal("Staff: Dora Door", station.StationName);
        Assert.Single(await stations.EventsAsync(_event.OrganizationId));
        Assert.Equal(CheckInOutcome.CheckedIn, (await _services.Get<CheckInTicket>().ExecuteAsync(station, code, _event.SessionIds[0])).Outcome);

        _services.Caller.UserId = analyst.Id;
        await Assert.ThrowsAsync<Core.Common.AccessDeniedException>(() => stations.ForStaffAsync(_event.EventId));
        var outsider = await _services.Db.AddUserAsync("outsider@elsewhere.test");
        _services.Caller.UserId = outsider.Id;
        await Assert.ThrowsAnyAsync<Exception>(() => stations.ForStaffAsync(_event.EventId));

        _services.Caller.UserId = _managerId;
        var dashboard = await _services.Get<Core.Reporting.EventDashboard>().GetAsync(_event.EventId);
        Assert.Equal(1, dashboard.Sessions[0].CheckedIn);
    }

    [Fact]
    public async Task AStationOpenedBeforeItsGrantEnded_CanNoLongerSearchScanOrUndo()
    {
        var staff = await _services.Db.AddUserAsync("leaving@riverside.test", displayName: "Lee Leaving");
        await using (var db = await _services.Db.CreateAsync())
        {
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = _event.OrganizationId, UserId = staff.Id,
                Role = OrgRole.CheckInStaff, JoinedAt = _services.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var first = await PaidTicketCodeAsync(_event.TypeIds["Day 1"]);
        var second = await PaidTicketCodeAsync(_event.TypeIds["Day 1"]);
        var stations = _services.Get<CheckInStations>();
        var check = _services.Get<CheckInTicket>();
        var search = _services.Get<SearchAttendees>();
        _services.Caller.UserId = staff.Id;
        var staffStation = await stations.ForStaffAsync(_event.EventId);
        var kiosk = await KioskAsync("Front door");
        var admitted = await check.ExecuteAsync(staffStation, first, _event.SessionIds[0]);
        Assert.Equal(CheckInOutcome.CheckedIn, admitted.Outcome);
        Assert.NotEmpty(await search.ExecuteAsync(staffStation, "Attendee"));
        Assert.NotEmpty(await search.ExecuteAsync(kiosk, "Attendee"));

        // The manager removes the staff member and revokes the kiosk while both pages stay open.
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.OrganizationMembers.Where(m => m.UserId == staff.Id).ExecuteDeleteAsync();
        }

        _services.Caller.UserId = _managerId;
        await _services.Get<RevokeKiosk>().ExecuteAsync((Guid)kiosk.KioskId!);
        _services.Caller.UserId = staff.Id;

        Assert.Equal(CheckInOutcome.StaffAccessEnded, (await check.ExecuteAsync(staffStation, second, _event.SessionIds[0])).Outcome);
        Assert.False(await check.UndoAsync(staffStation, (Guid)admitted.CheckInId!));
        Assert.False(await stations.IsActiveAsync(staffStation));
        await Assert.ThrowsAsync<Core.Common.AccessDeniedException>(() => search.ExecuteAsync(staffStation, "Attendee"));
        await Assert.ThrowsAsync<Core.Common.AccessDeniedException>(() => search.ExecuteAsync(kiosk, "Attendee"));
        await using var check2 = await _services.Db.CreateAsync();
        Assert.Equal(1, await check2.CheckIns.CountAsync(c => c.EventId == _event.EventId && c.UndoneAt == null));
    }

    [Fact]
    public async Task AKioskLink_WorksOnlyOnTheFirstDeviceThatOpensIt()
    {
        _services.Caller.UserId = _managerId;
        var create = _services.Get<CreateKiosk>();
        var created = (await create.ExecuteAsync(_event.EventId, "Box office", 4, null)).Value!;
        var stations = _services.Get<CheckInStations>();

        // Ten tablets open the same link at once: exactly one gets the kiosk.
        var openings = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Task.Run(() => stations.OpenKioskAsync(created.Token, $"tablet-{i:D2}-0000000000000"))));
        var winner = Assert.Single(openings, o => o.Station is not null);
        Assert.All(openings.Where(o => o != winner), o => Assert.Equal(KioskRefusal.OtherDevice, o.Refusal));

        var winnerDevice = $"tablet-{Array.IndexOf(openings, winner):D2}-0000000000000";
        Assert.NotNull(await stations.ForKioskAsync(created.Token, winnerDevice));
        Assert.Equal(KioskRefusal.NoDevice, (await stations.OpenKioskAsync(created.Token, null)).Refusal);
        Assert.Equal(KioskRefusal.NotValid, (await stations.OpenKioskAsync("forged-" + Guid.NewGuid(), winnerDevice)).Refusal);

        // A replacement tablet gets a new link of its own.
        var replacement = (await create.ExecuteAsync(_event.EventId, "Box office 2", 4, null)).Value!;
        Assert.NotNull(await stations.ForKioskAsync(replacement.Token, "tablet-02-0000000000000"));
    }

    private async Task<CheckInStation> KioskAsync(string name)
    {
        var previous = _services.Caller.UserId;
        _services.Caller.UserId = _managerId;
        var created = await _services.Get<CreateKiosk>().ExecuteAsync(_event.EventId, name, 8, null);
        _services.Caller.UserId = previous;
        return (await _services.Get<CheckInStations>().ForKioskAsync(created.Value!.Token, Tablet))!;
    }

    private async Task<Guid> OrganizationAsync()
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.Events.Where(e => e.Id == _event.EventId).Select(e => e.OrganizationId).SingleAsync();
    }

    private async Task<string> PaidOrderKeyAsync(Guid typeId)
    {
        var previous = _services.Caller.UserId;
        _services.Caller.UserId = null;
        var hold = await _services.HeldAsync(_event.EventId, (typeId, 1));
        await _services.PayAsync(hold.AccessKey);
        _services.Caller.UserId = previous;
        return hold.AccessKey;
    }

    private async Task<string> PaidTicketCodeAsync(Guid typeId) => (await _services.OrderAsync(await PaidOrderKeyAsync(typeId))).Tickets[0].Code;

    /// <summary>Paid tickets written straight to the database (with matching counters): the purchase path is tested elsewhere.</summary>
    private async Task<List<string>> ManyPaidCodesAsync(int count)
    {
        var typeId = _event.TypeIds["Day 1"];
        await using var db = await _services.Db.CreateAsync();
        var codes = new List<string>();
        for (var o = 0; o < count / 10; o++)
        {
            var order = new Order
            {
                Id = Guid.CreateVersion7(), Number = TicketCodes.NewOrderNumber(), AccessKey = TicketCodes.NewAccessKey(), EventId = _event.EventId,
                OrganizationId = _event.OrganizationId, Status = OrderStatus.Paid, Currency = "EUR", SubtotalMinor = 5000, TotalMinor = 5000,
                    PaidMinor = 5000,
                PaymentProvider = "test", HoldExpiresAt = _services.Clock.GetUtcNow(), CreatedAt = _services.Clock.GetUtcNow(),
            };
            for (var i = 0; i < 10; i++)
            {
                var code = TicketCodes.NewTicketCode();
                codes.Add(code);
                order.Tickets.Add(new Ticket { Id = Guid.CreateVersion7(), OrderId = order.Id, EventId = _event.EventId, TicketTypeId = typeId,
                    TicketTypeName = "Day 1", Code = code, Status = TicketStatus.Valid, UnitPriceMinor = 500, Position = i + 1 });
            }

            db.Orders.Add(order);
        }

        await db.SaveChangesAsync();
        await db.Sessions.Where(s => s.Id == _event.SessionIds[0]).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + count));
        await db.TicketTypes.Where(t => t.Id == typeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + count));
        return codes;
    }
}
