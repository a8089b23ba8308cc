using MathNet.Numerics;

namespace Kizuna.Analytics.Predictions;

/// <summary>
/// Fits the BG/NBD model by maximum likelihood. Per customer (x repeat purchases, recency t_x, age T):
/// <code>
/// LL = lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
///      + ln[ (α+T)^−(r+x) + δ(x&gt;0) · a/(b+x−1) · (α+t_x)^−(r+x) ]
/// </code>
/// Customers with the same (x, t_x, T) are counted once with a weight, and the gamma-function terms, which depend
/// on x alone, once per distinct x, so an evaluation costs a few logarithms per distinct history.
/// </summary>
public static class BgNbdModel
{
    public static BgNbdParameters Fit(IReadOnlyCollection<PurchaseHistory> histories)
    {
        if (histories.Count == 0)
        {
            throw new ArgumentException("There are no customers to fit the model on.", nameof(histories));
        }

        var points = histories
            .GroupBy(h => (h.Frequency, h.Recency, h.Age))
            .Select(g => (X: g.Key.Frequency, Tx: g.Key.Recency, T: g.Key.Age, Weight: (double)g.Count()))
            .ToArray();
        var byX = points.GroupBy(p => p.X).Select(g => (X: g.Key, Weight: g.Sum(p => p.Weight))).ToArray();
        var (best, ll) = LogSpaceFit.Maximise(theta => Evaluate(theta, points, byX), 4, histories.Count);
        return new BgNbdParameters(best[0], best[1], best[2], best[3], ll, histories.Count);
    }

    /// <summary>The summed log-likelihood of the histories at the given parameters.</summary>
    public static double LogLikelihood(BgNbdParameters parameters, IEnumerable<PurchaseHistory> histories)
    {
        var points = histories.Select(h => (h.Frequency, h.Recency, h.Age, 1.0)).ToArray();
        var byX = points.GroupBy(p => p.Frequency).Select(g => (g.Key, (double)g.Count())).ToArray();
        return Evaluate([parameters.R, parameters.Alpha, parameters.A, parameters.B], points, byX).LogLikelihood;
    }

    private static (double LogLikelihood, double[] Gradient) Evaluate(
        double[] theta, (int X, double Tx, double T, double Weight)[] points, (int X, double Weight)[] byX)
    {
        var (r, alpha, a, b) = (theta[0], theta[1], theta[2], theta[3]);
        double ll = 0, dr = 0, dAlpha = 0, da = 0, db = 0;

        // The terms of x alone: lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x).
        foreach (var (x, w) in byX)
        {
            ll += w * (SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + r * Math.Log(alpha)
                + SpecialFunctions.GammaLn(a + b) + SpecialFunctions.GammaLn(b + x) - SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b + x));
            dr += w * (SpecialFunctions.DiGamma(r + x) - SpecialFunctions.DiGamma(r) + Math.Log(alpha));
            dAlpha += w * r / alpha;
            da += w * (SpecialFunctions.DiGamma(a + b) - SpecialFunctions.DiGamma(a + b + x));
            db += w * (SpecialFunctions.DiGamma(a + b) + SpecialFunctions.DiGamma(b + x) - SpecialFunctions.DiGamma(b) - SpecialFunctions.DiGamma(a + b + x));
        }

        foreach (var (x, tx, t, w) in points)
        {
            var a3 = -(r + x) * Math.Log(alpha + t);
            if (x == 0)
            {
                ll += w * a3;
                dr -= w * Math.Log(alpha + t);
                dAlpha -= w * (r + x) / (alpha + t);
                continue;
            }

            var a4 = Math.Log(a) - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + tx);
            var top = Math.Max(a3, a4);
            var (e3, e4) = (Math.Exp(a3 - top), Math.Exp(a4 - top));
            ll += w * (top + Math.Log(e3 + e4));
            var (w3, w4) = (e3 / (e3 + e4), e4 / (e3 + e4));
            dr -= w * (w3 * Math.Log(alpha + t) + w4 * Math.Log(alpha + tx));
            dAlpha -= w * (r + x) * (w3 / (alpha + t) + w4 / (alpha + tx));
            da += w * w4 / a;
            db -= w * w4 / (b + x - 1);
        }

        return (ll, [dr, dAlpha, da, db]);
    }
}
