using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// Distinct viewers of a scope. Up to <see cref="ExactLimit"/> viewers it holds their 64-bit
/// hashes and counts exactly (a hash collision among that few is about 1 in 10^13); past that it
/// becomes a HyperLogLog with 2^12 one-byte registers (4 KB, the size of the exact set at its
/// limit): standard error 1.04 / sqrt(4096), about 1.6%. Sketches merge without loss (a union of
/// sets, or the maximum of each register), so a total built from regions counts a viewer seen in
/// two regions once.
/// </summary>
[GenerateSerializer, Alias("Broadcart.ViewerSketch")]
public sealed class ViewerSketch
{
    public const int Precision = 12;
    public const int RegisterCount = 1 << Precision;
    public const int ExactLimit = 512;

    /// <summary>The viewers' hashes while there are few; null once the sketch is dense.</summary>
    [Id(0)] public HashSet<ulong>? Exact { get; set; } = [];

    /// <summary>The HyperLogLog registers once dense; null before.</summary>
    [Id(1)] public byte[]? Registers { get; set; }

    public void Add(string userId) => AddHash(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(userId)));

    public void Merge(ViewerSketch other)
    {
        if (other.Registers is { } registers)
        {
            var mine = Dense();
            for (var i = 0; i < RegisterCount; i++)
            {
                mine[i] = Math.Max(mine[i], registers[i]);
            }
        }
        else
        {
            foreach (var hash in other.Exact ?? [])
            {
                AddHash(hash);
            }
        }
    }

    public static ViewerSketch Union(IEnumerable<ViewerSketch> sketches)
    {
        var union = new ViewerSketch();
        foreach (var sketch in sketches)
        {
            union.Merge(sketch);
        }

        return union;
    }

    public long Count()
    {
        if (Registers is not { } registers)
        {
            return Exact?.Count ?? 0;
        }

        double sum = 0;
        var zeros = 0;
        foreach (var r in registers)
        {
            sum += Math.ScaleB(1, -r);
            zeros += r == 0 ? 1 : 0;
        }

        const double m = RegisterCount;
        var alpha = 0.7213 / (1 + (1.079 / m));
        var estimate = alpha * m * m / sum;

        // Small cardinalities: linear counting on the empty registers is the better estimate. With
        // 64-bit hashes there is no large-range correction to make.
        if (estimate <= 2.5 * m && zeros > 0)
        {
            estimate = m * Math.Log(m / zeros);
        }

        return (long)Math.Round(estimate);
    }

    private void AddHash(ulong hash)
    {
        if (Registers is null && Exact is { } exact)
        {
            exact.Add(hash);
            if (exact.Count <= ExactLimit)
            {
                return;
            }

            Dense();
            return;
        }

        Set(Dense(), hash);
    }

    private byte[] Dense()
    {
        if (Registers is { } registers)
        {
            return registers;
        }

        registers = new byte[RegisterCount];
        foreach (var hash in Exact ?? [])
        {
            Set(registers, hash);
        }

        Registers = registers;
        Exact = null;
        return registers;
    }

    private static void Set(byte[] registers, ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        var rest = hash << Precision;
        var rank = rest == 0 ? 64 - Precision + 1 : BitOperations.LeadingZeroCount(rest) + 1;
        registers[index] = Math.Max(registers[index], (byte)rank);
    }
}
