using System.Globalization;
using System.Text;
using Npgsql;

namespace EventPlatform.Bench;

/// <summary>
/// With <c>--profile</c>: the statements a scenario sent, from pg_stat_statements (preloaded by
/// <see cref="BenchHost"/>): calls, mean and total time, heaviest first. Printed to stderr.
/// </summary>
internal static class DatabaseProfile
{
    public static async Task ResetAsync(BenchHost host)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();",
            connection);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task<string> TopStatementsAsync(BenchHost host, int limit = 60)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""
            SELECT calls, round(mean_exec_time::numeric, 2), round(total_exec_time::numeric, 0), left(regexp_replace(query, '\s+', ' ', 'g'), 160)
            FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'
            ORDER BY calls DESC LIMIT @limit
            """, connection);
        query.Parameters.AddWithValue("limit", limit);
        var text = new StringBuilder();
        await using (var sum = new NpgsqlCommand("SELECT coalesce(sum(calls), 0)::bigint, coalesce(sum(total_exec_time), 0)::float8 FROM " +
            "pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'", connection))
        await using (var totals = await sum.ExecuteReaderAsync())
        {
            await totals.ReadAsync();
            text.AppendLine(CultureInfo.InvariantCulture, $"{totals.GetInt64(0)} statements, {totals.GetDouble(1):0} ms executing in all");
        }

        text.AppendLine("calls | mean ms | total ms | statement");
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{reader.GetInt64(0)} | {reader.GetDecimal(1)} | {reader.GetDecimal(2)} | {reader.GetString(3)}");
        }

        return text.ToString();
    }
}
