using Kizuna.Browser;

// One server and one browser for the whole run; the pages share a 2-core machine, so tests take turns.
[assembly: AssemblyFixture(typeof(DashboardServer))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
