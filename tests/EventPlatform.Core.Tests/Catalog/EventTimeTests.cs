using EventPlatform.Core.Catalog;

namespace EventPlatform.Core.Tests.Catalog;

public class EventTimeTests
{
    [Fact]
    public void Format_ShowsTheTimeInTheEventsZone_AndNamesTheZone()
    {
        var instant = new DateTimeOffset(2026, 9, 1, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal("Tue 1 Sep 2026, 19:00 (Europe/Berlin)", EventTime.Format(instant, "Europe/Berlin"));
        Assert.Equal("Tue 1 Sep 2026, 13:00 (America/New_York)", EventTime.Format(instant, "America/New_York"));
    }

    [Fact]
    public void EveryFormat_NamesItsZone()
    {
        var instant = new DateTimeOffset(2026, 12, 2, 20, 34, 0, TimeSpan.Zero);
        Assert.Equal("Wed 2 Dec 2026, 15:34 (America/New_York)", EventTime.Format(instant, "America/New_York"));
        Assert.Equal("15:34 (America/New_York)", EventTime.FormatTime(instant, "America/New_York"));
        Assert.Equal("Wed 2 Dec 2026 (America/New_York)", EventTime.FormatDate(instant, "America/New_York"));
        Assert.Equal("Wed 2 Dec 2026, 20:34 (UTC)", EventTime.FormatUtc(instant));
        Assert.Equal("Wed 2 Dec 2026, 15:34–17:00 (America/New_York)",
            EventTime.FormatRange(instant, instant.AddMinutes(86), "America/New_York"));
    }

    [Fact]
    public void Range_OverMidnightInTheZone_GivesBothDates_AndTheZoneOnce()
    {
        // 22:00–01:00 in Berlin: one day in UTC (21:00–00:00 would not be), two days where the event is.
        var start = new DateTimeOffset(2026, 9, 1, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal("Tue 1 Sep 2026, 22:00 – Wed 2 Sep 2026, 01:00 (Europe/Berlin)",
            EventTime.FormatRange(start, start.AddHours(3), "Europe/Berlin"));
    }

    [Fact]
    public void ADayDependsOnTheZone_AndSaysWhichOne()
    {
        var lateEvening = new DateTimeOffset(2026, 9, 1, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal("Tue 1 Sep 2026 (UTC)", EventTime.FormatDate(lateEvening, EventTime.Utc));
        Assert.Equal("Wed 2 Sep 2026 (Europe/Berlin)", EventTime.FormatDate(lateEvening, "Europe/Berlin"));
    }

    [Fact]
    public void AnUnknownZone_ShowsUtc_AndSaysSo()
    {
        var instant = new DateTimeOffset(2026, 9, 1, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal("Tue 1 Sep 2026, 17:00 (UTC)", EventTime.Format(instant, "Mars/Olympus_Mons"));
    }

    [Fact]
    public void LocalInput_RoundTripsThroughTheZone()
    {
        Assert.True(EventTime.TryFromLocalInput("2026-12-24T18:30", "Europe/Berlin", out var instant));
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 17, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal("2026-12-24T18:30", EventTime.ToLocalInput(instant, "Europe/Berlin"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01T10:00")]
    [InlineData("2026-03-29T02:30")] // skipped when Berlin's clocks go forward
    public void LocalInput_RefusesWhatIsNotATimeInTheZone(string value) =>
        Assert.False(EventTime.TryFromLocalInput(value, "Europe/Berlin", out _));
}
