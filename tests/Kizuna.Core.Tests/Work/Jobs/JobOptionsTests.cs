using System.ComponentModel.DataAnnotations;

namespace Kizuna.Work.Jobs;

public sealed class JobOptionsTests
{
    [Fact]
    public void Validate_LeaseTooShortAndRetryDelaysReversed_RefusedNamingTheSettings()
    {
        var options = new JobOptions { Leases = { ["import"] = TimeSpan.FromMilliseconds(5) }, RetryDelay = TimeSpan.FromHours(2) };

        var errors = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Jobs:Leases:import", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Jobs:RetryDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_ConfiguredLease_ReplacesTheHandlersLease()
    {
        var options = new JobOptions { Leases = { ["import"] = TimeSpan.FromSeconds(30) } };

        Assert.Equal(TimeSpan.FromSeconds(30), options.Apply(new JobQueueSettings("import", 1, TimeSpan.FromMinutes(2), 3)).Lease);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Apply(new JobQueueSettings("send", 500, TimeSpan.FromMinutes(1), 5)).Lease);
    }
}
