using EventPlatform.Core.Common;

namespace EventPlatform.Core.Tests.Common;

public class SecureTokenTests
{
    [Fact]
    public void Create_Gives32RandomBytesAsUrlSafeText()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SecureToken.Create()).ToList();
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public void Hash_IsStableHexSha256AndNotTheToken()
    {
        var token = SecureToken.Create();
        Assert.Equal(SecureToken.Hash(token), SecureToken.Hash(token));
        Assert.Matches("^[0-9a-f]{64}$", SecureToken.Hash(token));
        Assert.NotEqual(SecureToken.Hash(token), SecureToken.Hash(SecureToken.Create()));
    }
}
