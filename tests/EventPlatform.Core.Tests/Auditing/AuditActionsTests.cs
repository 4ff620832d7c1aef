using System.Text.RegularExpressions;
using EventPlatform.Core.Auditing;

namespace EventPlatform.Core.Tests.Auditing;

/// <summary>The audit actions are a contract (search, tests, later outgoing webhooks): namespaced, unique, stable.</summary>
public partial class AuditActionsTests
{
    [Fact]
    public void EveryAction_IsNamespacedLowerCase()
    {
        Assert.NotEmpty(AuditActions.All);
        Assert.All(AuditActions.All, a => Assert.Matches(NamespacedName(), a.Name));
    }

    [Fact]
    public void NoTwoActions_ShareAName()
    {
        var duplicates = AuditActions.All.GroupBy(a => a.Name).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("order.paid")]
    [InlineData("order.held")]
    [InlineData("ticket.checked_in")]
    [InlineData("order.refund_failed")]
    public void TheNamesOtherPartsRelyOn_AreStillThere(string name) =>
        Assert.Contains(AuditActions.All, a => a.Name == name);

    [GeneratedRegex("^[a-z_]+\\.[a-z_]+$")]
    private static partial Regex NamespacedName();
}
