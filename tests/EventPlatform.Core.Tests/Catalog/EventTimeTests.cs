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
