var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok());
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
