using System.Net;
using EventPlatform.TestSupport.Web;
using EventPlatform.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventPlatform.Web.Tests.Security;

/// <summary>The device cookie the hold limits count by, and how client addresses are keyed.</summary>
public sealed class ClientDeviceTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync("clientdevice");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AFirstVisit_GetsARandomHttpOnlyDeviceCookie_ThatIsKeptAfterwards()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var first = await client.GetAsync("/events");
        var cookie = DeviceCookie(first);

        Assert.NotNull(cookie);
        Assert.Matches("^ep_device=[A-Za-z0-9_-]{22};", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/events");
        again.Headers.Add("Cookie", cookie!.Split(';')[0]);
        Assert.Null(DeviceCookie(await client.SendAsync(again)));
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaa%00")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AForgedDeviceCookie_IsReplacedByOneWeIssue(string forged)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Add("Cookie", "ep_device=" + forged);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^ep_device=[A-Za-z0-9_-]{22};", DeviceCookie(response));
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64")]
    [InlineData("2001:db8:aa:bb:ffff:ffff:ffff:ffff", "2001:db8:aa:bb::/64")]
    [InlineData("::1", "::1")]
    public void AnIpv6Client_IsCountedByItsSlash64(string address, string key) =>
        Assert.Equal(key, ClientDevice.Address(IPAddress.Parse(address)));

    private static string? DeviceCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith("ep_device=", StringComparison.Ordinal)) : null;
}
