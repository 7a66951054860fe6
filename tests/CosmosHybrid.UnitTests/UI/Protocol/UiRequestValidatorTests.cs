using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.UI.Geometry;
using CosmosHybrid.Services.UI.Protocol;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.UI.Protocol;

public unsafe class UiRequestValidatorTests
{
    private static IpcMessage CreateRequest(int width, int height, ulong grantLength, ulong grantedAddress = 0x10000)
    {
        var request = default(IpcMessage);
        request.Tag = (ulong)UiRequest.CreateWindow;
        request.Word2 = UiRequestValidator.PackSize(width, height);
        request.GrantLength = grantLength;
        request.GrantedAddress = grantedAddress;
        return request;
    }

    [TestCase(0ul)]
    [TestCase(7ul)]
    [TestCase(0x3Ful)]
    [TestCase(0xFFFF_FFFF_FFFF_FFFEul)]
    public void GarbageTagsAreUnknown(ulong tag) => Assert.That(UiRequestValidator.IsKnown(tag), Is.False);

    [Test]
    public void EveryRequestTagIsKnown()
    {
        foreach (UiRequest tag in new[] { UiRequest.Connect, UiRequest.CreateWindow, UiRequest.Damage, UiRequest.SetTitle,
                     UiRequest.DestroyWindow, UiRequest.Disconnect, UiRequest.PointerInput, UiRequest.KeyInput, UiRequest.SetClock, UiRequest.Stop })
            Assert.That(UiRequestValidator.IsKnown((ulong)tag), Is.True, tag.ToString());
    }

    [TestCase(0, 10)]
    [TestCase(10, 0)]
    [TestCase(-1, 10)]
    [TestCase(10, -100)]
    [TestCase(UiLimits.MaxWindowSize + 1, 10)]
    [TestCase(10, int.MaxValue)]
    [TestCase(int.MinValue, int.MinValue)]
    public void NegativeZeroAndHugeSizesAreRefused(int width, int height)
    {
        IpcMessage request = CreateRequest(width, height, 1UL << 40);
        Assert.That(UiRequestValidator.CheckCreateWindow(request, 0, out _, out _, out _), Is.EqualTo(UiError.BadSize));
    }

    [Test]
    public void AGoodRequestPassesWithItsSizeAndTitle()
    {
        byte[] title = { (byte)'h', (byte)'i', 0xC3, 0xA9 };
        fixed (byte* text = title)
        {
            IpcMessage request = CreateRequest(100, 50, 100 * 50 * 4);
            request.BufferAddress = (ulong)text;
            request.BufferLength = (ulong)title.Length;
            Assert.That(UiRequestValidator.CheckCreateWindow(request, 0, out int width, out int height, out string name), Is.EqualTo(UiError.None));
            Assert.That(width, Is.EqualTo(100));
            Assert.That(height, Is.EqualTo(50));
            Assert.That(name, Is.EqualTo("hi\u00E9"));
        }
    }

    [Test]
    public void ARequestWithoutAGrantIsRefused()
    {
        IpcMessage request = CreateRequest(100, 50, 0, 0);
        request.BufferAddress = 0x5000; // a copied buffer is not a grant
        Assert.That(UiRequestValidator.CheckCreateWindow(request, 0, out _, out _, out _), Is.EqualTo(UiError.NotAGrant));
    }

    [Test]
    public void AGrantShorterThanThePixelsIsRefused()
    {
        IpcMessage request = CreateRequest(100, 50, 100 * 50 * 4 - 1);
        Assert.That(UiRequestValidator.CheckCreateWindow(request, 0, out _, out _, out _), Is.EqualTo(UiError.GrantTooSmall));
    }

    [Test]
    public void TheWindowCountPerClientIsBounded()
    {
        IpcMessage request = CreateRequest(10, 10, 4096);
        Assert.That(UiRequestValidator.CheckCreateWindow(request, UiLimits.MaxWindowsPerClient - 1, out _, out _, out _), Is.EqualTo(UiError.None));
        Assert.That(UiRequestValidator.CheckCreateWindow(request, UiLimits.MaxWindowsPerClient, out _, out _, out _), Is.EqualTo(UiError.TooManyWindows));
    }

    [Test]
    public void LongTitlesAreRefused()
    {
        IpcMessage request = CreateRequest(10, 10, 4096);
        request.BufferAddress = 0x5000;
        request.BufferLength = UiLimits.MaxTitleBytes + 1;
        Assert.That(UiRequestValidator.CheckCreateWindow(request, 0, out _, out _, out _), Is.EqualTo(UiError.BadBuffer));
    }

    [Test]
    public void DamageOutsideTheWindowIsClampedAndEmptyDamageDropped()
    {
        var rects = new[]
        {
            new UiRect(-10, -10, 20, 20),           // top-left corner part
            new UiRect(90, 40, 1000, 1000),         // bottom-right part
            new UiRect(500, 500, 10, 10),           // wholly outside
            new UiRect(5, 5, -3, 4),                // negative width
            new UiRect(int.MaxValue - 1, 0, int.MaxValue, 5), // would wrap in 32 bits
            new UiRect(int.MinValue, int.MinValue, int.MaxValue, int.MaxValue), // ends at -2: outside
            new UiRect(int.MinValue, 0, -1, 1),
        };
        Span<Rect> output = stackalloc Rect[UiLimits.MaxDamageRects];
        Assert.That(UiRequestValidator.ClampDamage(rects, 100, 50, output, out int count), Is.EqualTo(UiError.None));
        Assert.That(count, Is.EqualTo(2));
        Assert.That(output[0], Is.EqualTo(new Rect(0, 0, 10, 10)));
        Assert.That(output[1], Is.EqualTo(new Rect(90, 40, 10, 10)));
    }

    [Test]
    public void DamageListsMustBeWholeAndShort()
    {
        var rects = new UiRect[UiLimits.MaxDamageRects + 1];
        Span<Rect> output = stackalloc Rect[UiLimits.MaxDamageRects];
        fixed (UiRect* list = rects)
        {
            var request = default(IpcMessage);
            request.BufferAddress = (ulong)list;
            request.BufferLength = (ulong)(rects.Length * UiRect.Size);
            Assert.That(UiRequestValidator.ReadDamage(request, 10, 10, output, out _), Is.EqualTo(UiError.BadBuffer), "too many");
            request.BufferLength = UiRect.Size + 3;
            Assert.That(UiRequestValidator.ReadDamage(request, 10, 10, output, out _), Is.EqualTo(UiError.BadBuffer), "partial");
            request.BufferLength = 0;
            Assert.That(UiRequestValidator.ReadDamage(request, 10, 10, output, out int count), Is.EqualTo(UiError.None));
            Assert.That(count, Is.EqualTo(1));
            Assert.That(output[0], Is.EqualTo(new Rect(0, 0, 10, 10)), "no list: the whole window");
        }
    }

    [Test]
    public void EventsSurviveTheirMessageForm()
    {
        UiEvent pointer = UiEvent.ForPointer(3, 9, -5, 70000, UiPointerButtons.Left | UiPointerButtons.Middle, -2);
        Assert.That(UiEvent.TryFromMessage(pointer.ToMessage(), out UiEvent back), Is.True);
        Assert.That(back.Kind, Is.EqualTo(UiEventKind.Pointer));
        Assert.That(back.WindowId, Is.EqualTo(9));
        Assert.That(back.PointerX, Is.EqualTo(-5));
        Assert.That(back.PointerY, Is.EqualTo(70000));
        Assert.That(back.PointerButtons, Is.EqualTo(UiPointerButtons.Left | UiPointerButtons.Middle));
        Assert.That(back.Wheel, Is.EqualTo(-2));
        var garbage = default(IpcMessage);
        garbage.Tag = 12345;
        Assert.That(UiEvent.TryFromMessage(garbage, out _), Is.False);
    }
}
