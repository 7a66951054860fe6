namespace System.Threading;

/// <summary>What a <see cref="Thread"/> runs.</summary>
public delegate void ThreadStart();

/// <summary>What a <see cref="Thread"/> runs, with the object given to <see cref="Thread.Start(object)"/>.</summary>
public delegate void ParameterizedThreadStart(object obj);
