using System.Collections.Generic;

namespace CosmosHybrid.Services.Init.Manifest;

/// <summary>
/// Dependency order: each service after everything its `after` lines name. A service that
/// depends on an unknown service or sits in a cycle is reported and left out (it could
/// never start correctly); the rest keep their file order where dependencies allow.
/// </summary>
internal static class StartOrder
{
    public static List<ServiceEntry> Compute(ServiceManifest manifest)
    {
        var order = new List<ServiceEntry>();
        var pending = new List<ServiceEntry>(manifest.Services);
        bool progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            for (int i = 0; i < pending.Count; i++)
            {
                ServiceEntry service = pending[i];
                if (!DependenciesStarted(service, order))
                    continue;
                order.Add(service);
                pending.RemoveAt(i);
                progress = true;
                break;
            }
        }
        for (int i = 0; i < pending.Count; i++)
        {
            ServiceEntry service = pending[i];
            string missing = FirstUnknownDependency(manifest, service);
            manifest.Errors.Add(new ManifestError(service.Line, missing != null
                ? "service '" + service.Name + "' depends on unknown service '" + missing + "'; skipped"
                : "service '" + service.Name + "' is in a dependency cycle; skipped"));
        }
        return order;
    }

    private static bool DependenciesStarted(ServiceEntry service, List<ServiceEntry> started)
    {
        for (int i = 0; i < service.After.Count; i++)
        {
            bool found = false;
            for (int j = 0; j < started.Count && !found; j++)
                found = started[j].Name == service.After[i];
            if (!found)
                return false;
        }
        return true;
    }

    private static string FirstUnknownDependency(ServiceManifest manifest, ServiceEntry service)
    {
        for (int i = 0; i < service.After.Count; i++)
        {
            if (manifest.Find(service.After[i]) == null)
                return service.After[i];
        }
        return null;
    }
}
