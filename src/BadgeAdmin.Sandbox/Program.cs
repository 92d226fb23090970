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

await using var server = await SandboxServer.StartAsync(options);
Console.WriteLine($"BadgeAdmin sandbox listening on {server.BaseAddress}");
Console.WriteLine($"  PartnerPage key: {options.PartnerPageKey}    Snag key: {options.SnagKey}");
Console.WriteLine($"  Snag organization: {server.State.Snag.OrganizationId}    main website: {server.State.Snag.MainWebsite.Id}");
Console.WriteLine($"  Seed ids: GET {server.BaseAddress}_sandbox/seed");
Console.WriteLine("  Press Ctrl+C to stop.");
if (options.AddressFile is not null) await File.WriteAllTextAsync(options.AddressFile, server.BaseAddress.ToString());

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
