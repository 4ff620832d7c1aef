using EventPlatform.Core.CheckIn;

namespace EventPlatform.Core.Tests.CheckIn;

public class CheckInWordingTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 12, 2, 20, 34, 0, TimeSpan.Zero);

    [Fact]
    public void AlreadyCheckedIn_SaysWhenInTheEventsZone_NamingIt_AndWhere()
    {
        var result = new CheckInResult(CheckInOutcome.AlreadyCheckedIn, PreviousAt: Earlier, PreviousStation: "Main entrance");
        Assert.Equal("Already checked in at 15:34 (America/New_York) at Main entrance", CheckInWording.Headline(result, "America/New_York"));
    }

    [Fact]
    public void AlreadyCheckedIn_WithoutAStationOrATime_SaysWhatItKnows()
    {
        Assert.Equal("Already checked in at 21:34 (Europe/Berlin)",
            CheckInWording.Headline(new CheckInResult(CheckInOutcome.AlreadyCheckedIn, PreviousAt: Earlier), "Europe/Berlin"));
        Assert.Equal("Already checked in", CheckInWording.Headline(new CheckInResult(CheckInOutcome.AlreadyCheckedIn), "Europe/Berlin"));
    }
}
