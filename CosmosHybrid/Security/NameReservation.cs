using CosmosHybrid.Handles;
using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Security;

/// <summary>
/// One message-port name kept for the service meant to register it: while the reservation
/// lives (some handle names it), NameRegister of that name succeeds only for a caller that
/// presents it. Minted by a holder of <see cref="HandleRights.ReserveNames"/> (init, from the
/// manifest), handed to the service at spawn and again to each restarted instance.
/// </summary>
internal sealed class NameReservation : KernelObject
{
    public NameReservation(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public override void OnHandleClosed(HandleRights rights)
    {
        if (References == 0)
            NameReservations.Release(this);
    }
}
