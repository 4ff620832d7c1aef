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
}
