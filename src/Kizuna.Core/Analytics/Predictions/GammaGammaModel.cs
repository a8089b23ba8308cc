using MathNet.Numerics;

namespace Kizuna.Analytics.Predictions;

/// <summary>
/// Fits the Gamma-Gamma spend model by maximum likelihood on the customers with repeat purchases (x &gt; 0, mean
/// repeat value m_x &gt; 0). Per customer:
/// <code>
/// LL = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m_x + px ln x − (px+q) ln(x·m_x + γ)
/// </code>
/// The gamma-function terms depend on x alone and are computed once per distinct x.
/// </summary>
public static class GammaGammaModel
{
    public static GammaGammaParameters Fit(IEnumerable<PurchaseHistory> histories)
    {
        var points = histories.Where(h => h.Frequency > 0 && h.MeanRepeatSpend > 0)
            .Select(h => (X: h.Frequency, M: h.MeanRepeatSpend, LogM: Math.Log(h.MeanRepeatSpend), LogX: Math.Log(h.Frequency)))
            .ToArray();
        if (points.Length == 0)
        {
            throw new ArgumentException("There are no customers with repeat purchases to fit the spend model on.", nameof(histories));
        }

        var byX = points.GroupBy(p => p.X).Select(g => (X: g.Key, Weight: (double)g.Count())).ToArray();
        var (best, ll) = LogSpaceFit.Maximise(theta => Evaluate(theta, points, byX), 3, points.Length);
        return new GammaGammaParameters(best[0], best[1], best[2], ll, points.Length);
    }

    private static (double LogLikelihood, double[] Gradient) Evaluate(
        double[] theta, (int X, double M, double LogM, double LogX)[] points, (int X, double Weight)[] byX)
    {
        var (p, q, v) = (theta[0], theta[1], theta[2]);
        double ll = 0, dp = 0, dq = 0, dv = 0;
        foreach (var (x, w) in byX)
        {
            ll += w * (SpecialFunctions.GammaLn(p * x + q) - SpecialFunctions.GammaLn(p * x) - SpecialFunctions.GammaLn(q) + q * Math.Log(v));
            dp += w * x * (SpecialFunctions.DiGamma(p * x + q) - SpecialFunctions.DiGamma(p * x));
            dq += w * (SpecialFunctions.DiGamma(p * x + q) - SpecialFunctions.DiGamma(q) + Math.Log(v));
            dv += w * q / v;
        }

        foreach (var (x, m, logM, logX) in points)
        {
            var logTotal = Math.Log(x * m + v);
            ll += (p * x - 1) * logM + p * x * logX - (p * x + q) * logTotal;
            dp += x * (logM + logX - logTotal);
            dq -= logTotal;
            dv -= (p * x + q) / (x * m + v);
        }

        return (ll, [dp, dq, dv]);
    }
}
