namespace CosmosHybrid.Services.Input.Mouse;

/// <summary>
/// Turns the bytes of a PS/2 mouse into <see cref="MouseEvent"/>s, one byte at a time: three-byte
/// packets, or four with the IntelliMouse wheel. The first byte holds the buttons, the sign bits
/// of the 9-bit x and y movements and their overflow bits, and always has bit 3 set: a byte
/// without it cannot start a packet and is dropped, which brings a decoder that lost a byte
/// back in step within a packet or two. A packet with an overflow bit, or a wheel value beyond
/// what a wheel sends, is dropped too (its movement is meaningless), as is a packet cut by a
/// long pause (<see cref="Resynchronise"/>).
/// </summary>
public sealed class MousePacketDecoder
{
    private const byte AlwaysOne = 0x08;
    private const byte XSign = 0x10;
    private const byte YSign = 0x20;
    private const byte XOverflow = 0x40;
    private const byte YOverflow = 0x80;
    private const byte ButtonBits = 0x07;

    // An IntelliMouse sends -8..7 per packet; anything else means the stream is out of step.
    private const int MaxWheel = 8;

    private readonly byte[] _packet = new byte[4];
    private int _count;

    /// <summary>Whether packets have the fourth (wheel) byte: after the device answered ID 3.</summary>
    public bool HasWheel { get; set; }

    public int PacketSize => HasWheel ? 4 : 3;

    /// <summary>Bytes and packets dropped to get back in step (for the driver's statistics).</summary>
    public int Dropped { get; private set; }

    /// <summary>Starts over at the next byte (after a pause in the middle of a packet, or a device reset).</summary>
    public void Resynchronise()
    {
        if (_count > 0)
            Dropped++;
        _count = 0;
    }

    /// <summary>Feeds one byte; true with the event when it completes a valid packet.</summary>
    public bool TryDecode(byte value, out MouseEvent mouseEvent)
    {
        mouseEvent = default;
        if (_count == 0 && (value & AlwaysOne) == 0)
        {
            Dropped++;
            return false;
        }
        _packet[_count++] = value;
        if (_count < PacketSize)
            return false;
        _count = 0;

        byte flags = _packet[0];
        if ((flags & (XOverflow | YOverflow)) != 0)
        {
            Dropped++;
            return false;
        }
        int dx = _packet[1] - ((flags & XSign) != 0 ? 256 : 0);
        int dy = _packet[2] - ((flags & YSign) != 0 ? 256 : 0);
        int wheel = 0;
        if (HasWheel)
        {
            wheel = (sbyte)_packet[3];
            if (wheel < -MaxWheel || wheel >= MaxWheel)
            {
                Dropped++;
                return false;
            }
        }
        // PS/2 counts y upwards and the wheel towards the user: turn both round, to the screen's
        // y (downwards) and a wheel that is positive when turned up.
        mouseEvent = new MouseEvent(dx, -dy, -wheel, (MouseButtons)(flags & ButtonBits));
        return true;
    }
}
