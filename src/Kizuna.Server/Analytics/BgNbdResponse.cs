namespace Kizuna.Server.Analytics;

/// <summary>Fitted BG/NBD parameters: purchase rates gamma(r, α) in weeks, dropout beta(a, b), and the log-likelihood.</summary>
public sealed record BgNbdResponse(double R, double Alpha, double A, double B, double LogLikelihood);
