import Foundation

/// Small pieces of HTML for the report: escaping, tables, plots as images.
enum HTML {
    /// Text safe inside elements and attribute values.
    static func escape(_ s: String) -> String { SVGPlot.escape(s) }

    /// Sentences as `<li>` lines, escaped, one per line (for a `<ul>`).
    static func items(_ sentences: [String]) -> String {
        sentences.map { "<li>\(escape($0))</li>" }.joined(separator: "\n")
    }

    /// A table: the first row is the header.
    static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var html = "<div style=\"overflow-x:auto\"><table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in rows.dropFirst() { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return html + "</table></div>\n"
    }

    /// An SVG shown as an image (an `<img>` never runs scripts an SVG might hold).
    static func svgImage(_ svg: String) -> String {
        "<img class=\"plot\" alt=\"plot\" src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\">"
    }
}
