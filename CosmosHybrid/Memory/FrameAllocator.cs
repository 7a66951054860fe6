namespace CosmosHybrid.Memory;

/// <summary>
/// Physical page frames, one bit each (1 = in use) in a bitmap the caller provides.
/// Every frame starts in use; only ranges passed to <see cref="AddFreeRange"/>
/// can ever be handed out, so memory the kernel did not declare free (its own
/// image, boot modules, firmware areas) is never given away. Searches start where
/// the last one ended (next fit), so the common single-frame case is short.
/// </summary>
public sealed unsafe class FrameAllocator
{
    public const ulong FrameSize = 4096;

    private readonly ulong* _bitmap;
    private readonly ulong _frameCount;
    private ulong _freeFrames;
    private ulong _usableFrames;
    private ulong _searchStart;

    /// <summary>
    /// Manages frames 0 .. <paramref name="frameCount"/>-1. The bitmap must hold
    /// <see cref="BitmapBytes"/>(frameCount) bytes; it is overwritten.
    /// </summary>
    public FrameAllocator(ulong* bitmap, ulong frameCount)
    {
        _bitmap = bitmap;
        _frameCount = frameCount;
        ulong words = WordCount(frameCount);
        for (ulong i = 0; i < words; i++)
            bitmap[i] = ulong.MaxValue;
    }

    public static ulong BitmapBytes(ulong frameCount) => WordCount(frameCount) * 8;

    public ulong FrameCount => _frameCount;

    public ulong FreeFrames => _freeFrames;

    /// <summary>Frames that were ever declared free: the memory this allocator manages.</summary>
    public ulong UsableFrames => _usableFrames;

    public ulong UsedFrames => _usableFrames - _freeFrames;

    /// <summary>Declares the whole frames inside <paramref name="range"/> available.</summary>
    public void AddFreeRange(MemoryRange range)
    {
        MemoryRange pages = range.ShrinkToPages(FrameSize);
        ulong first = pages.Start / FrameSize;
        ulong end = pages.End / FrameSize;
        if (end > _frameCount)
            end = _frameCount;
        for (ulong frame = first; frame < end; frame++)
        {
            // 64 frames at once where a whole word of the bitmap is in the range and still all in use, as at boot:
            // frame by frame, 512 MiB took 4.2 M instructions.
            if ((frame & 63) == 0 && frame + 64 <= end && _bitmap[frame / 64] == ulong.MaxValue)
            {
                _bitmap[frame / 64] = 0;
                _freeFrames += 64;
                _usableFrames += 64;
                frame += 63;
            }
            else if (IsUsed(frame))
            {
                SetFree(frame);
                _freeFrames++;
                _usableFrames++;
            }
        }
    }

    /// <summary>Allocates one frame; false when memory is exhausted.</summary>
    public bool TryAllocate(out ulong physicalAddress) => TryAllocateContiguous(1, out physicalAddress);

    /// <summary>Allocates <paramref name="count"/> physically contiguous frames.</summary>
    public bool TryAllocateContiguous(ulong count, out ulong physicalAddress)
    {
        physicalAddress = 0;
        if (count == 0 || count > _freeFrames)
            return false;

        // Two passes: from the last position to the end, then from the start.
        if (TryFindRun(_searchStart, _frameCount, count, out ulong first)
            || TryFindRun(0, _searchStart + count < _frameCount ? _searchStart + count : _frameCount, count, out first))
        {
            for (ulong frame = first; frame < first + count; frame++)
                SetUsed(frame);
            _freeFrames -= count;
            _searchStart = first + count < _frameCount ? first + count : 0;
            physicalAddress = first * FrameSize;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Allocates <paramref name="count"/> physically contiguous frames that start at a multiple
    /// of <paramref name="alignment"/> bytes (a power of two, at least a frame) and end at or
    /// below <paramref name="limit"/> (e.g. 4 GiB for a 32-bit DMA engine). Searches from the
    /// bottom, so it is for rare allocations (DMA buffers), not the common path.
    /// </summary>
    public bool TryAllocateContiguous(ulong count, ulong alignment, ulong limit, out ulong physicalAddress)
    {
        physicalAddress = 0;
        if (count == 0 || count > _freeFrames || alignment < FrameSize || (alignment & (alignment - 1)) != 0)
            return false;
        ulong step = alignment / FrameSize;
        ulong end = limit / FrameSize < _frameCount ? limit / FrameSize : _frameCount;
        ulong first = 0;
        while (first + count <= end)
        {
            ulong used = FirstUsed(first, first + count);
            if (used == ulong.MaxValue)
            {
                for (ulong frame = first; frame < first + count; frame++)
                    SetUsed(frame);
                _freeFrames -= count;
                physicalAddress = first * FrameSize;
                return true;
            }
            first = (used / step + 1) * step;   // the next aligned start past the used frame
        }
        return false;
    }

    /// <summary>Returns frames to the pool. Returns false, changing nothing, for a frame that is not allocated.</summary>
    public bool Free(ulong physicalAddress, ulong count = 1)
    {
        if (physicalAddress % FrameSize != 0)
            return false;
        ulong first = physicalAddress / FrameSize;
        if (first >= _frameCount || count > _frameCount - first)
            return false;
        for (ulong frame = first; frame < first + count; frame++)
        {
            if (!IsUsed(frame))
                return false;
        }

        for (ulong frame = first; frame < first + count; frame++)
            SetFree(frame);
        _freeFrames += count;
        return true;
    }

    public bool IsAllocated(ulong physicalAddress)
    {
        ulong frame = physicalAddress / FrameSize;
        return frame >= _frameCount || IsUsed(frame);
    }

    private bool TryFindRun(ulong from, ulong to, ulong count, out ulong first)
    {
        ulong runStart = from;
        ulong runLength = 0;
        ulong frame = from;
        while (frame < to)
        {
            // Skip a fully used word at once: the common case in a busy bitmap.
            if ((frame & 63) == 0 && _bitmap[frame / 64] == ulong.MaxValue)
            {
                frame += 64;
                runLength = 0;
                runStart = frame;
                continue;
            }

            if (IsUsed(frame))
            {
                runLength = 0;
                runStart = frame + 1;
            }
            else if (++runLength == count)
            {
                first = runStart;
                return true;
            }
            frame++;
        }
        first = 0;
        return false;
    }

    // The first used frame in [from, to), or ulong.MaxValue when all are free.
    private ulong FirstUsed(ulong from, ulong to)
    {
        for (ulong frame = from; frame < to; frame++)
        {
            if ((frame & 63) == 0 && frame + 64 <= to && _bitmap[frame / 64] == 0)
            {
                frame += 63;   // a whole free word
                continue;
            }
            if (IsUsed(frame))
                return frame;
        }
        return ulong.MaxValue;
    }

    private static ulong WordCount(ulong frameCount) => (frameCount + 63) / 64;

    private bool IsUsed(ulong frame) => (_bitmap[frame / 64] & (1UL << (int)(frame % 64))) != 0;

    private void SetUsed(ulong frame) => _bitmap[frame / 64] |= 1UL << (int)(frame % 64);

    private void SetFree(ulong frame) => _bitmap[frame / 64] &= ~(1UL << (int)(frame % 64));
}
