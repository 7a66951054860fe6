namespace System;

/// <summary>
/// A reference to a method (and its target). ILC requires these exact field names
/// and the Initialize* methods, and generates Invoke itself.
/// </summary>
public abstract class Delegate
{
#pragma warning disable 649, 169
    internal object _firstParameter;
    internal object _helperObject;
    internal nint _extraFunctionPointerOrData;
    internal IntPtr _functionPointer;
#pragma warning restore 649, 169

    private void InitializeClosedInstance(object firstParameter, IntPtr functionPointer)
    {
        _functionPointer = functionPointer;
        _firstParameter = firstParameter;
    }

    private void InitializeOpenStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
    {
        // The thunk calls _extraFunctionPointerOrData with the delegate's arguments.
        _firstParameter = this;
        _functionPointer = functionPointerThunk;
        _extraFunctionPointerOrData = functionPointer;
    }

    private void InitializeClosedStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
    {
        _helperObject = firstParameter;
        _functionPointer = functionPointerThunk;
        _extraFunctionPointerOrData = functionPointer;
        _firstParameter = this;
    }
}

public abstract class MulticastDelegate : Delegate
{
}

public delegate void Action();
public delegate void Action<in T>(T arg);
public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);
public delegate void Action<in T1, in T2, in T3>(T1 arg1, T2 arg2, T3 arg3);
public delegate void Action<in T1, in T2, in T3, in T4>(T1 arg1, T2 arg2, T3 arg3, T4 arg4);
public delegate TResult Func<out TResult>();
public delegate TResult Func<in T, out TResult>(T arg);
public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);
public delegate TResult Func<in T1, in T2, in T3, out TResult>(T1 arg1, T2 arg2, T3 arg3);
public delegate TResult Func<in T1, in T2, in T3, in T4, out TResult>(T1 arg1, T2 arg2, T3 arg3, T4 arg4);
public delegate TOutput Converter<in TInput, out TOutput>(TInput input);
public delegate bool Predicate<in T>(T obj);
public delegate int Comparison<in T>(T x, T y);
