using EventPlatform.Core.Ordering.Holds;

namespace EventPlatform.Core.Tests.Ordering;

public class HoldAdmissionTests
{
    private static readonly Guid OnSale = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    [Fact]
    public async Task AtMostPerEvent_AreAdmitted_AndTheNextEntersWhenOneLeaves()
    {
        var admission = new HoldAdmission(TimeSpan.FromSeconds(30));
        var inside = new List<IDisposable>();
        for (var i = 0; i < HoldAdmission.PerEvent; i++)
        {
            inside.Add((await admission.EnterAsync(OnSale))!);
        }

        var next = admission.EnterAsync(OnSale);
        await Task.Delay(50);
        Assert.False(next.IsCompleted);

        inside[0].Dispose();
        inside[0].Dispose(); // twice frees one place only
        var admitted = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(admitted);
        var oneTooMany = admission.EnterAsync(OnSale);
        await Task.Delay(50);
        Assert.False(oneTooMany.IsCompleted);

        admitted.Dispose();
        (await oneTooMany.WaitAsync(TimeSpan.FromSeconds(5)))!.Dispose();
        inside.Skip(1).ToList().ForEach(a => a.Dispose());
        Assert.Equal(0, admission.GateCount);
    }

    [Fact]
    public async Task AFullEvent_DoesNotHoldUpAnother()
    {
        var admission = new HoldAdmission(TimeSpan.FromSeconds(30));
        var inside = await Task.WhenAll(Enumerable.Range(0, HoldAdmission.PerEvent).Select(_ => admission.EnterAsync(OnSale)));

        using var other = await admission.EnterAsync(Other).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotNull(other);
        Assert.Equal(2, admission.GateCount);
        Array.ForEach(inside, a => a!.Dispose());
    }

    [Fact]
    public async Task AWaitLongerThanAllowed_IsRefused_AndLeavesNoGateBehind()
    {
        var admission = new HoldAdmission(TimeSpan.FromMilliseconds(100));
        var inside = await Task.WhenAll(Enumerable.Range(0, HoldAdmission.PerEvent).Select(_ => admission.EnterAsync(OnSale)));

        Assert.Null(await admission.EnterAsync(OnSale));

        Array.ForEach(inside, a => a!.Dispose());
        Assert.Equal(0, admission.GateCount);
    }
}
