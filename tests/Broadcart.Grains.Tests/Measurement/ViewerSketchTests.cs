using Broadcart.Grains.Metrics;

namespace Broadcart.Grains.Tests.Measurement;

public sealed class ViewerSketchTests
{
    [Fact]
    public void Up_to_its_exact_limit_it_counts_exactly_and_repeats_count_once()
    {
        var sketch = new ViewerSketch();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < ViewerSketch.ExactLimit; i++)
            {
                sketch.Add($"user-{i}");
            }
        }

        Assert.Equal(ViewerSketch.ExactLimit, sketch.Count());
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public void Past_it_the_estimate_is_within_the_documented_error(int distinct)
    {
        var sketch = new ViewerSketch();
        for (var i = 0; i < distinct; i++)
        {
            sketch.Add($"viewer-{i}");
            sketch.Add($"viewer-{i}"); // a second join counts once
        }

        // HyperLogLog with 4,096 registers: about 1.6% standard error; 4 standard errors is a bound this test never crosses by chance.
        var error = Math.Abs(sketch.Count() - distinct) / (double)distinct;
        Assert.True(error < 0.065, $"{sketch.Count()} for {distinct} distinct viewers ({error:P2} off)");
    }

    [Fact]
    public void A_union_counts_a_viewer_seen_in_two_regions_once()
    {
        var de = new ViewerSketch();
        var us = new ViewerSketch();
        for (var i = 0; i < 3_000; i++)
        {
            de.Add($"v-{i}");
            us.Add($"v-{i + 1_500}");
        }

        var union = ViewerSketch.Union([de, us]);
        var error = Math.Abs(union.Count() - 4_500) / 4_500.0;
        Assert.True(error < 0.065, $"union {union.Count()} for 4,500 distinct");

        var small = ViewerSketch.Union([Exact("a", "b"), Exact("b", "c")]);
        Assert.Equal(3, small.Count());
    }

    private static ViewerSketch Exact(params string[] users)
    {
        var sketch = new ViewerSketch();
        foreach (var user in users)
        {
            sketch.Add(user);
        }

        return sketch;
    }
}
