using System.Globalization;

namespace LearnGame.Content;

/// <summary>
/// Chooses a slider for a numeric answer that arrives without one (GIFT, Moodle XML, a CSV row without min/max).
/// See docs/content-formats.md: the span is a round number at least as large as the value and four tolerances,
/// the slider runs from the value minus the span to the value plus the span, widened to round numbers and cut at 0
/// for values of one sign, so the right answer is rarely in the middle.
/// </summary>
public static class NumericSlider
{
    public static (double Min, double Max, double Step) Guess(double correct, double tolerance)
    {
        var span = RoundUp(Math.Max(Math.Max(Math.Abs(correct), 4 * tolerance), 1));
        var grain = span / 10;
        var min = Math.Floor((correct - span) / grain) * grain;
        var max = Math.Ceiling((correct + span) / grain) * grain;
        if (correct >= 0 && min < 0) min = 0;
        if (correct <= 0 && max > 0) max = 0;
        if (max - min < span) (min, max) = correct >= 0 ? (min, min + span) : (max - span, max);
        return (min, max, StepFor(correct, tolerance));
    }

    /// <summary>The smallest "nice" number (1, 2 or 5 times a power of ten) at or above the value.</summary>
    private static double RoundUp(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1.0, 2, 5, 10 })
            if (m * power >= value) return m * power;
        return 10 * power;
    }

    /// <summary>1 for whole numbers, else a power of ten fine enough to reach the value and the tolerance exactly.</summary>
    private static double StepFor(double correct, double tolerance)
    {
        var decimals = Math.Max(Decimals(correct), Decimals(tolerance));
        return decimals == 0 ? 1 : Math.Pow(10, -decimals);
    }

    private static int Decimals(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E')) return 0;
        var dot = text.IndexOf('.');
        return dot < 0 ? 0 : Math.Min(text.Length - dot - 1, 6);
    }
}
