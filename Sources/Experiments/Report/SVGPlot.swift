import Foundation

/// Line and marker plots written as SVG by hand: readable axes with round-number ticks, labels,
/// a legend, error bars, and the Okabe–Ito colour-blind-safe palette.
struct SVGPlot {
    struct Series {
        var name: String
        var points: [(x: Double, y: Double)]
        /// Optional (low, high) per point, drawn as error bars.
        var errors: [(Double, Double)]? = nil
        var dashed = false
        var markers = true
        var color: Int? = nil
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var series: [Series] = []
    var width = 640.0
    var height = 400.0
    /// A fixed y axis; nil fits the data (and error bars) with a 5% margin.
    var yRange: (Double, Double)? = nil
    /// Where a fitted y axis may reach (rates: 0…1): the data decide the range within them, so
    /// accuracies of 0.90–0.95 are not squeezed into a tenth of the plot.
    var yLimits: (Double, Double)? = nil
    var xRange: (Double, Double)? = nil
    /// Vertical reference lines with labels (α_c).
    var verticals: [(x: Double, label: String)] = []
    /// Names for integer x positions (categorical axes).
    var xCategories: [String]? = nil

    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// Round-number ticks (1, 2, 5 × 10^k) covering [low, high].
    static func ticks(_ low: Double, _ high: Double, count: Int = 6) -> [Double] {
        guard high > low, low.isFinite, high.isFinite else { return [low] }
        let raw = (high - low) / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var t = (low / step).rounded(.up) * step
        var out: [Double] = []
        while t <= high + step * 1e-9 {
            out.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        return out
    }

    /// A tick label: integers below 10,000 as they are, larger values with an SI suffix
    /// ("-5M", "2.5k", "1.2G"), small ones with 4 significant digits, never an exponent mixed
    /// with plain digits on one axis.
    static func label(_ v: Double) -> String {
        let a = abs(v)
        if v == v.rounded() && a < 1e4 { return String(Int(v)) }
        for (size, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")] where a >= size && a >= 1e4 {
            return String(format: "%.4g", v / size) + suffix
        }
        return String(format: "%.4g", v)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;")
    }

    var svg: String {
        let left = 70.0, right = 20.0, top = 40.0
        let legendNames = series.map(\.name) + verticals.map(\.label)
        // Two legend columns when the names fit in half the width, else one.
        let legendColumns = (legendNames.map(\.count).max() ?? 0) * 7 + 40 < Int(width - 90) / 2 ? 2 : 1
        let bottom = 55.0 + 16 * ceil(Double(legendNames.count) / Double(legendColumns))
        let plotW = width - left - right
        let categoryWidest = xCategories?.map(\.count).max() ?? 0
        let turned = categoryWidest * 7 > Int(plotW / Double(max(1, xCategories?.count ?? 1)))
        // Category labels that would overlap are turned 35°, and the plot leaves room below for them.
        let labelDrop = turned ? min(Double(categoryWidest) * 4.5, 140) : 0
        let plotH = height - top - bottom - labelDrop
        let xs = series.flatMap { $0.points.map(\.x) } + verticals.map(\.x)
        let ys = series.flatMap { s in s.points.map(\.y) + (s.errors?.flatMap { [$0.0, $0.1] } ?? []) }.filter(\.isFinite)
        var (x0, x1) = xRange ?? (xs.min() ?? 0, xs.max() ?? 1)
        var (y0, y1) = yRange ?? (ys.min() ?? 0, ys.max() ?? 1)
        if x1 <= x0 { x0 -= 0.5; x1 += 0.5 }
        if y1 <= y0 { y0 -= 0.5; y1 += 0.5 }
        if xCategories != nil { x0 -= 0.5; x1 += 0.5 }
        if yRange == nil { let pad = (y1 - y0) * 0.05; y0 -= pad; y1 += pad }
        if yRange == nil, let (low, high) = yLimits { (y0, y1) = (max(low, y0), min(high, y1)) }
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * plotW }
        func py(_ y: Double) -> Double { top + (1 - (y - y0) / (y1 - y0)) * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s +=
            "<text x=\"\(f(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(SVGPlot.escape(title))</text>\n"
        // Grid and ticks.
        for t in SVGPlot.ticks(y0, y1) {
            s += "<line x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(t)))\" stroke=\"#e4e4e4\"/>\n"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(SVGPlot.label(t))</text>\n"
        }
        let xTicks: [(Double, String)]
        if let categories = xCategories {
            xTicks = categories.enumerated().map { (Double($0.offset), $0.element) }
        } else {
            xTicks = SVGPlot.ticks(x0, x1).map { ($0, SVGPlot.label($0)) }
        }
        for (t, text) in xTicks {
            s += "<line x1=\"\(f(px(t)))\" y1=\"\(f(top + plotH))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + plotH + 5))\" stroke=\"#333\"/>\n"
            if turned {
                s +=
                    "<text x=\"\(f(px(t)))\" y=\"\(f(top + plotH + 14))\" text-anchor=\"end\" transform=\"rotate(-35 \(f(px(t))) \(f(top + plotH + 14)))\">\(SVGPlot.escape(text))</text>\n"
            } else {
                s += "<text x=\"\(f(px(t)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(SVGPlot.escape(text))</text>\n"
            }
        }
        s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#333\"/>\n"
        s +=
            "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 36 + labelDrop))\" text-anchor=\"middle\">\(SVGPlot.escape(xLabel))</text>\n"
        s += "<text transform=\"translate(16,\(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(SVGPlot.escape(yLabel))</text>\n"
        s += marks(px: px, py: py, top: top, bottom: top + plotH)
        s += legend(x: left, y: top + plotH + labelDrop + 52, width: plotW, columns: legendColumns)
        s += "</svg>\n"
        return s
    }

    /// The reference lines and the series (lines, error bars, markers), in plot coordinates
    /// `px`, `py`; the reference lines run from `top` to `bottom`.
    func marks(px: (Double) -> Double, py: (Double) -> Double, top: Double, bottom: Double) -> String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = ""
        // Reference lines.
        for v in verticals {
            s +=
                "<line x1=\"\(f(px(v.x)))\" y1=\"\(f(top))\" x2=\"\(f(px(v.x)))\" y2=\"\(f(bottom))\" stroke=\"#666\" stroke-dasharray=\"2,3\"/>\n"
        }
        // Series.
        for (k, series) in series.enumerated() {
            let color = SVGPlot.palette[(series.color ?? k) % SVGPlot.palette.count]
            let points = series.points.filter { $0.x.isFinite && $0.y.isFinite }
            if points.count > 1 {
                let path = points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
                s +=
                    "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(series.dashed ? " stroke-dasharray=\"6,4\"" : "")/>\n"
            }
            if let errors = series.errors {
                for (p, e) in zip(series.points, errors) where e.0.isFinite && e.1.isFinite {
                    s += "<line x1=\"\(f(px(p.x)))\" y1=\"\(f(py(e.0)))\" x2=\"\(f(px(p.x)))\" y2=\"\(f(py(e.1)))\" stroke=\"\(color)\"/>\n"
                    for y in [e.0, e.1] {
                        s +=
                            "<line x1=\"\(f(px(p.x) - 4))\" y1=\"\(f(py(y)))\" x2=\"\(f(px(p.x) + 4))\" y2=\"\(f(py(y)))\" stroke=\"\(color)\"/>\n"
                    }
                }
            }
            if series.markers {
                for p in points { s += "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"3\" fill=\"\(color)\"/>\n" }
            }
        }
        return s
    }

    /// The legend, in `columns` columns from (x, y): one line and name per series, then the
    /// reference lines.
    func legend(x left: Double, y top: Double, width plotW: Double, columns legendColumns: Int) -> String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = ""
        let entries =
            series.enumerated().map {
                (SVGPlot.palette[($0.element.color ?? $0.offset) % SVGPlot.palette.count], $0.element.name, $0.element.dashed)
            }
            + verticals.map { ("#666", $0.label, true) }
        for (k, entry) in entries.enumerated() {
            let ex = left + Double(k % legendColumns) * plotW / 2, ey = top + Double(k / legendColumns) * 16
            s +=
                "<line x1=\"\(f(ex))\" y1=\"\(f(ey - 4))\" x2=\"\(f(ex + 22))\" y2=\"\(f(ey - 4))\" stroke=\"\(entry.0)\" stroke-width=\"2\"\(entry.2 ? " stroke-dasharray=\"6,4\"" : "")/>\n"
            s += "<text x=\"\(f(ex + 28))\" y=\"\(f(ey))\">\(SVGPlot.escape(entry.1))</text>\n"
        }
        return s
    }
}
