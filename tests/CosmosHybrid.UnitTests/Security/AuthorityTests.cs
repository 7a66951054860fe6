using CosmosHybrid.Handles;
using CosmosHybrid.Security;
using CosmosHybrid.Services.Abi;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Security;

public class AuthorityTests
{
    [Test]
    public void TheRootAuthorityPassesEveryCheck()
    {
        var handles = new HandleTable();
        long root = handles.Add(Authority.Root, HandleRights.RootAuthority);
        foreach (HandleRights right in new[] { HandleRights.PowerOff, HandleRights.KillAny, HandleRights.Devices, HandleRights.ReserveNames, HandleRights.RaiseQuotas })
            Assert.That(Authority.Require(handles, root, right), Is.EqualTo(SyscallError.None), right.ToString());
    }

    [Test]
    public void AReducedAuthorityIsDeniedWhatItLacks()
    {
        var handles = new HandleTable();
        long power = handles.Add(Authority.Root, HandleRights.PowerOff);
        Assert.That(Authority.Require(handles, power, HandleRights.PowerOff), Is.EqualTo(SyscallError.None));
        Assert.That(Authority.Require(handles, power, HandleRights.KillAny), Is.EqualTo(SyscallError.Denied));
        Assert.That(Authority.Require(handles, power, HandleRights.PowerOff | HandleRights.KillAny), Is.EqualTo(SyscallError.Denied));
    }

    [Test]
    public void NoHandleAClosedHandleOrAnotherKindIsDenied()
    {
        var handles = new HandleTable();
        Assert.That(Authority.Require(handles, 0, HandleRights.PowerOff), Is.EqualTo(SyscallError.Denied));
        Assert.That(Authority.Require(handles, 4, HandleRights.PowerOff), Is.EqualTo(SyscallError.Denied));
        long other = handles.Add(new NameReservation("x"), HandleRights.RootAuthority);
        Assert.That(Authority.Require(handles, other, HandleRights.PowerOff), Is.EqualTo(SyscallError.Denied));
    }

    [Test]
    public void AReservedNameNeedsItsReservation()
    {
        var service = new HandleTable();
        var stranger = new HandleTable();
        NameReservation reservation = NameReservations.Reserve("unit-net");
        Assert.That(reservation, Is.Not.Null);
        Assert.That(NameReservations.Reserve("unit-net"), Is.Null, "reserved twice");
        long handle = service.Add(reservation, HandleRights.Transfer);
        NameReservation other = NameReservations.Reserve("unit-ui");
        long wrong = stranger.Add(other, HandleRights.Transfer);

        Assert.That(NameReservations.CheckRegister(service, "unit-net", handle), Is.EqualTo(SyscallError.None));
        Assert.That(NameReservations.CheckRegister(stranger, "unit-net", 0), Is.EqualTo(SyscallError.Denied));
        Assert.That(NameReservations.CheckRegister(stranger, "unit-net", wrong), Is.EqualTo(SyscallError.Denied));
        Assert.That(NameReservations.CheckRegister(stranger, "unit-free", 0), Is.EqualTo(SyscallError.None), "unreserved names stay first come, first served");

        // The reservation ends with its last handle.
        service.Detach(handle, out KernelObject target, out HandleRights rights);
        target.OnHandleClosed(rights);
        Assert.That(NameReservations.CheckRegister(stranger, "unit-net", 0), Is.EqualTo(SyscallError.None));
        stranger.Detach(wrong, out target, out rights);
        target.OnHandleClosed(rights);
    }
}
