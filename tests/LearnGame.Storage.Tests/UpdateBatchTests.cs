using LearnGame.Storage;
using LearnGame.Storage.Batching;

namespace LearnGame.Storage.Tests;

public sealed class UpdateBatchTests
{
    [Fact]
    public void A_payload_that_is_a_whole_array_is_written_as_it_is_not_copied()
    {
        var frozen = new byte[] { 1, 2, 3 };

        Assert.Same(frozen, UpdateBatch.Bytes(BinaryData.FromBytes(frozen)));
    }

    [Fact]
    public void A_payload_that_is_part_of_an_array_is_copied_to_its_own_bytes()
    {
        var buffer = new byte[] { 9, 1, 2, 3, 9 };

        var bytes = UpdateBatch.Bytes(new BinaryData(new ReadOnlyMemory<byte>(buffer, 1, 3)));

        Assert.Equal([1, 2, 3], bytes);
        Assert.NotSame(buffer, bytes);
    }

    [Fact]
    public void A_payload_that_is_the_start_of_a_longer_array_is_copied_to_its_own_bytes()
    {
        var buffer = new byte[] { 1, 2, 3, 9, 9 };

        var bytes = UpdateBatch.Bytes(new BinaryData(new ReadOnlyMemory<byte>(buffer, 0, 3)));

        Assert.Equal([1, 2, 3], bytes);
    }

    [Fact]
    public void The_frozen_state_reaches_the_update_without_a_copy()
    {
        var serializer = new LearnGameStateSerializer();
        var batch = new SqliteUpdateBatch("Data Source=:memory:", "service", serializer);
        var state = new GrainState<List<int>>([1, 2]) { ETag = "3" };
        var frozen = serializer.Freeze(state.State);

        var update = batch.For("s", GrainId.Create("test", Guid.NewGuid().ToString()), state, () => { }, _ => { });

        Assert.NotNull(update);
        Assert.Same(frozen, update.Payload());
    }
}
