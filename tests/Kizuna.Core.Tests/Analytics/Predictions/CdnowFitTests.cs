namespace Kizuna.Analytics.Predictions;

/// <summary>The fits reproduce the published CDNOW figures (Fader, Hardie and Lee 2005) to three decimals.</summary>
public sealed class CdnowFitTests
{
    private const string Missing = "shared/data/cdnow/CDNOW_sample.txt was not found above the test folder; the CDNOW reproduction needs it.";

    [Fact]
    public void Fit_CdnowCalibrationFromRawPurchases_GivesThePublishedBgNbdParameters()
    {
        if (Cdnow.Folder() is not { } folder)
        {
            Assert.Skip(Missing);
            return;
        }

        var asOf = Cdnow.Day(Cdnow.CalibrationEnd);
        var histories = Cdnow.CalibrationPurchases(folder).Select(c => c.ToHistory(asOf)).ToList();
        var fit = BgNbdModel.Fit(histories);

        Assert.Equal(2357, fit.Customers);
        Assert.Equal(0.243, fit.R, 3);
        Assert.Equal(4.414, fit.Alpha, 3);
        Assert.Equal(0.793, fit.A, 3);
        Assert.Equal(2.426, fit.B, 3);
        Assert.Equal(-9582.4, fit.LogLikelihood, 1);
    }

    [Fact]
    public void Fit_PublishedCdnowSummary_GivesThePublishedBgNbdParameters()
    {
        if (Cdnow.Folder() is not { } folder)
        {
            Assert.Skip(Missing);
            return;
        }

        var fit = BgNbdModel.Fit(Cdnow.PublishedSummary(folder));

        Assert.Equal(0.243, fit.R, 3);
        Assert.Equal(4.414, fit.Alpha, 3);
        Assert.Equal(0.793, fit.A, 3);
        Assert.Equal(2.426, fit.B, 3);
        Assert.Equal(-9582.4, fit.LogLikelihood, 1);
        Assert.Equal(fit.LogLikelihood, BgNbdModel.LogLikelihood(fit, Cdnow.PublishedSummary(folder)), 6);
    }

    [Fact]
    public void Fit_CdnowRepeatCustomers_GivesThePublishedGammaGammaParameters()
    {
        if (Cdnow.Folder() is not { } folder)
        {
            Assert.Skip(Missing);
            return;
        }

        var fit = GammaGammaModel.Fit(Cdnow.PublishedSummary(folder));

        Assert.Equal(946, fit.Customers);
        Assert.Equal(6.25, fit.P, 2);
        Assert.Equal(3.74, fit.Q, 2);
        Assert.Equal(15.45, fit.V, 1);
    }

    [Fact]
    public void Fit_CdnowRepeatCustomersFromRawPurchases_AgreesWithThePublishedGammaGamma()
    {
        if (Cdnow.Folder() is not { } folder)
        {
            Assert.Skip(Missing);
            return;
        }

        var asOf = Cdnow.Day(Cdnow.CalibrationEnd);
        var fit = GammaGammaModel.Fit(Cdnow.CalibrationPurchases(folder).Select(c => c.ToHistory(asOf)));

        Assert.Equal(946, fit.Customers);
        Assert.Equal(6.25, fit.P, 1);
        Assert.Equal(3.74, fit.Q, 1);
        Assert.Equal(15.45, fit.V, 0);
    }
}
