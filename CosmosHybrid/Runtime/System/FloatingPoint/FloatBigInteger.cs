namespace System;

/// <summary>
/// A non-negative integer of up to <see cref="MaxLimbs"/> 32-bit limbs (little-endian),
/// stored in a caller's buffer (usually stackalloc'd), for exact floating-point
/// conversions: the largest value needed is 10^1100 × 2^64 (parsing a number with 768
/// digits and a tiny exponent), about 3,720 bits.
/// </summary>
internal ref struct FloatBigInteger
{
    public const int MaxLimbs = 120;

    private readonly Span<uint> _limbs;
    private int _length; // limbs in use; the top one is non-zero (0 limbs is the value 0)

    public FloatBigInteger(Span<uint> buffer, ReadOnlySpan<uint> limbs)
    {
        _limbs = buffer;
        limbs.CopyTo(buffer);
        _length = limbs.Length;
        Trim();
    }

    public FloatBigInteger(Span<uint> buffer, ulong value)
    {
        _limbs = buffer;
        _length = 0;
        SetUInt64(value);
    }

    public readonly bool IsZero => _length == 0;

    public void SetUInt64(ulong value)
    {
        _limbs[0] = (uint)value;
        _limbs[1] = (uint)(value >> 32);
        _length = value == 0 ? 0 : value >> 32 == 0 ? 1 : 2;
    }

    public void CopyFrom(scoped in FloatBigInteger other)
    {
        other._limbs.Slice(0, other._length).CopyTo(_limbs);
        _length = other._length;
    }

    /// <summary>Number of significant bits (0 for zero).</summary>
    public readonly int BitLength
    {
        get
        {
            if (_length == 0)
                return 0;
            uint top = _limbs[_length - 1];
            int bits = 0;
            while (top != 0)
            {
                top >>= 1;
                bits++;
            }
            return (_length - 1) * 32 + bits;
        }
    }

    public void Multiply(uint factor)
    {
        ulong carry = 0;
        for (int i = 0; i < _length; i++)
        {
            ulong product = (ulong)_limbs[i] * factor + carry;
            _limbs[i] = (uint)product;
            carry = product >> 32;
        }
        if (carry != 0)
            _limbs[_length++] = (uint)carry;
        if (factor == 0)
            _length = 0;
    }

    /// <summary>this = this × factor + addend.</summary>
    public void MultiplyAdd(uint factor, uint addend)
    {
        ulong carry = addend;
        for (int i = 0; i < _length; i++)
        {
            ulong product = (ulong)_limbs[i] * factor + carry;
            _limbs[i] = (uint)product;
            carry = product >> 32;
        }
        if (carry != 0)
            _limbs[_length++] = (uint)carry;
    }

    public void MultiplyPow10(int exponent)
    {
        while (exponent >= 9)
        {
            Multiply(1_000_000_000);
            exponent -= 9;
        }
        uint rest = 1;
        while (exponent-- > 0)
            rest *= 10;
        if (rest != 1)
            Multiply(rest);
    }

    public void ShiftLeft(int bits)
    {
        if (_length == 0 || bits == 0)
            return;
        int limbShift = bits >> 5;
        int bitShift = bits & 31;
        if (bitShift == 0)
        {
            for (int i = _length - 1; i >= 0; i--)
                _limbs[i + limbShift] = _limbs[i];
        }
        else
        {
            uint spill = _limbs[_length - 1] >> (32 - bitShift);
            for (int i = _length - 1; i > 0; i--)
                _limbs[i + limbShift] = (_limbs[i] << bitShift) | (_limbs[i - 1] >> (32 - bitShift));
            _limbs[limbShift] = _limbs[0] << bitShift;
            if (spill != 0)
            {
                _limbs[_length + limbShift] = spill;
                _length++;
            }
        }
        _limbs.Slice(0, limbShift).Clear();
        _length += limbShift;
    }

    public void Add(scoped in FloatBigInteger other)
    {
        int longer = Math.Max(_length, other._length);
        ulong carry = 0;
        for (int i = 0; i < longer; i++)
        {
            ulong sum = carry + (i < _length ? _limbs[i] : 0u) + (i < other._length ? other._limbs[i] : 0u);
            _limbs[i] = (uint)sum;
            carry = sum >> 32;
        }
        _length = longer;
        if (carry != 0)
            _limbs[_length++] = (uint)carry;
    }

    /// <summary>this -= other; requires this ≥ other.</summary>
    public void Subtract(scoped in FloatBigInteger other)
    {
        long borrow = 0;
        for (int i = 0; i < _length; i++)
        {
            long difference = (long)_limbs[i] - (i < other._length ? other._limbs[i] : 0u) + borrow;
            _limbs[i] = (uint)difference;
            borrow = difference >> 32;
        }
        Trim();
    }

    public static int Compare(scoped in FloatBigInteger left, scoped in FloatBigInteger right)
    {
        if (left._length != right._length)
            return left._length > right._length ? 1 : -1;
        for (int i = left._length - 1; i >= 0; i--)
        {
            if (left._limbs[i] != right._limbs[i])
                return left._limbs[i] > right._limbs[i] ? 1 : -1;
        }
        return 0;
    }

    /// <summary>Compares left + addend with right.</summary>
    public static int CompareSum(scoped in FloatBigInteger left, scoped in FloatBigInteger addend, scoped in FloatBigInteger right)
    {
        // Walk from the top with a window of the pending difference (sum - right), which
        // stays within -1..1 of a limb once a decision is not yet possible.
        int length = Math.Max(Math.Max(left._length, addend._length), right._length) + 1;
        long pending = 0;
        for (int i = length - 1; i >= 0; i--)
        {
            long sum = (long)left.Limb(i) + addend.Limb(i) - right.Limb(i);
            pending = pending * 0x1_0000_0000L + sum;
            if (pending > 2)
                return 1;
            if (pending < -2)
                return -1;
        }
        return pending > 0 ? 1 : pending < 0 ? -1 : 0;
    }

    /// <summary>
    /// Divides by <paramref name="divisor"/> when the quotient is below 10 (or a little more);
    /// leaves the remainder here and returns the quotient.
    /// </summary>
    public uint DivideSmallQuotient(scoped in FloatBigInteger divisor)
    {
        uint quotient = 0;
        while (Compare(this, divisor) >= 0)
        {
            Subtract(divisor);
            quotient++;
        }
        return quotient;
    }

    /// <summary>The top 64 bits (shifted so that bit 63 is the top bit); <paramref name="rest"/> is true when lower bits are non-zero.</summary>
    public readonly ulong Top64(out bool rest)
    {
        int bitLength = BitLength;
        int shift = bitLength - 64;
        ulong result = 0;
        rest = false;
        for (int i = _length - 1; i >= 0; i--)
        {
            int limbBit = i * 32; // bit index of this limb's lowest bit
            int offset = limbBit - shift;
            ulong limb = _limbs[i];
            if (offset >= 0)
                result |= limb << offset;
            else if (offset > -32)
            {
                result |= limb >> -offset;
                if ((limb & ((1u << -offset) - 1)) != 0)
                    rest = true;
            }
            else if (limb != 0)
                rest = true;
        }
        return result;
    }

    /// <summary>Bits lowBit .. lowBit+63 (zeros beyond the top).</summary>
    public readonly ulong Extract64(int lowBit)
    {
        int limb = lowBit >> 5;
        int shift = lowBit & 31;
        ulong low = Limb(limb) | (ulong)Limb(limb + 1) << 32;
        if (shift == 0)
            return low;
        return (low >> shift) | (ulong)Limb(limb + 2) << (64 - shift);
    }

    /// <summary>this = this × factor (factor below 2^64).</summary>
    public void Multiply(ulong factor, Span<uint> scratch)
    {
        var high = new FloatBigInteger(scratch, 0);
        high.CopyFrom(this);
        Multiply((uint)factor);
        high.Multiply((uint)(factor >> 32));
        high.ShiftLeft(32);
        Add(high);
    }

    private readonly uint Limb(int index) => index < _length ? _limbs[index] : 0u;

    private void Trim()
    {
        while (_length > 0 && _limbs[_length - 1] == 0)
            _length--;
    }
}
