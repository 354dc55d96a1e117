namespace Broadcart.Grains.Common;

public static class UndoableWrites
{
    /// <summary>
    /// Writes the state; a refused write runs <paramref name="undo"/> first, so memory stays as
    /// storage has it and a retry is judged afresh.
    /// </summary>
    public static async Task WriteOrUndoAsync<TState>(this IPersistentState<TState> state, Action undo)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }
}
