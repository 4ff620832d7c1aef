using MudBlazor;

namespace EventPlatform.Web.Components.Layout;

/// <summary>The one theme of the product: deep indigo with warm accents, system fonts (no CDN).</summary>
internal static class EventPlatformTheme
{
    private static readonly string[] FontStack = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4338ca",
            PrimaryDarken = "#3730a3",
            Secondary = "#db2777",
            Tertiary = "#0d9488",
            AppbarBackground = "#1e1b4b",
            AppbarText = "#ffffff",
            Background = "#f6f6fb",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2937",
            TextSecondary = "#4b5563",
            Success = "#166534",
            Error = "#b91c1c",
            Warning = "#b45309",
            Info = "#1d4ed8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "2.25rem", FontWeight = "700", LineHeight = "1.2" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "1.75rem", FontWeight = "700", LineHeight = "1.25" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1.4rem", FontWeight = "600", LineHeight = "1.3" },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = FontStack, FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.35" },
            H6 = new H6Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
