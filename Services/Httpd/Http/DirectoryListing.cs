using System.Collections.Generic;
using System.Text;

namespace CosmosHybrid.Services.Httpd.Http;

/// <summary>One row of a directory listing.</summary>
public struct ListingEntry
{
    public string Name;
    public bool IsDirectory;
    public long Size;

    public ListingEntry(string name, bool isDirectory, long size)
    {
        Name = name;
        IsDirectory = isDirectory;
        Size = size;
    }
}

/// <summary>The HTML page httpd answers for a directory: directories first, then files, each sorted by name, with absolute links.</summary>
public static class DirectoryListing
{
    public static string Html(string path, List<ListingEntry> entries)
    {
        entries.Sort(Compare);
        string title = "Index of " + Escape(path);
        var builder = new StringBuilder(256 + entries.Count * 96);
        builder.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head>\n<body><h1>")
            .Append(title).Append("</h1>\n<ul>\n");
        string prefix = path == "/" ? "/" : path + "/";
        if (path != "/")
        {
            int slash = path.LastIndexOf('/');
            string parent = slash <= 0 ? "/" : path.Substring(0, slash) + "/";
            builder.Append("<li><a href=\"").Append(HttpTarget.Escape(parent)).Append("\">../</a></li>\n");
        }
        foreach (ListingEntry entry in entries)
        {
            string name = entry.IsDirectory ? entry.Name + "/" : entry.Name;
            builder.Append("<li><a href=\"").Append(HttpTarget.Escape(prefix + name)).Append("\">").Append(Escape(name)).Append("</a>");
            if (!entry.IsDirectory)
                builder.Append(' ').Append(entry.Size.ToString()).Append(" bytes");
            builder.Append("</li>\n");
        }
        builder.Append("</ul>\n</body></html>\n");
        return builder.ToString();
    }

    private static int Compare(ListingEntry a, ListingEntry b)
    {
        if (a.IsDirectory != b.IsDirectory)
            return a.IsDirectory ? -1 : 1;
        return string.CompareOrdinal(a.Name, b.Name);
    }

    /// <summary>Text for HTML content and attribute values.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }
}
