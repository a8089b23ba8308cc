using Kizuna.Imports;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Imports;

public static class ImportsApi
{
    /// <summary>CSV imports: upload a file with its mapping, then follow the job until its report is there.</summary>
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports").RequireScope(Scopes.Import);
        group.MapPost("/", UploadAsync).DisableAntiforgery();
        group.MapGet("/{id}", FindAsync);
        group.MapGet("/", ListAsync);
        return routes;
    }

    /// <summary>
    /// <c>POST /api/imports</c>: multipart form with a <c>file</c> part (the CSV) and a <c>mapping</c> part (the
    /// JSON mapping). The file is checked against the mapping's columns, then imported in the background:
    /// 202 with the job and its <c>Location</c>; 400 naming the field when the upload or the mapping is wrong.
    /// </summary>
    private static async Task<Results<Accepted<ImportJobResponse>, ValidationProblem>> UploadAsync(
        HttpRequest request, ImportJobRunner runner, CancellationToken ct)
    {
        ImportUpload upload;
        try
        {
            upload = await ImportUpload.ReadAsync(request, ct);
        }
        catch (InvalidDataException ex)
        {
            return Invalid("file", $"The multipart body could not be read: {ex.Message}");
        }
        catch (ImportMappingException ex)
        {
            return Invalid(ex.Field, ex.Message);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            // MultipartReader's "Unexpected end of Stream": an empty, cut off or garbled body. Kestrel's own
            // BadHttpRequestException (such as a body over the size limit) keeps its status code.
            return Invalid("file", "The multipart body ends before its closing boundary: it is empty, cut off or not the multipart/form-data its Content-Type says.");
        }

        try
        {
            if (upload.TempPath is null)
            {
                return Invalid("file", "A multipart part named 'file' with the CSV is required.");
            }

            if (string.IsNullOrWhiteSpace(upload.MappingJson))
            {
                return Invalid("mapping", "A multipart part named 'mapping' with the JSON mapping is required.");
            }

            var mapping = ImportMappingParser.Parse(upload.MappingJson);
            await ImportService.CheckHeaderAsync(upload.TempPath, mapping, ct);
            var job = await runner.EnqueueAsync(request.HttpContext.User.WorkspaceIdOf(), upload.FileName ?? "upload.csv", upload.TempPath, mapping, deleteWhenDone: true, ct);
            return TypedResults.Accepted($"/api/imports/{job.Id}", ImportJobResponse.From(job));
        }
        catch (ImportMappingException ex)
        {
            upload.DeleteFile();
            return Invalid(ex.Field is "file" or "mapping" ? ex.Field : $"mapping.{ex.Field}", ex.Message);
        }
        catch
        {
            upload.DeleteFile();
            throw;
        }
    }

    /// <summary><c>GET /api/imports/{id}</c>: the job's status, progress and, once finished, its report.</summary>
    private static async Task<Results<Ok<ImportJobResponse>, NotFound>> FindAsync(long id, HttpContext context, ImportJobStore jobs, CancellationToken ct) =>
        await jobs.FindAsync(context.User.WorkspaceIdOf(), id, ct) is { } job ? TypedResults.Ok(ImportJobResponse.From(job)) : TypedResults.NotFound();

    /// <summary><c>GET /api/imports</c>: the workspace's recent import jobs, newest first.</summary>
    private static async Task<Results<Ok<IReadOnlyList<ImportJobResponse>>, ValidationProblem>> ListAsync(HttpContext context, ImportJobStore jobs, CancellationToken ct, int limit = 50) =>
        PageParameters.Problem(0, limit, 200) is { } problem ? problem
            : TypedResults.Ok<IReadOnlyList<ImportJobResponse>>([.. (await jobs.ListAsync(context.User.WorkspaceIdOf(), limit, ct)).Select(ImportJobResponse.From)]);

    private static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}
