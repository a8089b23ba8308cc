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
    /// <summary>A log-likelihood and its gradient at the given parameters.</summary>
    public delegate (double LogLikelihood, double[] Gradient) Objective(double[] parameters);

    /// <summary>
    /// Maximises <paramref name="objective"/> over <paramref name="count"/> parameters. The search sees the mean
    /// log-likelihood per customer (<paramref name="customers"/>), so its first steps have the same size whatever
    /// the workspace's size.
    /// </summary>
    public static (double[] Parameters, double LogLikelihood) Maximise(Objective objective, int count, double customers)
    {
        var function = ObjectiveFunction.Gradient(u =>
        {
            var theta = u.Select(Math.Exp).ToArray();
            var (ll, gradient) = objective(theta);
            if (!double.IsFinite(ll))
            {
                // Outside the region the model is defined in: a steep wall the line search backs away from.
                return (double.MaxValue / 4, Vector<double>.Build.Dense(count, 0));
            }

            return (-ll / customers, Vector<double>.Build.Dense(count, i => -gradient[i] * theta[i] / customers));
        });
        var minimizer = new BfgsMinimizer(gradientTolerance: 1e-10, parameterTolerance: 1e-12, functionProgressTolerance: 1e-15, maximumIterations: 2000);
        var result = minimizer.FindMinimum(function, Vector<double>.Build.Dense(count, 0));
        var best = result.MinimizingPoint.Select(Math.Exp).ToArray();
        return (best, objective(best).LogLikelihood);
    }
}
