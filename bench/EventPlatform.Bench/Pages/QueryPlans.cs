using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace EventPlatform.Bench;

/// <summary>A page's statement as PostgreSQL ran it under EXPLAIN (ANALYZE, BUFFERS).</summary>
internal sealed record StatementPlan(CapturedStatement Statement, IReadOnlyList<string> Plan, double ExecutionMs)
{
    /// <summary>The plan's first line, the node that returns the rows.</summary>
    public string Top => Plan.Count == 0 ? "" : Plan[0].Trim();

    /// <summary>"Seq Scan on sessions", "Index Scan using pk_events", …: how the plan reaches each table.</summary>
    public IReadOnlyList<string> Accesses => Plan
        .Select(line => QueryPlans.Access.Match(line))
        .Where(m => m.Success)
        .Select(m => $"{m.Groups["how"].Value} {m.Groups["what"].Value}")
        .Distinct()
        .ToList();
}

/// <summary>EXPLAIN (ANALYZE, BUFFERS) of the statements a page sent, with the values it sent them with.</summary>
internal static partial class QueryPlans
{
    [GeneratedRegex(@"(?<how>Seq Scan on|Index Scan(?: Backward)? using|Index Only Scan(?: Backward)? using|Bitmap Index Scan on) (?<what>\S+)")]
    private static partial Regex AccessPattern();

    public static Regex Access => AccessPattern();

    [GeneratedRegex(@"Execution Time: (?<ms>[0-9.]+) ms")]
    private static partial Regex ExecutionTime();

    /// <summary>
    /// Each SELECT run twice, the second plan kept: the pages are measured warm, with the rows in
    /// PostgreSQL's buffers, so the plan should be too.
    /// </summary>
    public static async Task<IReadOnlyList<StatementPlan>> ExplainAsync(BenchHost host, IReadOnlyList<CapturedStatement> statements)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        var plans = new List<StatementPlan>();
        foreach (var statement in statements.Where(s => IsQuery(s.Sql)))
        {
            IReadOnlyList<string> plan = [];
            for (var run = 0; run < 2; run++)
            {
                plan = await ExplainOnceAsync(connection, statement);
            }

            var time = plan.Select(line => ExecutionTime().Match(line)).FirstOrDefault(m => m.Success);
            plans.Add(new StatementPlan(statement, plan,
                time is null ? double.NaN : double.Parse(time.Groups["ms"].Value, CultureInfo.InvariantCulture)));
        }

        return plans;
    }

    private static bool IsQuery(string sql)
    {
        var start = sql.TrimStart();
        return start.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || start.StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<IReadOnlyList<string>> ExplainOnceAsync(NpgsqlConnection connection, CapturedStatement statement)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + statement.Sql, connection);
        foreach (var parameter in statement.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>The statement's SQL, preceded by the values of its parameters as SQL comments.</summary>
    public static string WithValues(CapturedStatement statement)
    {
        var text = new StringBuilder();
        foreach (var parameter in statement.Parameters)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"-- {parameter.ParameterName} = {Describe(parameter.Value)}");
        }

        return text.Append(statement.Sql.Trim()).ToString();
    }

    private static string Describe(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => List(list.Cast<object?>().ToList()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>"{a, b}", or "{a, b, c, … 20 in all}": the plan repeats the whole list where it uses it.</summary>
    private static string List(List<object?> items) => items.Count <= 3
        ? "{" + string.Join(", ", items.Select(Describe)) + "}"
        : "{" + string.Join(", ", items.Take(3).Select(Describe)) + $", … {items.Count} in all}}";
}
