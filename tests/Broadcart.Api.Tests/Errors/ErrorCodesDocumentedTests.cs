using System.Reflection;
using System.Text.RegularExpressions;
using Broadcart.Grains.Common;

namespace Broadcart.Api.Tests.Errors;

/// <summary>Every error code a client can meet is in the protocol's table, with its HTTP status.</summary>
public sealed partial class ErrorCodesDocumentedTests
{
    [Fact]
    public void Every_error_code_constant_is_listed_in_the_protocol_document_and_every_listed_code_exists()
    {
        var codes = typeof(ErrorCodes).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Namespace == typeof(ErrorCodes).Namespace && (t.Name.EndsWith("Errors", StringComparison.Ordinal) || t == typeof(ErrorCodes)))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("validation_failed", codes);
        Assert.Contains("not_verified", codes);

        var protocol = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "protocol.md"));
        var table = protocol[protocol.IndexOf("| code | HTTP | when |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var listed = TableRow().Matches(table).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(codes.Except(listed).Order());
        Assert.Empty(listed.Except(codes).Order());
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
