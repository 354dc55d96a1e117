namespace Broadcart.Bench;

/// <summary>Every system once per repeat, the order reversed on every other repeat so that neither always runs first on a warm machine.</summary>
public static class Repeats
{
    public static IEnumerable<(int Repeat, T System)> Alternating<T>(int repeats, IReadOnlyList<T> systems)
    {
        for (var r = 0; r < repeats; r++)
        {
            var order = r % 2 == 0 ? systems : systems.Reverse().ToList();
            foreach (var system in order)
            {
                yield return (r, system);
            }
        }
    }
}
