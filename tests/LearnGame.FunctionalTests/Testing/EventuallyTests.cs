using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Testing;

public sealed class EventuallyTests
{
    [Fact]
    public async Task A_value_read_again_is_returned_once_it_holds()
    {
        var reads = 0;
        var value = await Eventually.Value(() => Task.FromResult(++reads), n => n == 3, "the third read");
        Assert.Equal(3, value);
    }

    [Fact]
    public async Task A_condition_that_never_holds_fails_naming_what_was_awaited_and_the_last_value()
    {
        var reads = 0;
        var failure = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.Value(() => Task.FromResult(++reads), _ => false, "a purge", TimeSpan.FromMilliseconds(100)));
        Assert.Contains("a purge", failure.Message);
        Assert.Contains($"last read: {reads}", failure.Message);
    }

    [Fact]
    public async Task A_call_that_fails_is_tried_again_until_it_answers()
    {
        var calls = 0;
        var value = await Eventually.Retrying(() => ++calls < 3 ? Task.FromException<int>(new InvalidOperationException("down")) : Task.FromResult(calls),
            n => n == 3, "the silo back", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5));
        Assert.Equal(3, value);
    }

    [Fact]
    public async Task A_call_that_keeps_failing_fails_at_the_deadline_with_its_last_failure()
    {
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.Retrying(() => Task.FromException<int>(new InvalidOperationException("still down")),
            _ => true, "the silo back", TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5)));
        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }
}
