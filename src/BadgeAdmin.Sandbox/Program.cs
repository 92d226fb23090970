using BadgeAdmin.Sandbox;

SandboxOptions options;
try
{
    options = SandboxOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(SandboxOptions.Usage);
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

SandboxServer server;
try
{
    server = await SandboxServer.StartAsync(options);
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    Console.Error.WriteLine($"The sandbox cannot listen on {options.Address}:{options.Port}: the port is already in use. Pick another with --port N, or --urls http://127.0.0.1:0 for a free one.");
    return 1;
}

await using var running = server;
Console.WriteLine($"BadgeAdmin sandbox listening on {server.BaseAddress}");
Console.WriteLine($"  PartnerPage key: {options.PartnerPageKey}    Snag key: {options.SnagKey}");
Console.WriteLine($"  Snag organization: {server.State.Snag.OrganizationId}    main website: {server.State.Snag.MainWebsite.Id}");
Console.WriteLine($"  Seed ids: GET {server.BaseAddress}_sandbox/seed");
Console.WriteLine("  Press Ctrl+C to stop.");
if (options.AddressFile is not null) await File.WriteAllTextAsync(options.AddressFile, server.BaseAddress.ToString());

try
{
    await Task.Delay(Timeout.Infinite, server.Stopping);
}
catch (OperationCanceledException)
{
    // Ctrl+C, SIGINT or SIGTERM: disposing the server stops it.
}

return 0;
