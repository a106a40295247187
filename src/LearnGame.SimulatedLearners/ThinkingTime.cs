namespace LearnGame.SimulatedLearners;

/// <summary>How long a simulated learner thinks before answering.</summary>
public static class ThinkingTime
{
    /// <summary>The share of the question's remaining time a learner may think: every answer arrives before the deadline.</summary>
    public const double MaxShareOfRemaining = 0.8;

    /// <summary>
    /// Log-normal around <paramref name="medianMs"/> (σ = 0.6): most answer near the median, a few much later, as a
    /// class does; never past <see cref="MaxShareOfRemaining"/> of <paramref name="remainingMs"/>. Takes two draws of
    /// <paramref name="random"/>.
    /// </summary>
    public static TimeSpan Draw(Random random, double medianMs, long remainingMs)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        var ms = medianMs * Math.Exp(0.6 * normal);
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxShareOfRemaining * Math.Max(0, remainingMs)));
    }
}
