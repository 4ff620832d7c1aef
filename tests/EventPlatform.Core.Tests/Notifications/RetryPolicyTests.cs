using EventPlatform.Core.Notifications;

namespace EventPlatform.Core.Tests.Notifications;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(4, 120)]
    [InlineData(8, 1920)]
    [InlineData(9, 3600)]
    [InlineData(50, 3600)]
    public void DelayAfter_DoublesFromFifteenSecondsUpToOneHour(int failures, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryPolicy.DelayAfter(failures));

    [Fact]
    public void NextAttempt_GivesUpOnlyAfterTwoDays()
    {
        var queued = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(queued.AddSeconds(15), RetryPolicy.NextAttempt(1, queued, queued));
        Assert.Equal(queued.AddHours(47), RetryPolicy.NextAttempt(50, queued, queued.AddHours(46)));
        Assert.Null(RetryPolicy.NextAttempt(51, queued, queued.AddHours(47.5)));
    }
}
