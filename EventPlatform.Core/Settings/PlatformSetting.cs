namespace EventPlatform.Core.Settings;

/// <summary>One platform setting stored in the database, as text.</summary>
public class PlatformSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
