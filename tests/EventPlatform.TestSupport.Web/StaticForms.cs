using System.Net;
using System.Text.RegularExpressions;

namespace EventPlatform.TestSupport.Web;

/// <summary>
/// Posts the app's static (server-rendered) forms over plain HTTP the way a browser does: fetch
/// the page for its antiforgery token (and cookie), then post the fields with the form's name.
/// </summary>
public static partial class StaticForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>GETs <paramref name="path"/>, then POSTs <paramref name="fields"/> to it as form <paramref name="formName"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields,
        Action<HttpRequestMessage>? configure = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(get);
        var page = await (await client.SendAsync(get)).Content.ReadAsStringAsync();
        var match = AntiforgeryField().Match(page);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (match.Success)
        {
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
        }

        var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        configure?.Invoke(post);
        return await client.SendAsync(post);
    }
}
