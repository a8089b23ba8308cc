using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Kizuna.Analytics.Predictions;

/// <summary>
/// Maximises a log-likelihood over positive parameters with Math.NET's BFGS. The search runs over their logarithms,
/// so no step can leave the positive half-space, and the gradient is the analytic one times each parameter (the
/// chain rule for θ = e^u). Starts from 1 for every parameter, as the published fits do.
/// </summary>
internal static class LogSpaceFit
{
    private const double Bound = 20;

    /// <summary>A log-likelihood and its gradient at the given parameters.</summary>
    public delegate (double LogLikelihood, double[] Gradient) Objective(double[] parameters);

    /// <summary>
    /// Maximises <paramref name="objective"/> over <paramref name="count"/> parameters. The search sees the mean
    /// log-likelihood per customer (<paramref name="customers"/>), so its first steps have the same size whatever
    /// the workspace's size.
    /// </summary>
    public static (double[] Parameters, double LogLikelihood) Maximise(Objective objective, int count, double customers)
    {
        // The best point seen: on data whose maximum lies at a boundary (a parameter running off to 0 or infinity,
        // as on a handful of customers) the search stops at its bounds or its iteration limit and keeps this.
        var best = (Value: double.PositiveInfinity, Point: new double[count]);
        var function = ObjectiveFunction.Gradient(u =>
        {
            if (u.Any(v => Math.Abs(v) > Bound))
            {
                // Outside e^±20: a steep wall, sloping back inside, that the line search backs away from.
                return (1e100, Vector<double>.Build.Dense(count, i => Math.Abs(u[i]) > Bound ? Math.Sign(u[i]) * 1e10 : 0));
            }

            var theta = u.Select(Math.Exp).ToArray();
            var (ll, gradient) = objective(theta);
            if (!double.IsFinite(ll))
            {
                return (1e100, Vector<double>.Build.Dense(count, 0));
            }

            if (-ll < best.Value)
            {
                best = (-ll, theta);
            }

            return (-ll / customers, Vector<double>.Build.Dense(count, i => -gradient[i] * theta[i] / customers));
        });
        var minimizer = new BfgsMinimizer(gradientTolerance: 1e-10, parameterTolerance: 1e-12, functionProgressTolerance: 1e-15, maximumIterations: 1000);
        try
        {
            var found = minimizer.FindMinimum(function, Vector<double>.Build.Dense(count, 0)).MinimizingPoint.Select(Math.Exp).ToArray();
            var ll = objective(found).LogLikelihood;
            if (double.IsFinite(ll) && -ll <= best.Value)
            {
                return (found, ll);
            }
        }
        catch (Exception ex) when (ex is MaximumIterationsException or EvaluationException or InnerOptimizationException)
        {
            // Keep the best point seen.
        }

        if (!double.IsFinite(best.Value))
        {
            throw new ArithmeticException("The likelihood could not be evaluated anywhere the search went.");
        }

        return (best.Point, -best.Value);
    }
}
